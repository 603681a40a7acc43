// `npm run audit:deps`: `npm audit --omit=dev --audit-level=high`, strict on findings and tolerant
// of an unreachable audit endpoint (this workplace's registry mirror answers the bulk-advisory
// POST with 405; CI runs here too). A high or critical advisory fails the run unless it is listed
// in EXCEPTIONS below with the reason it does not apply (docs/security.md repeats the list).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** GHSA id → why it does not apply to Handoff. Keep docs/security.md in step. */
const EXCEPTIONS = {};

// AUDIT_REPORT_FILE replays a saved `npm audit --json` report (to test this script's verdicts).
const res = process.env.AUDIT_REPORT_FILE
  ? { stdout: readFileSync(process.env.AUDIT_REPORT_FILE, 'utf8'), stderr: '' }
  : spawnSync('npm', ['audit', '--omit=dev', '--json'], {
      encoding: 'utf8',
      timeout: 120_000,
      shell: process.platform === 'win32',
    });
let report;
try {
  report = JSON.parse(res.stdout || '{}');
} catch {
  report = {};
}

if (!report.metadata?.vulnerabilities) {
  const why =
    report.message ?? report.error?.summary ?? res.error?.message ?? res.stderr?.trim() ?? '';
  const unreachable =
    /405|404|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network|endpoint|fetch failed/i.test(
      `${why} ${res.stderr ?? ''}`,
    ) || res.error?.code === 'ETIMEDOUT';
  if (unreachable) {
    console.log(
      `dependency audit: the audit endpoint is unreachable here (${why.split('\n')[0]}); skipped`,
    );
    process.exit(0);
  }
  console.error(`dependency audit: npm audit gave no report:\n${res.stdout}\n${res.stderr}`);
  process.exit(1);
}

const findings = [];
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  if (v.severity !== 'high' && v.severity !== 'critical') continue;
  // Packages that are vulnerable only through another one are reported at that one.
  const advisories = (v.via ?? []).filter((x) => typeof x === 'object');
  if (advisories.length === 0) continue;
  const ids = advisories.map((a) =>
    String(a.url ?? '')
      .split('/')
      .pop(),
  );
  const open = ids.some((id) => !(id in EXCEPTIONS));
  if (open)
    findings.push(
      `${name} (${v.severity}): ${advisories.map((a) => `${a.title} ${a.url}`).join('; ') || 'via a vulnerable dependency'}`,
    );
}
const m = report.metadata.vulnerabilities;
console.log(
  `dependency audit (production dependencies): ${m.critical} critical, ${m.high} high, ${m.moderate} moderate, ${m.low} low; ${Object.keys(EXCEPTIONS).length} documented exceptions`,
);
if (findings.length) {
  for (const f of findings) console.log(`  ✗ ${f}`);
  process.exit(1);
}
