// Runs the server bundle (dist/server/main.cjs, a CommonJS module) the way Node's require() would,
// plus two things require() cannot do on Node 20:
// - V8's code cache: the compiled code of the 7 MB bundle, saved next to it by the first start,
//   saves ~0.2–0.3 s of parsing and compiling on every later start. V8 rejects a cache made by
//   another V8 version or with other flags; it is then made again.
// - Stack traces that point at src/ through the bundle's source map, loaded on the first trace.
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, SourceMap } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import vm from 'node:vm';

/**
 * The bundle's text and the path of the code cache of this very build of it (V8 itself only
 * compares the source's length). Stat and read go through one descriptor, so that a build
 * renaming a new bundle in meanwhile cannot pair one build's text with another's cache. The build
 * deletes older caches.
 */
function readBundle(bundle) {
  const fd = openSync(bundle, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    return {
      source: readFileSync(fd, 'utf8'),
      cachePath: `${bundle}.${size}-${Math.round(mtimeMs)}.v8cache`,
    };
  } finally {
    closeSync(fd);
  }
}

/** Error.stack as V8 and Node format it, with the bundle's frames mapped back to src/. */
function mapStackTraces(bundle) {
  let map;
  const place = (frame) => {
    const text = String(frame);
    if (frame.getFileName() !== bundle) return text;
    map ??= new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
    const line = frame.getLineNumber();
    const column = frame.getColumnNumber();
    const entry = map.findEntry(line - 1, column - 1);
    if (!entry.originalSource) return text; // package code: the bundle location
    const source = resolve(dirname(bundle), entry.originalSource);
    const original = `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    return text.replace(`${bundle}:${line}:${column}`, original);
  };
  Error.prepareStackTrace = (error, frames) => {
    let head;
    try {
      head = Error.prototype.toString.call(error);
    } catch {
      head = '<error>';
    }
    return frames.length === 0 ? head : `${head}\n    at ${frames.map(place).join('\n    at ')}`;
  };
}

export function runServer(bundle) {
  const { source, cachePath } = readBundle(bundle);
  const cachedData = existsSync(cachePath) ? readFileSync(cachePath) : undefined;
  // On the wrapper's line, so that line numbers are the file's ("use strict" comes first in it).
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData });
  if (existsSync(`${bundle}.map`)) mapStackTraces(bundle);
  const module = { exports: {}, filename: bundle };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (cachedData && !script.cachedDataRejected) return;
  // Made once the modules have run: it then also holds the functions they compiled. Starting
  // later (after listening) measured no better, and a server stopped early would never save it.
  try {
    const temporary = join(dirname(cachePath), `.cache.${process.pid}.tmp`);
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cachePath);
  } catch {
    // a read-only checkout starts without the cache
  }
}
