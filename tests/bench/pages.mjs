// Per-page cost of the extension on every corpus page, in headless Chromium and Firefox ESR
// (page scripts off, served from 127.0.0.1): WASM core ready (from the content script's
// start: compiled, the settings read, instantiated), hot knowledge ready, full
// knowledge ready, DOMContentLoaded -> highlights painted, the longest task the extension
// ran, entities found, WASM memory, the JS heap added (Chromium: the same page with the
// site switched off, on a second host), and page errors. Prints medians and worst cases and
// flags pages over the budgets of issue #6. Usage: node tests/bench/pages.mjs [chromium|firefox]
import fs from 'node:fs';
import path from 'node:path';
import { startServer, corpusPages } from '../browser/server.mjs';
import {
  launchChromium, launchFirefox, until, FIREFOX_UUID, STATS_BODY, collectFirefoxConsole,
} from '../browser/browsers.mjs';

const BUDGET = { taskMs: 50, paintMs: 50, coreMs: 25, knowledgeMs: 10, addedBytes: 8 << 20 };
const which = process.argv.slice(2);
const browsers = which.length ? which : ['chromium', 'firefox'];
const limit = Number(process.env.PAGES ?? Infinity);
const only = process.env.ONLY?.split(',');
const pages = corpusPages().filter((p) => !only || only.includes(p)).slice(0, limit);
const server = await startServer();


async function chromiumRunner() {
  const browser = await launchChromium({ javaScriptEnabled: false });
  const page = await browser.context.newPage();
  const errors = [];
  // Only the extension's errors count: corpus pages fail to load their own resources here.
  // Saved pages may reference other extensions' resources: only Backstory's own origin counts.
  const ours = (text) => /backstory/i.test(text) || text.includes(`chrome-extension://${browser.extensionId}/`);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && ours(`${m.text()} ${m.location()?.url ?? ''}`)) errors.push(m.text()); });
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.enable');
  const background = (body) => browser.worker.evaluate(
    (source) => new Function('api', `return (async () => { ${source} })();`)(chrome), body);
  // Backstory is switched off on the second host: the same page there is the baseline.
  await background(`await api.storage.sync.set({ siteBuckets: 1, sites0: ['localhost'] });`);
  async function heap(url) {
    await page.goto(url);
    await new Promise((r) => setTimeout(r, 300));
    await session.send('HeapProfiler.collectGarbage');
    return (await session.send('Runtime.getHeapUsage')).usedSize;
  }
  return {
    name: 'Chromium',
    errors,
    async load(url) { await page.goto(url, { waitUntil: 'domcontentloaded' }); },
    // Before the content script listens, the message has no receiver: not ready yet.
    stats: (url) => background(STATS_BODY(url)).catch(() => null),
    async jsHeapAdded(url, altUrl) {
      const without = await heap(altUrl);
      const withIt = await heap(url);
      return withIt - without;
    },
    close: () => browser.close(),
  };
}

async function firefoxRunner() {
  const browser = await launchFirefox({ javaScriptEnabled: false, eager: true });
  const { driver } = browser;
  const article = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  await driver.get(`moz-extension://${FIREFOX_UUID}/popup/popup.html`);
  const extensionTab = await driver.getWindowHandle();
  await driver.switchTo().window(article);
  // The extension's own errors only, as in Chromium: its realm, or a message naming it.
  const errors = [];
  await collectFirefoxConsole(driver, errors, (entry) => entry.level === 'error'
    && (/backstory/i.test(entry.text ?? '') || (entry.source?.realm ?? '').includes('moz-extension')));
  return {
    name: 'Firefox',
    errors,
    async load(url) { await driver.get(url); },
    async stats(url) {
      await driver.switchTo().window(extensionTab);
      try {
        return await driver.executeAsyncScript(`
          const done = arguments[arguments.length - 1];
          (async (api) => { ${STATS_BODY(url)} })(browser).then(done, () => done(null));`);
      } finally {
        await driver.switchTo().window(article);
      }
    },
    jsHeapAdded: async () => null,
    close: () => browser.close(),
  };
}

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};
const worst = (values) => Math.max(...values.filter((v) => Number.isFinite(v)));

