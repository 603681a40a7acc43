import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/support/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** Browser journeys against the real app on a fresh SQLite demo, in Debian's Chromium. */
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    command: `rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && node scripts/start.mjs`,
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      DATABASE_URL: './data/e2e.db',
      PUBLIC_URL: `http://localhost:${PORT}`,
      LOG_LEVEL: 'warn',
      SIGN_IN_RATE_LIMIT: '1000',
    },
  },
});
