import type { Timing } from './inprocess';
import type { LoadResult } from './load';

export interface ScenarioResult {
  key: string;
  name: string;
  c1: LoadResult;
  /** Absent for reports, measured one request at a time only. */
  c32?: LoadResult;
  /** The ceiling measured right before this scenario at c=32. */
  ceilingC32?: LoadResult;
}

/** One size on one database: what the table and the JSON file show. */
export interface RunResult {
  size: string;
  db: 'sqlite' | 'postgres';
  seconds: number;
  ceiling: { c1: LoadResult; c32: LoadResult[] };
  scenarios: ScenarioResult[];
  /** In-process timing of g, only when the app has no reports route. */
  scorecards: Timing | null;
  planner: Timing;
  coldStart: Timing;
  rssHwmMb: number | null;
  notes: string[];
}

export interface Target {
  id: string;
  what: string;
  figure: string;
  met: boolean | null;
  /** A ratio target (machine-independent): the value reached and the value wanted. */
  ratio?: { value: number; wanted: number };
}

const f1 = (v: number | undefined) =>
  v !== undefined && Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '';
const n0 = (v: number | undefined) =>
  v !== undefined && Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : Number.NaN;
}

const rssOf = (s: ScenarioResult) => Math.max(s.c1.rssPeakMb ?? 0, s.c32?.rssPeakMb ?? 0);
/**
 * A scenario's req/s at c=32 over the run's ceiling: the median of the ceiling's measurements
 * (one before each scenario). Single 3–6 s measurements of the bare server varied from 25,000 to
 * 44,000 req/s within one run on this shared machine, far more than the app's own figures, so a
 * ratio to the one measurement right before a scenario mostly measured that noise.
 */
const ceilingOf = (r: RunResult) => median(r.ceiling.c32.map((x) => x.rps));
const ratioOf = (r: RunResult, s: ScenarioResult) =>
  s.c32 ? s.c32.rps / ceilingOf(r) : Number.NaN;

