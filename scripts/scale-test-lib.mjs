// Plumbing for scripts/scale-test.mjs: nginx, app processes, a throwaway PostgreSQL database,
// loopback HTTP and Server-Sent Events clients, and cleanup that runs however the test ends.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const cleanups = [];
/** Runs `fn` when the test ends (newest first), on success, failure or Ctrl-C. */
export function onCleanup(fn) {
  cleanups.push(fn);
}
export async function cleanUp() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (err) {
      console.error('cleanup step failed:', err?.message ?? err);
    }
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-scale-'));
  // nginx's workers run as an unprivileged user when started by root: let them in.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'tmp'), { mode: 0o755 });
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** nginx's binary; installed from Debian's packages when missing (never started as a service). */
export function ensureNginx() {
  const find = () =>
    ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (find()) return find();
  console.log('nginx is missing: installing it from apt (nginx-light, else nginx)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = (pkg) =>
    spawnSync('apt-get', ['install', '-y', '-qq', pkg], { env, stdio: 'ignore' }).status === 0;
  if (!install('nginx-light') && !install('nginx')) {
    spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    if (!install('nginx-light')) install('nginx');
  }
  const bin = find();
  if (!bin) throw new Error('nginx could not be installed (apt-get install -y nginx-light)');
  return bin;
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh database on the local PostgreSQL (trust auth), dropped at cleanup. */
export async function freshDatabase(adminUrl) {
  const name = `handoff_scale_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  onCleanup(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts one app process (what `npm start` runs once the SPA is built); logs go to `logFile`. */
export function startApp(root, env, logFile) {
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const done = await Promise.race([exited, sleep(3000).then(() => 'timeout')]);
    if (done === 'timeout') child.kill('SIGKILL');
  });
  return { child, exited };
}

/** Starts nginx in the foreground (`daemon off`) as our child, with its files in `prefix`. */
export async function startNginx(bin, prefix, confFile, port) {
  const args = ['-p', `${prefix}/`, '-c', confFile, '-e', join(prefix, 'error.log')];
  const test = spawnSync(bin, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx refused the config:\n${test.stderr}`);
  const child = spawn(bin, args, { stdio: 'ignore' });
  onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([new Promise((r) => child.on('exit', r)), sleep(3000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  await waitFor(
    async () => (await request(`http://127.0.0.1:${port}/api/health`)).status > 0,
    5000,
  );
  return child;
}

export async function waitFor(check, ms, what = 'condition') {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    await sleep(100);
  }
  throw new Error(`${what} not met within ${ms} ms`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * One HTTP request on the loopback interface. Never throws: a network failure is status 0.
 * `localAddress` picks the client's own 127.x address (a different "client" for rate limits).
 */
export function request(url, { method = 'GET', headers = {}, body, localAddress } = {}) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent: localAddress ? undefined : agent,
        localAddress,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        timeout: 10_000,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
        res.on('error', (error) => resolve({ status: 0, headers: {}, text: '', error }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, headers: {}, text: '', error }));
    req.end(payload);
  });
}

/**
 * An EventSource-like reader: resolves once the server sent `retry:` (subscribed). Each message
 * is `{ data, at }` with `at` from performance.now(); `onMessage` sees them as they come.
 */
export function openEvents(url, headers) {
  return new Promise((resolve, reject) => {
    const messages = [];
    const listeners = new Set();
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`event stream refused: ${res.statusCode}`));
        return;
      }
      let buffer = '';
      const stream = {
        instance: res.headers['x-handoff-instance'],
        messages,
        onMessage: (fn) => listeners.add(fn),
        offMessage: (fn) => listeners.delete(fn),
        close: () => req.destroy(),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
          if (block.startsWith('retry:')) resolve(stream);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (!data) continue;
          const m = { data: JSON.parse(data), at: performance.now() };
          messages.push(m);
          for (const fn of listeners) fn(m);
        }
      });
      res.on('error', () => {});
    });
    req.on('error', reject);
    onCleanup(() => req.destroy());
  });
}

/** The value at quantile q of the numbers (nearest rank). */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
