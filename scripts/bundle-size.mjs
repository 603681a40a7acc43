// Runs after `vite build` (npm run build): the gzip size of the JavaScript a browser must load
// before the signed-in shell can start — the entry chunk of dist/web/index.html and every chunk
// it imports statically, not the route chunks loaded on demand. Issue #10 budget: 200 KB gzip.
// Prints a table; exits 1 when over budget.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const dist = resolve(import.meta.dirname, '../dist/web');
const html = join(dist, 'index.html');
if (!existsSync(html)) {
  console.error('dist/web/index.html not found: run `vite build` first');
  process.exit(1);
}

const page = readFileSync(html, 'utf8');
const attr = (tag, name) => tag.match(new RegExp(`\\b${name}="([^"]+)"`))?.[1];
const tags = page.match(/<(script|link)\b[^>]*>/g) ?? [];
const entries = tags
  .filter((t) => t.startsWith('<script') && attr(t, 'type') === 'module' && attr(t, 'src'))
  .map((t) => attr(t, 'src'));
const preloads = tags.filter((t) => attr(t, 'rel') === 'modulepreload').map((t) => attr(t, 'href'));
const styles = tags.filter((t) => attr(t, 'rel') === 'stylesheet').map((t) => attr(t, 'href'));
if (entries.length === 0) {
  console.error('no module entry script in dist/web/index.html');
  process.exit(1);
}

// Static imports only: `import … from"./x.js"`, `import"./x.js"`, `export … from"./x.js"`.
// A lazy route's `import("./x.js")` has a parenthesis and is not matched.
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g;

/** The entry and preloaded chunks, plus any static import Vite did not list (belt and braces). */
function initialChunks() {
  const seen = new Set();
  const queue = [...entries, ...preloads];
  while (queue.length > 0) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const code = readFileSync(join(dist, url), 'utf8');
    for (const [, rel] of code.matchAll(STATIC_IMPORT)) {
      queue.push(posix.join(posix.dirname(url), rel));
    }
  }
  return [...seen];
}

const kb = (bytes) => bytes / 1024;
const sizeOf = (url) => {
  const body = readFileSync(join(dist, url));
  return { url, raw: body.length, gzip: gzipSync(body).length };
};

const js = initialChunks().map(sizeOf);
const css = styles.map(sizeOf);
const total = js.reduce((n, c) => n + c.gzip, 0);
const rawTotal = js.reduce((n, c) => n + c.raw, 0);

const rows = [
  ['initial JavaScript', 'raw KB', 'gzip KB'],
  ...js
    .sort((a, b) => b.gzip - a.gzip)
    .map((c) => [c.url, kb(c.raw).toFixed(1), kb(c.gzip).toFixed(1)]),
  ['total', kb(rawTotal).toFixed(1), kb(total).toFixed(1)],
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [i, [name, raw, gz]] of rows.entries()) {
  if (i === rows.length - 1) console.log('-'.repeat(width + 20));
  console.log(`${name.padEnd(width)} ${raw.padStart(9)} ${gz.padStart(9)}`);
}
for (const c of css) {
  console.log(`(stylesheet ${c.url}: ${kb(c.gzip).toFixed(1)} KB gzip, not counted)`);
}
const over = kb(total) > BUDGET_KB;
console.log(
  `initial JS of the signed-in shell: ${kb(total).toFixed(1)} KB gzip of ${BUDGET_KB} KB budget — ${over ? 'OVER BUDGET' : 'ok'}`,
);
process.exit(over ? 1 : 0);
