import { percentile } from './load';
import { startApp } from './servers';

/**
 * `npm start` on an existing, migrated database with the SPA already built: from spawning
 * `node scripts/start.mjs` to the first 200 of /api/health (polled every 20 ms).
 */
export async function timeColdStart(databaseUrl: string, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const app = await startApp(databaseUrl, {}, 20);
    times.push(performance.now() - t0);
    await app.stop();
  }
  const sorted = Float64Array.from(times).sort();
  return {
    runs,
    p50: percentile(sorted, 50),
    max: sorted[sorted.length - 1],
    detail: `${runs} starts`,
  };
}
