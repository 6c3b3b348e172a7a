// The reading experience in headless Chromium (scenarios in reading.mjs), plus the card
// screenshots in light and dark mode that the README shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from './server.mjs';
import { launchChromium, chromiumCard, until, WORD_BOX } from './browsers.mjs';
import { scenarios as reading } from './reading.mjs';
import { scenarios as dynamic } from './dynamic.mjs';

let server;
let browser;
let page;
const problems = [];

const evaluate = (target, body, ...args) => target.evaluate(
  ([source, params]) => new Function(source)(...params), [body, args]);

const driver = {
  open: (url) => page.goto(url),
  run: (body, ...args) => evaluate(page, body, ...args),
  async hover(x, y) {
    await page.mouse.move(Math.max(0, x - 40), Math.max(0, y - 40));
    await page.mouse.move(x, y, { steps: 4 });
  },
  click: (x, y) => page.mouse.click(x, y),
  key: (combo) => page.keyboard.press(combo),
  card: () => chromiumCard(page),
  // Runs in the service worker: the extension's APIs and its own menu handler.
  background: (body) => browser.worker.evaluate(
    (source) => new Function('api', 'menuClick', `return (async () => { ${source} })();`)(
      chrome, globalThis.backstoryMenuClick),
    body),
  async extensionPage(file, work) {
    const tab = await browser.context.newPage();
    await tab.goto(`chrome-extension://${browser.extensionId}/${file}`);
    try {
      return await work({
        run: (body, ...args) => evaluate(tab, body, ...args),
        click: (selector) => tab.locator(selector).click(),
      });
    } finally {
      if (!tab.isClosed()) await tab.close();
      await page.bringToFront();
    }
  },
};

before(async () => {
  server = await startServer();
  browser = await launchChromium();
  browser.worker.on('console', (m) => {
    if (m.type() === 'error') problems.push(`background: ${m.text()}`);
  });
  page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
});

after(async () => {
  await browser?.close();
  server?.server.close();
});

for (const [name, scenario] of [...reading, ...dynamic]) {
  test(`Chromium: ${name}`, () => scenario(driver, server.origin));
}

for (const mode of ['light', 'dark']) {
  test(`Chromium: card screenshot in ${mode} mode follows the page background`, async () => {
    await driver.open(`${server.origin}/reading${mode === 'dark' ? '?dark' : ''}`);
    await until(() => driver.run("return [...CSS.highlights.keys()].length > 0"), { what: 'highlights' });
    await driver.run('window.scrollTo(0, 0)');
    const box = await driver.run(WORD_BOX, 'Tehran', 1, 'center');
    await driver.hover(box.x, box.y);
    const card = await until(async () => {
      const c = await driver.card();
      return c?.map && /Population|Capital|Iran/.test(c.text) ? c : null;
    }, { what: 'place card' });
    assert.equal(card.classes.includes('dark'), mode === 'dark');
    await new Promise((r) => setTimeout(r, 400)); // the card's fade-in
    await page.screenshot({ path: path.resolve(import.meta.dirname, `../../docs/card-${mode}.png`) });
    await driver.key('Escape');
  });
}

test('Chromium: no errors or warnings from the extension during the reading scenarios', () => {
  assert.deepEqual(problems, []);
});
