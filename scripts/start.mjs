// `npm start`: builds the web app and the server bundle when missing or older than their sources,
// then starts the server (API + SPA + scheduler) on the embedded SQLite database, seeding the demo
// on first run. HANDOFF_FROM_SOURCE=1 runs src/server/main.ts through tsx instead of the bundle.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  buildServer,
  isStale,
  root,
  SERVER_BUNDLE,
  serverBundleStale,
} from './support/build-server.mjs';
import { runServer } from './support/run-server.mjs';

if (isStale(join(root, 'dist/web/index.html'), ['src/web', 'src/contracts', 'src/domain'])) {
  console.log('Building the web app…');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
}

if (process.env.HANDOFF_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/server/main.ts');
} else {
  if (serverBundleStale()) {
    console.log('Building the server…');
    await buildServer();
  }
  runServer(SERVER_BUNDLE);
}
