// Shared by the crash and load tests: start the real server (scripts/start.mjs) on loopback with a
// given database, wait until it answers, and talk to it as a signed-in demo person.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { npmStartArgs } from './start-args.mjs';

export const HOST = '127.0.0.1';
export const DEMO_PASSWORD = 'handoff-demo';
const root = resolve(import.meta.dirname, '../..');

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, HOST, () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts the server as `npm start` does (API + SPA + scheduler; seeds the demo into an empty database). */
export function startServer(port, databaseUrl, env = {}) {
  const child = spawn(process.execPath, npmStartArgs(), {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST,
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: `http://${HOST}:${port}`,
      LOG_LEVEL: 'error',
      SIGN_IN_RATE_LIMIT: '1000',
      SEED_DEMO: 'auto',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal })));
  return { child, exited, output: () => output };
}

/** Stops a server started above: SIGTERM, then SIGKILL if it has not gone after 5 s. */
export async function stopServer(server) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  await Promise.race([server.exited, new Promise((r) => setTimeout(r, 5_000))]);
  if (server.child.exitCode === null && server.child.signalCode === null)
    server.child.kill('SIGKILL');
}

export async function waitHealthy(base, server, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`server exited:\n${server.output()}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

/** A fetch client that keeps a session cookie and the workspace, and sends our Origin. */
export function makeClient(base, origin = base) {
  const session = { cookie: '', workspaceId: '' };
  const request = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        origin,
        ...(session.cookie ? { cookie: session.cookie } : {}),
        ...(session.workspaceId ? { 'x-workspace-id': session.workspaceId } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json, text, headers: res.headers };
  };
  return {
    session,
    request,
    /** Headers a raw HTTP client (autocannon) needs to act as this person. */
    headers: () => ({
      origin,
      cookie: session.cookie,
      'x-workspace-id': session.workspaceId,
    }),
    async signIn(email, password = DEMO_PASSWORD) {
      const res = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
      session.cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const me = await request('GET', '/api/me');
      session.workspaceId = me.json?.current?.workspaceId ?? '';
    },
  };
}
