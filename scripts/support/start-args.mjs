// The node arguments of `npm start`, read from package.json: the benchmarks and the crash, load
// and cold-start tests start the server exactly as `npm start` does, V8 flags included.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** E.g. `['--max-semi-space-size=4', '/…/scripts/start.mjs']`, to run with process.execPath. */
export function npmStartArgs() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const [command, ...args] = String(pkg.scripts?.start ?? '').split(/\s+/);
  if (command !== 'node' || !args.some((a) => a.endsWith('start.mjs'))) {
    throw new Error(
      `package.json "start" must be "node [flags] scripts/start.mjs", not "${pkg.scripts?.start}"`,
    );
  }
  return args.map((a) => (a.startsWith('-') ? a : join(root, a)));
}
