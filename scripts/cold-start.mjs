// `node scripts/cold-start.mjs --db <file> [--runs 5]`: issue #10's cold-start check. Times from
// spawning `node scripts/start.mjs` to the first 200 of /api/health (polled every 20 ms) on an
// existing database, and prints each run, p50 and max. Start the app on the database once first so
// migrations are not part of the figure; extra env (e.g. HANDOFF_FROM_SOURCE=1) is passed through.
// The CPU time the server used until then is printed too: on a shared machine it varies less than
// the wall clock does.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { freePort, HOST, startServer, stopServer } from './support/server.mjs';

const { values } = parseArgs({
  options: { db: { type: 'string' }, runs: { type: 'string', default: '5' } },
});
if (!values.db) {
  console.error('usage: node scripts/cold-start.mjs --db <file> [--runs 5]');
  process.exit(2);
}

async function firstHealthy(base, server) {
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`server exited:\n${server.output()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks are 10 ms). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const times = [];
const cpus = [];
for (let i = 0; i < Number(values.runs); i++) {
  const port = await freePort();
  const t0 = performance.now();
  const server = startServer(port, values.db, {
    SEED_DEMO: 'never',
    AUTH_SECRET: randomBytes(24).toString('hex'),
  });
  try {
    await firstHealthy(`http://${HOST}:${port}`, server);
    times.push(performance.now() - t0);
    cpus.push(cpuMs(server.child.pid));
    console.log(`run ${i + 1}: ${Math.round(times.at(-1))} ms (cpu ${cpus.at(-1)} ms)`);
  } finally {
    await stopServer(server);
  }
}
const p50 = (xs) => xs.toSorted((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
console.log(
  `p50 ${Math.round(p50(times))} ms, max ${Math.round(Math.max(...times))} ms ` +
    `(cpu p50 ${p50(cpus)} ms, max ${Math.max(...cpus)} ms)`,
);
