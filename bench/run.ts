// `npm run bench [-- --quick] [--size S|M|L|S,L] [--pg | --both] [--seconds N] [--only a,b] [--check]`
// Generates (or reuses) the data set, starts the app on it as `npm start` does, starts a bare
// Fastify "ceiling" in the same run, drives both with autocannon on loopback at 1 and 32
// connections, times the scorecards and the planner in-process, prints a table and the targets
// of issue #10, and writes bench/results/<date>-<label>.json. --quick: size S, 5 s per scenario,
// and --check: exit 1 when a ratio target misses by more than the 20 % noise margin.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RawRequest } from 'autocannon';
import { openDatabase } from '../src/server/db';
import type { SizeName } from './gen/world';
import { timeColdStart } from './runner/cold-start';
import { type Prepared, preparePg, prepareSqlite } from './runner/dataset';
import { timePlanner, timeScorecards } from './runner/inprocess';
import { type LoadResult, rssMb, runLoad } from './runner/load';
import { printTable, printTargets, type RunResult, type Target, targets } from './runner/report';
import { type HttpScenario, setupScenarios } from './runner/scenarios';
import { type Child, startApp, startCeiling } from './runner/servers';

const argv = process.argv.slice(2);
const has = (f: string) => argv.includes(`--${f}`);
const arg = (f: string) => {
  const i = argv.indexOf(`--${f}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = has('quick');
const sizes = (arg('size') ?? (quick ? 'S' : 'L')).toUpperCase().split(',') as SizeName[];
const dbs: ('sqlite' | 'postgres')[] = has('both')
  ? ['sqlite', 'postgres']
  : has('pg')
    ? ['postgres']
    : ['sqlite'];
const seconds = Number(arg('seconds') ?? (quick ? 5 : 10));
const only = arg('only')?.split(',');
const check = quick || has('check');
const PG_SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** A ratio target fails CI only when missed by more than this share (machine noise). */
const NOISE = 0.2;
const BASELINE = resolve(import.meta.dirname, 'baseline.json');

for (const s of sizes) if (!['S', 'M', 'L'].includes(s)) throw new Error(`Unknown size ${s}`);

async function measure(
  db: 'sqlite' | 'postgres',
  size: SizeName,
  ceiling: Child,
): Promise<RunResult> {
  const started = performance.now();
  const runId = `${Date.now().toString(36)}`;
  console.log(`\n== ${size} on ${db} ==`);
  const t0 = performance.now();
  const prepared: Prepared =
    db === 'sqlite'
      ? await prepareSqlite(size, mkdtempSync(join(tmpdir(), 'handoff-bench-')))
      : await preparePg(size, PG_SERVER);
  console.log(
    `data set ${prepared.generated ? 'generated' : 'reused'} and copied in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  let app: Child | undefined;
  const database = openDatabase(prepared.url);
  try {
    const t1 = performance.now();
    app = await startApp(prepared.url);
    console.log(`app up in ${((performance.now() - t1) / 1000).toFixed(1)} s (pid ${app.pid})`);
    const setup = await setupScenarios(app, database.db, runId);
    const warm = Math.max(1, Math.round(seconds / 5));
    const ceilingReq = (): RawRequest => ({ method: 'GET', path: '/ceiling' });
    const load = (child: Child, connections: number, next: () => RawRequest, s = seconds) =>
      runLoad({ url: child.base, connections, seconds: s, next, pid: child.pid });
    const ceilingC1 = await load(ceiling, 1, ceilingReq);
    const ceilingC32: LoadResult[] = [];
    const results: RunResult['scenarios'] = [];
    const runScenarios = async (
      child: Child,
      list: HttpScenario[],
      notes: string[],
      suffix = '',
    ) => {
      for (const s of list) {
        if (only && !only.includes(s.key)) continue;
        const key = `${s.key}${suffix ? '′' : ''}`;
        const name = `${s.name}${suffix}`;
        if (s.c1Only) {
          await load(child, 1, s.next, warm);
          const c1 = await load(child, 1, s.next);
          if (c1.failure) notes.push(`${key}: ${c1.errors} failed, e.g. ${c1.failure}`);
          console.log(
            `  ${key}. ${name}: c=1 p50 ${c1.p50.toFixed(1)} ms, p99 ${c1.p99.toFixed(1)} ms`,
          );
          results.push({ key, name, c1 });
          continue;
        }
        // The ceiling is measured right before each scenario: the machine's load drifts.
        await load(ceiling, 8, ceilingReq, warm);
        const ceil = await load(ceiling, 32, ceilingReq, Math.max(3, Math.round(seconds / 2)));
        ceilingC32.push(ceil);
        await load(child, 8, s.next, warm);
        const c1 = await load(child, 1, s.next);
        const c32 = await load(child, 32, s.next);
        for (const r of [c1, c32])
          if (r.failure) notes.push(`${key}: ${r.errors} failed, e.g. ${r.failure}`);
        console.log(
          `  ${key}. ${name}: c=1 ${Math.round(c1.rps)}/s p50 ${c1.p50.toFixed(2)} ms; c=32 ${Math.round(c32.rps)}/s p99 ${c32.p99.toFixed(2)} ms (${((100 * c32.rps) / ceil.rps).toFixed(1)} % of ${Math.round(ceil.rps)}/s)`,
        );
        results.push({ key, name, c1, c32, ceilingC32: ceil });
      }
    };
    await runScenarios(app, setup.scenarios, setup.notes);
    const scorecards = setup.reportsRoute
      ? null
      : await timeScorecards(database.db, setup.workspaceId, quick ? 3 : 7);
    const planner = timePlanner();
    const rssHwmMb = rssMb(app.pid, 'VmHWM');
    await app.stop();
    if (!quick) {
      // The reads again with the read cache off: what a first view costs (BENCHMARKS.md).
      app = await startApp(prepared.url, { READ_CACHE: 'off' });
      const cold = await setupScenarios(app, database.db, `${runId}-nc`);
      const reads = cold.scenarios.filter((s) => ['a', 'b', 'c', 'd'].includes(s.key));
      await runScenarios(app, reads, setup.notes, ', read cache off');
      await app.stop();
    }
    // The database is migrated by now and the SPA built: what `npm start` costs on every restart.
    const coldStart = await timeColdStart(prepared.url, quick ? 3 : 5);
    return {
      size,
      db,
      seconds: (performance.now() - started) / 1000,
      ceiling: { c1: ceilingC1, c32: ceilingC32 },
      scenarios: results,
      scorecards: scorecards && {
        ...scorecards,
        detail: `${scorecards.detail} (no reports route: Kysely in-process)`,
      },
      planner,
      coldStart,
      rssHwmMb,
      notes: setup.notes,
    };
  } finally {
    await app?.stop();
    await database.close();
    await prepared.cleanup();
  }
}

const ceiling = await startCeiling();
const runs: RunResult[] = [];
const allTargets: { title: string; list: Target[] }[] = [];
let failed = false;
try {
  for (const db of dbs) for (const size of sizes) runs.push(await measure(db, size, ceiling));
} catch (err) {
  console.error(err instanceof Error ? err.stack : err);
  failed = true;
} finally {
  await ceiling.stop();
}
for (const r of runs) printTable(r);
for (const r of runs) {
  const small = runs.find((x) => x.db === r.db && x.size === 'S');
  const sqlite =
    r.db === 'postgres' ? runs.find((x) => x.db === 'sqlite' && x.size === r.size) : undefined;
  const list = targets(r, small, sqlite);
  const title = `${r.size} on ${r.db}`;
  allTargets.push({ title, list });
  printTargets(title, list);
}

const stamp = new Date().toISOString().slice(0, 16).replace(':', '-');
const label = `${dbs.join('+')}-${sizes.join('+')}${quick ? '-quick' : ''}`;
const dir = resolve(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${stamp}-${label}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version }, seconds, runs, targets: allTargets }, null, 2)}\n`,
);
console.log(`\nwrote ${file}`);

if (check) {
  // A ratio target fails the check when missed by more than the noise margin. One not reached
  // yet on this stack is held at the level recorded in bench/baseline.json instead, so the check
  // catches regressions today and becomes the target itself once the target is met.
  const baseline = readBaseline();
  const errors = runs.flatMap((r) =>
    r.scenarios
      .filter((s) => s.c1.errors + (s.c32?.errors ?? 0) > 0)
      .map((s) => `${r.size}/${r.db} ${s.key}`),
  );
  const misses = allTargets.flatMap((t) =>
    t.list.flatMap((x) => {
      if (!x.ratio) return [];
      const recorded = baseline[`${t.title}|${x.id}`];
      const bar = Math.min(x.ratio.wanted, recorded ?? x.ratio.wanted) * (1 - NOISE);
      if (x.ratio.value >= bar) return [];
      const against =
        bar < x.ratio.wanted * (1 - NOISE) ? ` (baseline ${recorded?.toFixed(3)})` : '';
      return [
        `${t.title}: ${x.what} (${x.figure}; ratio ${x.ratio.value.toFixed(3)} < ${bar.toFixed(3)}${against})`,
      ];
    }),
  );
  for (const e of errors) console.log(`bench check FAILED: requests failed in ${e}`);
  for (const m of misses)
    console.log(`bench check FAILED: ${m}, beyond the ${NOISE * 100} % noise margin`);
  if (errors.length > 0 || misses.length > 0) failed = true;
  else console.log('bench check passed: no failed request, every ratio within its noise margin');
}
if (has('save-baseline') && failed) {
  console.log(`not writing ${BASELINE}: this run failed`);
} else if (has('save-baseline')) {
  const values: Record<string, number> = {};
  for (const t of allTargets)
    for (const x of t.list) if (x.ratio) values[`${t.title}|${x.id}`] = x.ratio.value;
  writeFileSync(
    BASELINE,
    `${JSON.stringify({ date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model }, values }, null, 2)}\n`,
  );
  console.log(`wrote ${BASELINE}`);
}
process.exit(failed ? 1 : 0);

function readBaseline(): Record<string, number> {
  if (!existsSync(BASELINE)) return {};
  return (JSON.parse(readFileSync(BASELINE, 'utf8')) as { values: Record<string, number> }).values;
}
