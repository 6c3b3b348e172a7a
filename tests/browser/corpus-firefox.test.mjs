// Every real page of the shared corpus in Firefox ESR with the extension. Page scripts are
// off (javascript.enabled = false) so the DOM stays comparable; extension scripts still run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, corpusPages, corpusSource } from './server.mjs';
import { launchFirefox, until, SCANNED, PAGE_UNCHANGED, NEWS_PAGES } from './browsers.mjs';

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
  const failures = [];
  for (const name of corpusPages()) {
    if (process.env.VERBOSE) console.error(`corpus: ${name}`);
    try {
      await driver.get(`${server.origin}/corpus/${encodeURIComponent(name)}/`);
      await until(() => run(SCANNED), { what: `scan of ${name}`, timeout: 15000 });
      const dom = await run(PAGE_UNCHANGED, corpusSource(name));
      if (!dom.body) failures.push(`${name}: body changed`);
      if (!dom.root) failures.push(`${name}: root children now ${dom.rootNow}`);
      if (NEWS_PAGES.includes(name)) {
        const count = await run('return [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)');
        if (count === 0) failures.push(`${name}: news page without a highlight`);
      }
    } catch (error) {
      failures.push(`${name}: ${error.message.split('\n')[0]}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(problems, []);
});
