// `npm run bench:board [-- --db <file>] [--runs 5] [--view board|list] [--month YYYY-MM]`:
// how fast the board of a big month renders in headless Chromium (issue #10: ≤ 500 ms with
// ~1,000 tasks). Starts the app as `npm start` does on a copy of a bench data set (by default a
// fresh S set), signs in as the coordinator, opens /board for the bench's board month and times,
// with the Performance API inside the page, the board data response → the task cards in the DOM
// and painted. Prints p50/max and the tasks rendered; the last stdout line is JSON; exits 1 when
// the p50 is over budget.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from './support/chromium.mjs';
import { freePort, HOST } from './support/server.mjs';
import { npmStartArgs } from './support/start-args.mjs';

const BUDGET_MS = 500;
const root = resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    runs: { type: 'string', default: '5' },
    view: { type: 'string', default: 'board' },
    month: { type: 'string' },
  },
});

// The generator's month and password, read from its source so the two never drift apart
// (plain .mjs cannot import the TypeScript module itself).
const world = readFileSync(join(root, 'bench/gen/world.ts'), 'utf8');
const constant = (name) => {
  const m = world.match(new RegExp(`export const ${name} = '([^']+)'`));
  if (!m) throw new Error(`${name} not found in bench/gen/world.ts`);
  return m[1];
};
const month = args.month ?? constant('BOARD_MONTH');
const password = constant('BENCH_PASSWORD');
const runs = Number(args.runs);

const work = mkdtempSync(join(tmpdir(), 'bench-board-'));
const dbFile = join(work, 'bench.db');
let app = null;

function log(line) {
  console.log(line);
}

/** The app writes to its database, so it always runs on a copy (or a freshly generated S set). */
function prepareDatabase() {
  if (args.db) {
    if (!existsSync(args.db)) throw new Error(`no such database: ${args.db}`);
    log(`copying ${args.db} …`);
    copyFileSync(args.db, dbFile);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(args.db + suffix)) copyFileSync(args.db + suffix, dbFile + suffix);
    }
    return;
  }
  log('generating the S data set …');
  const gen = spawnSync('npm', ['run', 'bench:data', '--', '--size', 'S', '--db', dbFile], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (gen.status !== 0) throw new Error('bench:data failed');
}

/** `npm start` (scripts/start.mjs: builds the SPA when stale, then API + SPA + scheduler). */
async function startApp() {
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const child = spawn(process.execPath, npmStartArgs(), {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST,
      DATABASE_URL: dbFile,
      PUBLIC_URL: base,
      AUTH_SECRET: randomBytes(24).toString('hex'),
      LOG_LEVEL: 'error',
      SEED_DEMO: 'never',
      SIGN_IN_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((ok) => child.on('exit', ok));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  app = { base, stop };
  const until = Date.now() + 600_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy:\n${output}`);
}

/**
 * Runs in the page before any of its scripts: marks when the board data has arrived and when the
 * first task cards (or list rows) are in the DOM and then painted, and measures between them.
 */
function instrument(selector) {
  const done = new Promise((resolveDone) => {
    const seen = () => {
      const cards = document.querySelectorAll(selector);
      if (cards.length === 0) return false;
      performance.mark('board:in-dom');
      // The frame after the commit has been laid out and painted.
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.mark('board:painted');
          const response = performance
            .getEntriesByType('resource')
            .find((e) => e.name.includes('/api/tasks/board'));
          const start = response ? response.responseEnd : 0;
          const render = performance.measure('board:render', { start, end: 'board:painted' });
          const load = performance.measure('board:load', { start: 0, end: 'board:painted' });
          const board = document.querySelector('[data-testid="board"]');
          resolveDone({
            renderMs: render.duration,
            navigationToPaintMs: load.duration,
            responseEndMs: start,
            domNodes: document.getElementsByTagName('*').length,
            cardsInDom: document.querySelectorAll(selector).length,
            tasksOnBoard: board ? Number(board.getAttribute('data-task-count')) : null,
          });
        }, 0),
      );
      return true;
    };
    const observer = new MutationObserver(() => {
      if (seen()) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  Object.defineProperty(window, '__boardRendered', { value: done });
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(base) {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const signIn = await context.request.post(`${base}/api/auth/sign-in/email`, {
      data: { email: 'coordinator@demo.handoff.test', password },
      headers: { origin: base },
    });
    if (!signIn.ok()) throw new Error(`sign-in ${signIn.status()}`);
    const selector =
      args.view === 'list' ? 'table tbody tr' : '[data-testid="board"] [data-testid="task-card"]';
    await context.addInitScript(instrument, selector);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    let items = null;
    let truncated = null;
    page.on('response', async (res) => {
      if (!res.url().includes('/api/tasks/board')) return;
      const body = await res.json().catch(() => null);
      items = body?.items?.length ?? null;
      truncated = body?.truncated ?? null;
    });
    const url = `${base}/board?month=${month}${args.view === 'list' ? '&view=list' : ''}`;
    const samples = [];
    for (let i = 0; i < runs; i++) {
      if (i === 0) await page.goto(url);
      else await page.reload();
      const sample = await page.evaluate(() => window.__boardRendered);
      samples.push(sample);
      log(
        `run ${i + 1}: render ${sample.renderMs.toFixed(0)} ms (data → painted), ` +
          `navigation → painted ${sample.navigationToPaintMs.toFixed(0)} ms, ` +
          `${sample.cardsInDom} cards or rows in the DOM`,
      );
    }
    return { samples, items, truncated };
  } finally {
    await browser.close();
  }
}

async function main() {
  prepareDatabase();
  const { base } = await startApp();
  const { samples, items, truncated } = await measure(base);
  const render = samples.map((s) => s.renderMs);
  const load = samples.map((s) => s.navigationToPaintMs);
  const last = samples[samples.length - 1];
  const result = {
    bench: 'board-render',
    view: args.view,
    month,
    database: args.db ?? 'S (generated)',
    runs,
    budgetMs: BUDGET_MS,
    renderP50Ms: Math.round(percentile(render, 50)),
    renderMaxMs: Math.round(Math.max(...render)),
    navigationToPaintP50Ms: Math.round(percentile(load, 50)),
    navigationToPaintMaxMs: Math.round(Math.max(...load)),
    dataArrivedP50Ms: Math.round(
      percentile(
        samples.map((s) => s.responseEndMs),
        50,
      ),
    ),
    tasksInResponse: items,
    truncated,
    tasksOnBoard: last.tasksOnBoard,
    cardsInDom: last.cardsInDom,
    domNodes: last.domNodes,
    samplesMs: render.map((v) => Math.round(v)),
  };
  result.pass = result.renderP50Ms <= BUDGET_MS;
  log(
    `board ${month}: ${items} tasks in the response, ${last.tasksOnBoard ?? '—'} on the board, ` +
      `${last.cardsInDom} cards or rows mounted; render p50 ${result.renderP50Ms} ms, max ` +
      `${result.renderMaxMs} ms (budget ${BUDGET_MS} ms); navigation → painted p50 ` +
      `${result.navigationToPaintP50Ms} ms (data arrived at ${result.dataArrivedP50Ms} ms)`,
  );
  console.log(JSON.stringify(result));
  return result.pass ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(err);
} finally {
  await app?.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(code);