for (const name of browsers) {
  const runner = name === 'firefox' ? await firefoxRunner() : await chromiumRunner();
  const rows = [];
  for (const page of pages) {
    const url = `${server.origin}/corpus/${encodeURIComponent(page)}/`;
    if (process.env.VERBOSE) console.error(`${name}: ${page}`);
    const errorsBefore = runner.errors.length;
    await runner.load(url);
    let s;
    try {
      s = await until(async () => {
        const found = await runner.stats(url);
        return found?.running && !found.reading && found.knowledge === 'full' && found.paintedAtMs ? found : null;
      }, { what: `stats of ${page}`, timeout: 10000, interval: 150 });
    } catch (error) {
      rows.push({ page, failed: error.message });
      continue;
    }
    const added = await runner.jsHeapAdded(url, url.replace('127.0.0.1', 'localhost'));
    rows.push({
      page,
      coreMs: s.coreMs,
      knowledgeMs: s.readyMs - s.coreMs,
      fullMs: s.fullMs,
      paintMs: s.paintedAtMs - s.domContentLoadedAt,
      longestTaskMs: Math.max(s.maxTaskMs, s.startMs, s.knowledgeMs, s.upgradeMs ?? 0, s.warmUpMs ?? 0, s.compileMs ?? 0),
      entities: s.entities,
      wasmMB: s.wasmBytes / 1048576,
      jsHeapAddedMB: added === null ? NaN : added / 1048576,
      errors: runner.errors.length - errorsBefore,
      errorTexts: runner.errors.slice(errorsBefore),
      textKB: s.textBytes / 1024,
      detail: {
        readyMs: s.readyMs, compileMs: s.compileMs, scanMs: s.scanMs, warmUpMs: s.warmUpMs, startMs: s.startMs, maxTaskMs: s.maxTaskMs, walk: s.maxWalkMs, section: s.maxSectionMs, scan: s.maxScanMs, upgradeMs: s.upgradeMs,
        dcl: s.domContentLoadedAt, layoutMs: s.layoutMs, scriptAt: s.scriptAt, compiledAt: s.compiledAt, settingsAt: s.settingsAt, readyAt: s.readyAt, startAt: s.startAt, paintedAt: s.paintedAtMs, tasks: s.tasks,
      },
      // Every point of the loader's timeline, including any added while experimenting.
      timeline: Object.fromEntries(Object.entries(s).filter(([key]) => key.endsWith('At'))),
    });
  }
  await runner.close();
  const ok = rows.filter((r) => !r.failed);
  const columns = ['coreMs', 'knowledgeMs', 'fullMs', 'paintMs', 'longestTaskMs', 'entities', 'wasmMB', 'jsHeapAddedMB', 'errors'];
  console.log(`\n${runner.name}: ${ok.length} of ${rows.length} corpus pages measured`);
  console.log(`  ${'metric'.padEnd(16)} ${'median'.padStart(9)} ${'worst'.padStart(9)}`);
  for (const c of columns) {
    const values = ok.map((r) => r[c]);
    console.log(`  ${c.padEnd(16)} ${median(values).toFixed(1).padStart(9)} ${worst(values).toFixed(1).padStart(9)}`);
  }
  // Where the time goes: medians of the loader's timeline, in ms after the navigation began.
  const at = (key) => median(ok.map((r) => r.detail[key])).toFixed(0);
  console.log(`  timeline: content script ${at('scriptAt')}, settings read ${at('settingsAt')}, `
    + `core and hot knowledge ready ${at('readyAt')}, DOMContentLoaded ${at('dcl')}, `
    + `reading started ${at('startAt')}, first highlights ${at('paintedAt')}; `
    + `the page's first layout, forced by the loader before reading: ${at('layoutMs')} ms`);
  // The peer for core ready, in the same tab: the engine compiling the same bytes, alone
  // (Firefox compiles the whole module on its background threads while the page loads).
  console.log(`  the engine's compile of the module alone (peer for core ready): `
    + `${median(ok.map((r) => r.detail.compiledAt - r.detail.scriptAt)).toFixed(1)} ms median`);
  // That layout is the page's own work brought forward (the browser lays the page out before
  // its first paint anyway), so it is not in the longest task above; shown for what it is.
  const layouts = ok.map((r) => r.detail.layoutMs);
  console.log(`  the page's forced first layout: worst ${worst(layouts).toFixed(0)} ms, `
    + `over ${BUDGET.taskMs} ms on ${layouts.filter((ms) => ms > BUDGET.taskMs).length} pages`);
  // Medians against their targets; single pages flagged for the hard limits.
  const verdict = (value, limit) => (value <= limit ? 'met' : 'NOT met');
  console.log(`  targets: core ready <= ${BUDGET.coreMs} ms median: ${verdict(median(ok.map((r) => r.coreMs)), BUDGET.coreMs)}; `
    + `knowledge <= ${BUDGET.knowledgeMs} ms on top: ${verdict(median(ok.map((r) => r.knowledgeMs)), BUDGET.knowledgeMs)}; `
    + `highlights <= ${BUDGET.paintMs} ms after DOMContentLoaded: ${verdict(median(ok.map((r) => r.paintMs)), BUDGET.paintMs)}`);
  const flagged = ok.filter((r) => r.longestTaskMs > BUDGET.taskMs
    || (r.wasmMB * 1048576) + Math.max(0, r.jsHeapAddedMB || 0) * 1048576 > BUDGET.addedBytes || r.errors > 0);
  for (const r of flagged) {
    console.log(`  over budget: ${r.page} (task ${r.longestTaskMs.toFixed(0)} ms, paint ${r.paintMs.toFixed(0)} ms, `
      + `${r.textKB.toFixed(0)} KB text, wasm ${r.wasmMB.toFixed(1)} MB, errors ${r.errors})`);
  }
  for (const r of rows.filter((x) => x.failed)) console.log(`  failed: ${r.page}: ${r.failed}`);
  const out = path.resolve(import.meta.dirname, `../../target/bench-pages-${name}.json`);
  fs.writeFileSync(out, JSON.stringify(rows, null, 1));
  console.log(`  rows: ${out}`);
}
server.server.close();
