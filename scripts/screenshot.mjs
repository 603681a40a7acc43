// Takes screenshots of pages as a signed-in demo person: node scripts/screenshot.mjs <role> <path> [out.png] [--dark] [--mobile]
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from './support/chromium.mjs';

const [role = 'admin', path = '/my-work', out = `/tmp/shot-${role}.png`] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'));
const base = process.env.BASE_URL ?? 'http://localhost:3000';
const mobile = process.argv.includes('--mobile');
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const context = await browser.newContext({
  viewport: mobile ? { width: 390, height: 844 } : { width: 1440, height: 900 },
  colorScheme: process.argv.includes('--dark') ? 'dark' : 'light',
});
const page = await context.newPage();
page.on('pageerror', (e) => console.error('PAGE ERROR', e.message));
page.on('console', (m) => {
  if (m.type() === 'error') console.error('CONSOLE', m.text());
});
const res = await page.request.post(`${base}/api/auth/sign-in/email`, {
  data: { email: `${role}@demo.handoff.test`, password: 'handoff-demo' },
  headers: { origin: base },
});
if (!res.ok()) throw new Error(`sign-in ${res.status()}`);
await page.goto(base + path);
await page.waitForTimeout(Number(process.env.WAIT ?? 1200));
await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
console.log(out);
await browser.close();
