// `npm test`: typecheck, lint, unit + integration tests (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set), then browser journeys in Debian's Chromium when it is installed.
// Under CI=true nothing may be skipped: a missing PostgreSQL or Chromium fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return res.status === 0;
}

function fail(message) {
  console.error(`\n✗ ${message}`);
  console.log(`\n${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
}

const bin = (name) => join(root, 'node_modules/.bin', name);

if (!run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) fail('typecheck failed');
if (!run('lint', bin('biome'), ['check', 'src', 'test', 'e2e', 'scripts', 'bin']))
  fail('lint failed');

if (!process.env.TEST_DATABASE_URL && ci)
  fail('CI=true but TEST_DATABASE_URL is not set: PostgreSQL suite cannot be skipped');
const vitestJson = join(out, 'vitest.json');
const vitestOk = run('unit + integration tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  let pg = 0;
  let sqlite = 0;
  let unit = 0;
  for (const file of report.testResults) {
    for (const t of file.assertionResults) {
      if (t.status === 'passed') totals.passed++;
      else if (t.status === 'failed') totals.failed++;
      else totals.skipped++;
      if (t.status !== 'passed') continue;
      if (file.name.includes('/test/')) {
        if (/on postgres/.test(t.fullName)) pg++;
        else sqlite++;
      } else unit++;
    }
  }
  lines.push(`unit tests passed: ${unit}`);
  lines.push(`integration tests passed on SQLite: ${sqlite}`);
  lines.push(`integration tests passed on PostgreSQL: ${pg}`);
  if (ci && pg === 0) fail('the PostgreSQL integration suite ran no test');
}
if (!vitestOk) {
  console.log(lines.join('\n'));
  console.log(`\n${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
  process.exit(1);
}

if (existsSync(chromium)) {
  const pwJson = join(out, 'playwright.json');
  const ok = run(
    'browser journeys (Playwright + Chromium)',
    bin('playwright'),
    ['test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
      CHROMIUM_PATH: chromium,
    },
  );
  let e2ePassed = 0;
  if (existsSync(pwJson)) {
    const stats = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
    e2ePassed = stats.expected ?? 0;
    totals.passed += e2ePassed;
    totals.failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  }
  lines.push(`browser tests passed: ${e2ePassed}`);
  if (!ok) {
    console.log(lines.join('\n'));
    console.log(`\n${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
    process.exit(1);
  }
  if (ci && e2ePassed === 0) fail('the browser suite ran no test');
} else if (ci) {
  fail(`CI=true but Chromium is missing at ${chromium}: browser tests cannot be skipped`);
} else {
  lines.push(`browser tests skipped: ${chromium} not found (apt-get install -y chromium)`);
}

console.log(`\n=== summary ===\n${lines.join('\n')}`);
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
