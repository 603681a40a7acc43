// The server as one CommonJS file, dist/server/main.cjs, so `npm start` neither transpiles ~250
// TypeScript files with tsx nor resolves and reads ~1,200 package files one by one on every start
// (issue #10: cold start ≤ 1.5 s; scripts/cold-start.mjs measures it). CommonJS because on Node 20
// only a script can use V8's code cache (see run-server.mjs). Used by scripts/start.mjs;
// `node scripts/support/build-server.mjs` forces a build.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { keepSources } from './source-map-filter.mjs';

export const root = resolve(import.meta.dirname, '../..');
const OUT_DIR = join(root, 'dist/server');
export const SERVER_BUNDLE = join(OUT_DIR, 'main.cjs');

/** What the bundle is made of: a change to any of these rebuilds it. */
const SOURCE_DIRS = ['src/server', 'src/contracts', 'src/domain'];
const SOURCE_FILES = [
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json', // rewritten by every npm install
  'scripts/support/build-server.mjs', // the build options themselves
  'scripts/support/source-map-filter.mjs',
];

/**
 * Packages loaded from node_modules at run time instead of being bundled: a native addon, a package
 * that loads its data files through package imports and paths of its own, and optional packages
 * that are not installed. Each is a leaf of the app (nothing bundled shares state with it), so no
 * module that matters is ever loaded twice, once bundled and once from node_modules.
 */
const EXTERNAL = [
  'better-sqlite3', // native addon
  'pdfkit', // standard fonts through '#standard-fonts/…' imports, ICC profile next to its files
  'pg-native', // optional in pg, not installed
  '@opentelemetry/api', // optional in better-auth, not installed
];

const walked = new Map(); // the web app and the server share src/contracts and src/domain

export function newestMtime(path) {
  if (walked.has(path)) return walked.get(path);
  let newest = 0;
  if (existsSync(path)) {
    const stat = statSync(path);
    newest = stat.mtimeMs; // for a folder: a deleted file only shows in the folder's mtime
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        newest = Math.max(newest, newestMtime(join(path, entry)));
      }
    }
  }
  walked.set(path, newest);
  return newest;
}

/** True when `output` is missing or older than any of `inputs` (paths relative to the root). */
export function isStale(output, inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((p) => newestMtime(join(root, p)) > built);
}

export function serverBundleStale() {
  return isStale(SERVER_BUNDLE, [...SOURCE_DIRS, ...SOURCE_FILES]);
}

/**
 * CommonJS files of packages that read files next to themselves get their own __dirname and
 * __filename back (in the bundle they would be dist/server's), relative to the bundle so that
 * moving the checkout with its dist/ keeps them right. esbuild wraps each CommonJS file in a
 * function, so these `var`s stay local to it.
 */
const ownDirname = {
  name: 'own-dirname',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!/\b__(dirname|filename)\b/.test(source)) return undefined;
      if (/\b(var|let|const)\s+__(dirname|filename)\b/.test(source)) return undefined;
      const dir = JSON.stringify(relative(OUT_DIR, dirname(args.path)));
      const file = JSON.stringify(basename(args.path));
      const header = `var __dirname = __bundlePath(${dir}), __filename = __bundlePath(${dir}, ${file});`;
      return { contents: `${header}\n${source}`, loader: 'js' };
    });
  },
};

/** Bundled package files that locate files at run time in a way the bundle would break. */
function unsafeInputs(inputs) {
  return inputs.filter((p) => {
    if (!p.includes('node_modules/')) return false;
    const source = readFileSync(join(root, p), 'utf8');
    return /\bimport\.meta\b|\brequire\.resolve\b/.test(source);
  });
}

/** Writes under a temporary name, then renames: a reader never sees half a file. */
function writeAtomically(path, contents) {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * Bundles src/server/main.ts with the packages it uses, except EXTERNAL. Not minified, so
 * functions and classes keep their names (only a clash between modules adds a digit); esbuild's
 * keepNames is off because it re-names every closure made at run time, Fastify's per-request
 * hook runners among them (~2 % of a cached page). The source map, trimmed to src/, lets stack
 * traces point there.
 * Files are written under temporary names and renamed, the bundle last: a server starting
 * meanwhile, or a build killed halfway, finds either the old bundle or the whole new one.
 */
export async function buildServer() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/server/main.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: EXTERNAL,
    // Our code is ES modules: the one import.meta it uses. Any other becomes an error below.
    define: { 'import.meta.dirname': '__dirname' },
    banner: {
      js: [
        '"use strict";', // like the ES modules it is made of, also when required directly
        'const __bundlePath = (...parts) => require("node:path").resolve(__dirname, ...parts);',
      ].join('\n'),
    },
    // import() of Node's modules and of EXTERNAL becomes require(): a script run through node:vm
    // cannot import() without an experimental flag.
    supported: { 'dynamic-import': false },
    plugins: [ownDirname],
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const metaWarnings = result.warnings.filter((w) => w.text.includes('import.meta'));
  if (metaWarnings.length > 0) {
    throw new Error('build-server: import.meta other than import.meta.dirname; add it to `define`');
  }
  const inputs = Object.keys(result.metafile.inputs);
  const outside = inputs.filter(
    (p) => !p.includes('node_modules/') && !SOURCE_DIRS.some((d) => p.startsWith(`${d}/`)),
  );
  if (outside.length > 0) {
    // The stale check only watches SOURCE_DIRS: a bundled source elsewhere would go unnoticed.
    throw new Error(`build-server: add to SOURCE_DIRS the folders of ${outside.join(', ')}`);
  }
  const unsafe = unsafeInputs(inputs);
  if (unsafe.length > 0) {
    throw new Error(`build-server: add the packages of ${unsafe.join(', ')} to EXTERNAL`);
  }

  mkdirSync(OUT_DIR, { recursive: true });
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'));
  const bundle = result.outputFiles.find((f) => f.path === SERVER_BUNDLE);
  const trimmed = keepSources(JSON.parse(map.text), (s) => !s.includes('node_modules/'));
  writeAtomically(map.path, JSON.stringify(trimmed));
  writeAtomically(SERVER_BUNDLE, bundle.contents);
  // Code caches of earlier builds and files of earlier layouts.
  const written = new Set([basename(map.path), basename(SERVER_BUNDLE)]);
  for (const name of readdirSync(OUT_DIR)) {
    if (!written.has(name) && !name.startsWith('.')) rmSync(join(OUT_DIR, name), { force: true });
  }
  return [...written];
}

if (process.argv[1] === import.meta.filename) {
  console.log(`Built in dist/server: ${(await buildServer()).join(', ')}`);
}
