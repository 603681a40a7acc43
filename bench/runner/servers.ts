import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { npmStartArgs } from '../../scripts/support/start-args.mjs';

const root = resolve(import.meta.dirname, '../..');
export const HOST = '127.0.0.1';

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, HOST, () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface Child {
  process: ChildProcess;
  pid: number;
  base: string;
  output: () => string;
  stop: () => Promise<void>;
}

function launch(args: string[], env: NodeJS.ProcessEnv, base: string): Child {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((ok) => child.on('exit', () => ok()));
  return {
    process: child,
    pid: child.pid ?? 0,
    base,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** The app as `npm start` runs it (scripts/start.mjs: API + SPA + scheduler), on a given database. */
export async function startApp(
  databaseUrl: string,
  extraEnv: NodeJS.ProcessEnv = {},
  pollMs = 50,
): Promise<Child> {
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const child = launch(
    npmStartArgs(),
    {
      ...process.env,
      PORT: String(port),
      HOST,
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: base,
      AUTH_SECRET: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'error',
      SEED_DEMO: 'never',
      SIGN_IN_RATE_LIMIT: '1000',
      ...extraEnv,
    },
    base,
  );
  await waitHealthy(child, '/api/health', 600_000, pollMs);
  return child;
}

export async function startCeiling(): Promise<Child> {
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const child = launch([join(root, 'bench/ceiling.mjs'), String(port)], process.env, base);
  await waitHealthy(child, '/ceiling', 30_000);
  return child;
}

export async function waitHealthy(
  child: Child,
  path: string,
  timeoutMs: number,
  pollMs = 50,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.process.exitCode !== null) throw new Error(`server exited:\n${child.output()}`);
    try {
      const res = await fetch(`${child.base}${path}`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${child.output()}`);
}

export interface Session {
  headers: Record<string, string>;
  get: (path: string) => Promise<{ status: number; json: unknown }>;
}

/** Signs in through better-auth and returns the headers a raw HTTP client needs. */
export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const headers: Record<string, string> = { origin: base, cookie };
  const get = async (path: string) => {
    const r = await fetch(`${base}${path}`, { headers });
    const text = await r.text();
    return { status: r.status, json: text ? JSON.parse(text) : null };
  };
  const me = (await get('/api/me')).json as { current?: { workspaceId: string } } | null;
  if (!me?.current) throw new Error(`${email} has no workspace`);
  headers['x-workspace-id'] = me.current.workspaceId;
  return { headers, get };
}
