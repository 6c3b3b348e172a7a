// Every real page of the shared corpus, in headless Chromium with the extension: the scan
// finishes, nothing the extension does shows up as an error, the page's DOM is exactly what
// its source parses to, and English news pages get at least one highlight. Page scripts are
// off (the DOM stays comparable and no page script makes noise); content scripts still run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, corpusPages, corpusSource } from './server.mjs';
import {
  launchChromium, checkCorpus, checkScriptsOff, chromiumCardText,
} from './browsers.mjs';

let server;
let browser;
let page;
const problems = [];
const run = (body, ...args) => page.evaluate(([source, params]) => new Function(source)(...params), [body, args]);

before(async () => {
  server = await startServer();
  browser = await launchChromium({ javaScriptEnabled: false });
  page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    const from = message.location()?.url ?? '';
    // Pages may reference other extensions' URLs; only Backstory's own origin counts.
    if (from.startsWith(`chrome-extension://${browser.extensionId}/`) || message.text().includes('Backstory')) {
      problems.push(`${page.url()}: ${message.type()}: ${message.text()}`);
    }
  });
});

after(async () => {
  await browser?.close();
  server?.server.close();
});

test('Chromium: every corpus page is scanned without errors and without DOM changes', async () => {
  const failures = await checkCorpus({
    origin: server.origin, pages: corpusPages(), source: corpusSource, open: (url) => page.goto(url, { waitUntil: 'domcontentloaded', timeout: 20000 }), run,
  });
  assert.deepEqual(failures, []);
  assert.deepEqual(problems, []);
});

test('Chromium, page scripts off: hovering opens a card and added text is read', async () => {
  await checkScriptsOff({
    origin: server.origin,
    open: (url) => page.goto(url),
    run,
    async hover(x, y) {
      await page.mouse.move(x - 40, y - 40);
      await page.mouse.move(x, y, { steps: 4 });
    },
    card: () => chromiumCardText(page),
  });
  assert.deepEqual(problems, []);
});
