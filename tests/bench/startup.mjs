// Start-up cost of the extension in headless Chromium: loads the demo article N times and
// reads the loader's timings from the extension's isolated world through the DevTools
// protocol: WASM core compiled and instantiated (coreMs, from the content script's start),
// kb-hot.bin handed to the core (knowledgeMs), everything ready (readyMs), reading, scanning and painting
// (scanMs: every task, the re-read with the full knowledge included), and
// a peer: the same module compiled by the page from 127.0.0.1 in the same load (peerCompileMs).
// Then the memory the tab's WASM instance holds with all of the detection knowledge
// (wasmMB), and after the first hover has fetched the card details (wasmAfterHoverMB).
import { startServer } from '../browser/server.mjs';
import {
  launchChromium, until, LOCATE_WORD, STATS_BODY,
} from '../browser/browsers.mjs';

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
  // Peer in the same load: the page itself compiles the same module from the local server
  // (no glue, no instantiation): the floor any loader of this module pays here and now.
  const peerCompileMs = await page.evaluate(async (url) => {
    const began = performance.now();
    await WebAssembly.compileStreaming(fetch(url));
    return performance.now() - began;
  }, `${server.origin}/peer/core.wasm`);
  const url = page.url();
  const stats = () => browser.worker.evaluate(
    (source) => new Function('api', `return (async () => { ${source} })();`)(chrome), STATS_BODY(url),
  ).catch(() => null);
  const full = await until(async () => {
    const s = await stats();
    return s?.knowledge === 'full' && !s.reading ? s : null;
  }, { what: 'full knowledge' });
  const point = await page.evaluate(([body, args]) => new Function(body)(...args), [LOCATE_WORD, ['Araghchi', 1]]);
  await page.mouse.move(point.x - 40, point.y - 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  const hovered = await until(async () => {
    const s = await stats();
    return s?.cards ? s : null;
  }, { what: 'card details after a hover' });
  samples.push({
    ...timings,
    // Reading starts in a task after start(): its cost is known once reading is done.
    scanMs: full.scanMs,
    entities: full.entities,
    mentions: full.mentions,
    peerCompileMs,
    wasmMB: full.wasmBytes / 1048576,
    wasmAfterHoverMB: hovered.wasmBytes / 1048576,
  });
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
for (const key of ['coreMs', 'peerCompileMs', 'knowledgeMs', 'readyMs', 'scanMs']) {
  console.log(`  ${key.padEnd(12)} ${median(key).toFixed(1).padStart(7)} / ${max(key).toFixed(1)}`);
}
console.log(`  entities ${median('entities')}, mentions ${median('mentions')}`);
console.log(`  WASM memory: ${median('wasmMB').toFixed(1)} MB with the detection knowledge, `
  + `${median('wasmAfterHoverMB').toFixed(1)} MB after the first hover (card details loaded)`);
