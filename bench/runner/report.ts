import type { Timing } from './inprocess';
import type { LoadResult } from './load';

/** One size on one database: what the table and the JSON file show. */
export interface RunResult {
  size: string;
  db: 'sqlite' | 'postgres';
  seconds: number;
  ceiling: { c1: LoadResult; c32: LoadResult[] };
  scenarios: {
    key: string;
    name: string;
    c1: LoadResult;
    c32: LoadResult;
    ceilingC32: LoadResult;
  }[];
  scorecards: Timing;
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
  /** For CI: a ratio target (machine-independent) and how far it missed, as a fraction. */
  ratio?: { value: number; wanted: number };
}

const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '—');
const n0 = (v: number) => Math.round(v).toLocaleString('en-US');

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
  const ceil32 = median(r.ceiling.c32.map((c) => c.rps));
  rows.push([
    'ceiling (bare Fastify, 1 KB)',
    n0(r.ceiling.c1.rps),
    f1(r.ceiling.c1.p50),
    f1(r.ceiling.c1.p99),
    n0(ceil32),
    f1(r.ceiling.c32[0]?.p50 ?? Number.NaN),
    f1(r.ceiling.c32[0]?.p99 ?? Number.NaN),
    '100 %',
    '',
    '',
  ]);
  for (const s of r.scenarios) {
    rows.push([
      `${s.key}. ${s.name}`,
      n0(s.c1.rps),
      f1(s.c1.p50),
      f1(s.c1.p99),
      n0(s.c32.rps),
      f1(s.c32.p50),
      f1(s.c32.p99),
      `${((100 * s.c32.rps) / s.ceilingC32.rps).toFixed(1)} %`,
      n0(Math.max(s.c1.rssPeakMb ?? 0, s.c32.rssPeakMb ?? 0)),
      String(s.c1.errors + s.c32.errors),
    ]);
  }
  rows.push([
    `g. scorecards, 12 months (in-process)`,
    '',
    f1(r.scorecards.p50),
    f1(r.scorecards.max),
    '',
    '',
    '',
    '',
    '',
    r.scorecards.detail,
  ]);
  rows.push([
    `h. planner, per request (in-process)`,
    '',
    f1(r.planner.p50),
    f1(r.planner.max),
    '',
    '',
    '',
    '',
    '',
    r.planner.detail,
  ]);
  rows.push([
    'npm start → first answer (cold start)',
    '',
    f1(r.coldStart.p50),
    f1(r.coldStart.max),
    '',
    '',
    '',
    '',
    '',
    r.coldStart.detail,
  ]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  console.log(`\n${r.size} on ${r.db} (${r.seconds.toFixed(0)} s):`);
  rows.forEach((row, k) => {
    console.log(
      row
        .map((c, i) => (i === 0 ? (c ?? '').padEnd(widths[i]) : (c ?? '').padStart(widths[i])))
        .join('  '),
    );
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  if (r.rssHwmMb !== null)
    console.log(`server peak RSS (VmHWM over the whole run): ${n0(r.rssHwmMb)} MB`);
  for (const n of r.notes) console.log(`note: ${n}`);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : Number.NaN;
}

const scen = (r: RunResult, key: string) => r.scenarios.find((s) => s.key === key);

/** Issue #10's targets for one run; `small` is the S run of the same database for the L/S ratio. */
export function targets(r: RunResult, small?: RunResult, sqlite?: RunResult): Target[] {
  const out: Target[] = [];
  const b = scen(r, 'b');
  if (b) {
    const ratio = b.c32.rps / b.ceilingC32.rps;
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
  if (c)
    out.push({
      id: 'c-p99',
      what: 'c. task page p99 ≤ 15 ms at c=32',
      figure: `${f1(c.c32.p99)} ms`,
      met: c.c32.p99 <= 15,
    });
  for (const key of ['e', 'f']) {
    const s = scen(r, key);
    if (s)
      out.push({
        id: `${key}-rps`,
        what: `${key}. ${s.name} ≥ 1,500/s at c=32`,
        figure: `${n0(s.c32.rps)}/s`,
        met: s.c32.rps >= 1500,
      });
  }
  out.push({
    id: 'g',
    what: 'g. scorecards ≤ 300 ms',
    figure: `${f1(r.scorecards.p50)} ms`,
    met: r.scorecards.p50 <= 300,
  });
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
  const rss = Math.max(
    ...r.scenarios.map((s) => Math.max(s.c1.rssPeakMb ?? 0, s.c32.rssPeakMb ?? 0)),
  );
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
      if (!big || !little) continue;
      for (const [label, pick] of [
        ['p50 c=1', (x: typeof big) => x.c1.p50],
        ['p99 c=32', (x: typeof big) => x.c32.p99],
      ] as const) {
        const k = pick(big) / pick(little);
        out.push({
          id: `${key}-LS-${label}`,
          what: `${key}. ${label} at ${r.size} within 1.3× of ${small.size}`,
          figure: `${k.toFixed(2)}× (${f1(pick(big))} vs ${f1(pick(little))} ms)`,
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
      const k = base.c32.rps / s.c32.rps;
      out.push({
        id: `${s.key}-pg`,
        what: `${s.key}. PostgreSQL within 2× of SQLite (req/s at c=32)`,
        figure: `${k.toFixed(2)}× slower (${n0(s.c32.rps)} vs ${n0(base.c32.rps)})`,
        met: k <= 2,
        ratio: { value: 1 / k, wanted: 0.5 },
      });
    }
  }
  return out;
}

export function printTargets(title: string, list: Target[]): void {
  console.log(`\nTargets — ${title}:`);
  for (const t of list)
    console.log(`  ${t.met === null ? '·' : t.met ? '✓ met ' : '✗ MISS'}  ${t.what}: ${t.figure}`);
}
