// FCP of corpus pages in Firefox with variant extensions, alternating.
import { startServer, corpusPages } from './browser/server.mjs';
import { launchFirefox } from './browser/browsers.mjs';
const server = await startServer();
const browser = await launchFirefox({ javaScriptEnabled: false, eager: true });
const { driver } = browser;
const out = [];
for (const p of (process.env.ONLY ? process.env.ONLY.split(',') : corpusPages().slice(0, Number(process.env.PAGES ?? 20)))) {
  const url = `${server.origin}/corpus/${encodeURIComponent(p)}/`;
  await driver.get(url);
  await new Promise((r) => setTimeout(r, 800));
  const r = await driver.executeScript(`const n = performance.getEntriesByType('navigation')[0]; const f = performance.getEntriesByName('first-contentful-paint')[0]; return [f ? f.startTime : null, n.domContentLoadedEventStart, n.loadEventStart];`);
  out.push({ page: p, fcp: r[0], dcl: r[1], load: r[2] });
}
console.log(JSON.stringify(out));
await browser.close?.(); await driver.quit().catch(() => {}); server.server.close();
process.exit(0);
