// Every real page of the shared corpus in Firefox ESR with the extension. Page scripts are
// off (javascript.enabled = false) so the DOM stays comparable; extension scripts still run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, corpusPages, corpusSource } from './server.mjs';
import {
  launchFirefox, checkCorpus, checkScriptsOff, firefoxCardText,
} from './browsers.mjs';

let server;
let browser;
let driver;
const problems = [];
const run = (body, ...args) => driver.executeScript(body, ...args);
before(async () => {
  server = await startServer();
  browser = await launchFirefox({ javaScriptEnabled: false, eager: true });
  driver = browser.driver;
  await driver.manage().setTimeouts({ pageLoad: 20000, script: 15000 });
  const bidi = await driver.getBidi();
  await bidi.send({ method: 'session.subscribe', params: { events: ['log.entryAdded'] } });
  bidi.socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    if (message.method !== 'log.entryAdded') return;
    const text = message.params.text ?? '';
    if (text.includes('Backstory') || (message.params.source?.realm ?? '').includes('moz-extension')) {
      problems.push(`${message.params.level}: ${text}`);
    }
  });
});

after(async () => {
  await browser?.close();
  server?.server.close();
});

test('Firefox: every corpus page is scanned without errors and without DOM changes', async () => {
  const failures = await checkCorpus({
    origin: server.origin, pages: corpusPages(), source: corpusSource, open: (url) => driver.get(url), run,
  });
  assert.deepEqual(failures, []);
  assert.deepEqual(problems, []);
});

test('Firefox, page scripts off: hovering opens a card and added text is read', async () => {
  await checkScriptsOff({
    origin: server.origin,
    open: (url) => driver.get(url),
    run,
    async hover(x, y) {
      const [px, py] = [Math.round(x), Math.round(y)];
      await driver.actions({ async: true })
        .move({ x: Math.max(0, px - 40), y: Math.max(0, py - 40), origin: 'viewport' })
        .move({ x: px, y: py, origin: 'viewport', duration: 200 }).perform();
    },
    card: () => firefoxCardText(driver),
  });
  assert.deepEqual(problems, []);
});
