// Start-up cost of the extension in headless Chromium: loads the demo article N times and
// reads the loader's timings from the extension's isolated world through the DevTools
// protocol: WASM core compiled and instantiated (coreMs), kb.bin handed to the core
// (knowledgeMs, after its fetch), everything ready (readyMs), page scan + paint (scanMs).
import { startServer } from '../browser/server.mjs';
import { launchChromium, until } from '../browser/browsers.mjs';

const RUNS = Number(process.env.RUNS ?? 10);
const server = await startServer();
const browser = await launchChromium();
const samples = [];
for (let run = 0; run < RUNS; run++) {
  const page = await browser.context.newPage();
  const session = await page.context().newCDPSession(page);
  const contexts = [];
  session.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await session.send('Runtime.enable');
  await page.goto(`${server.origin}/demo`);
  const timings = await until(async () => {
    const world = contexts.find((c) => c.name === 'Backstory');
    if (!world) return null;
    const { result } = await session.send('Runtime.evaluate', {
      contextId: world.id, expression: 'globalThis.backstoryTimings', returnByValue: true,
    });
    return result.value;
  }, { what: 'timings' });
  samples.push(timings);
  await page.close();
}
await browser.close();
server.server.close();

const median = (key) => {
  const values = samples.map((s) => s[key]).filter((v) => typeof v === 'number').sort((a, b) => a - b);
  return values.length ? values[Math.floor(values.length / 2)] : NaN;
};
const max = (key) => Math.max(...samples.map((s) => s[key]));
console.log(`Chromium start-up over ${RUNS} loads of the demo article (median / max, ms):`);
for (const key of ['coreMs', 'knowledgeMs', 'readyMs', 'scanMs']) {
  console.log(`  ${key.padEnd(12)} ${median(key).toFixed(1).padStart(7)} / ${max(key).toFixed(1)}`);
}
console.log(`  entities ${median('entities')}, mentions ${median('mentions')}`);