export function printTable(r: RunResult): void {
  const rows: string[][] = [
    [
      'scenario',
      'c=1 req/s',
      'p50 ms',
      'p99 ms',
      'c=32 req/s',
      'p50 ms',
      'p99 ms',
      '÷ ceiling',
      'RSS MB',
      'errors',
    ],
  ];
  const c = r.ceiling;
  rows.push([
    'ceiling (bare Fastify, 1 KB)',
    n0(c.c1.rps),
    f1(c.c1.p50),
    f1(c.c1.p99),
    n0(median(c.c32.map((x) => x.rps))),
    f1(median(c.c32.map((x) => x.p50))),
    f1(median(c.c32.map((x) => x.p99))),
    '100 %',
    '',
    '',
  ]);
  for (const s of r.scenarios) {
    const ratio = ratioOf(r, s);
    rows.push([
      `${s.key}. ${s.name}`,
      n0(s.c1.rps),
      f1(s.c1.p50),
      f1(s.c1.p99),
      n0(s.c32?.rps),
      f1(s.c32?.p50),
      f1(s.c32?.p99),
      Number.isFinite(ratio) ? `${(100 * ratio).toFixed(1)} %` : '',
      n0(rssOf(s)),
      String(s.c1.errors + (s.c32?.errors ?? 0)),
    ]);
  }
  const timing = (label: string, t: Timing) =>
    rows.push([label, '', f1(t.p50), f1(t.max), '', '', '', '', '', t.detail]);
  if (r.scorecards) timing('g. scorecards, 12 months (in-process)', r.scorecards);
  timing('h. planner, ms per request (in-process)', r.planner);
  timing('npm start → first answer, ms', r.coldStart);
  const widths = rows[0].map((_, i) =>
    Math.max(...rows.map((row) => (i === 9 ? 6 : (row[i] ?? '').length))),
  );
  console.log(`\n${r.size} on ${r.db} (${r.seconds.toFixed(0)} s):`);
  rows.forEach((row, k) => {
    console.log(
      row
        .map((cell, i) =>
          i === 0 || i === 9 ? (cell ?? '').padEnd(widths[i]) : (cell ?? '').padStart(widths[i]),
        )
        .join('  '),
    );
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  if (r.rssHwmMb !== null)
    console.log(`server peak RSS (VmHWM over the whole run): ${n0(r.rssHwmMb)} MB`);
  for (const n of r.notes) console.log(`note: ${n}`);
}

const scen = (r: RunResult, key: string) => r.scenarios.find((s) => s.key === key);

/**
 * Issue #10's targets for one run. `small` is the S run on the same database (for the L/S
 * ratio), `sqlite` the SQLite run of the same size (for PostgreSQL's "within 2×").
 */
export function targets(r: RunResult, small?: RunResult, sqlite?: RunResult): Target[] {
  const out: Target[] = [];
  const b = scen(r, 'b');
  if (b?.c32) {
    const ratio = ratioOf(r, b);
    out.push({
      id: 'b-ratio',
      what: 'b. list ≥ 30 % of the ceiling at c=32',
      figure: `${(100 * ratio).toFixed(1)} %`,
      met: ratio >= 0.3,
      ratio: { value: ratio, wanted: 0.3 },
    });
    out.push({
      id: 'b-p99',
      what: 'b. list p99 ≤ 20 ms at c=32',
      figure: `${f1(b.c32.p99)} ms`,
      met: b.c32.p99 <= 20,
    });
  }
  const a = scen(r, 'a');
  if (a)
    out.push({
      id: 'a-p50',
      what: 'a. board p50 ≤ 20 ms at c=1',
      figure: `${f1(a.c1.p50)} ms`,
      met: a.c1.p50 <= 20,
    });
  const c = scen(r, 'c');
  if (c?.c32)
    out.push({
      id: 'c-p99',
      what: 'c. task page p99 ≤ 15 ms at c=32',
      figure: `${f1(c.c32.p99)} ms`,
      met: c.c32.p99 <= 15,
    });
  for (const key of ['e', 'f']) {
    const s = scen(r, key);
    if (s?.c32)
      out.push({
        id: `${key}-rps`,
        what: `${key}. ${s.name} ≥ 1,500/s at c=32`,
        figure: `${n0(s.c32.rps)}/s`,
        met: s.c32.rps >= 1500,
      });
  }
  const g = scen(r, 'g');
  const reportMs = g ? g.c1.p50 : r.scorecards?.p50;
  if (reportMs !== undefined) {
    out.push({
      id: 'g',
      what: `g. scorecards ≤ 300 ms${g ? '' : ' (in-process)'}`,
      figure: `${f1(reportMs)} ms`,
      met: reportMs <= 300,
    });
  }
  out.push({
    id: 'h',
    what: 'h. planner ≤ 1 ms per request',
    figure: `${r.planner.p50.toFixed(3)} ms`,
    met: r.planner.p50 <= 1,
  });
  out.push({
    id: 'cold-start',
    what: 'npm start to first request ≤ 1.5 s (existing database)',
    figure: `${(r.coldStart.p50 / 1000).toFixed(2)} s`,
    met: r.coldStart.p50 <= 1500,
  });
  const rss = Math.max(...r.scenarios.map(rssOf));
  out.push({
    id: 'rss',
    what: 'server RSS ≤ 300 MB under load',
    figure: `${n0(rss)} MB`,
    met: rss <= 300,
  });
  if (small && small !== r) {
    for (const key of ['b', 'c']) {
      const big = scen(r, key);
      const little = scen(small, key);
      if (!big?.c32 || !little?.c32) continue;
      const pairs: [string, number, number][] = [
        ['p50 at c=1', big.c1.p50, little.c1.p50],
        ['p99 at c=32', big.c32.p99, little.c32.p99],
      ];
      for (const [label, x, y] of pairs) {
        const k = x / y;
        out.push({
          id: `${key}-LS-${label}`,
          what: `${key}. ${label}: ${r.size} within 1.3× of ${small.size}`,
          figure: `${k.toFixed(2)}× (${f1(x)} vs ${f1(y)} ms)`,
          met: k <= 1.3,
          ratio: { value: 1 / k, wanted: 1 / 1.3 },
        });
      }
    }
  }
  if (sqlite && sqlite !== r) {
    for (const s of r.scenarios) {
      const base = scen(sqlite, s.key);
      if (!base) continue;
      const k = s.c32 && base.c32 ? base.c32.rps / s.c32.rps : s.c1.p50 / base.c1.p50;
      const what = s.c32 ? 'req/s at c=32' : 'p50 at c=1';
      out.push({
        id: `${s.key}-pg`,
        what: `${s.key}. PostgreSQL within 2× of SQLite (${what})`,
        figure: `${k.toFixed(2)}×`,
        met: k <= 2,
        ratio: { value: 1 / k, wanted: 0.5 },
      });
    }
  }
  return out;
}

export function printTargets(title: string, list: Target[]): void {
  console.log(`\nTargets — ${title}:`);
  for (const t of list) {
    console.log(`  ${t.met === null ? '·' : t.met ? '✓ met ' : '✗ MISS'}  ${t.what}: ${t.figure}`);
  }
}
