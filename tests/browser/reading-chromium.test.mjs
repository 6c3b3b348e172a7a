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

// Chromium only: Playwright can hold back the extension's own kb.bin request.
test('Chromium: the full knowledge arrives while a card is pinned: the card stays on its name, the long tail is read meanwhile', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const hold = async (route) => { await held; await route.continue(); };
  const KB = /\/data\/kb\.bin$/;
  await browser.context.route(KB, hold);
  const ask = (type) => driver.background(`
    const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith('${server.origin}/reading'));
    return api.tabs.sendMessage(tab.id, { type: '${type}' }, { frameId: 0 });`);
  const indexed = async (name) => (await ask('index')).some((entry) => entry.name === name);
  try {
    await driver.open(`${server.origin}/reading?long-tail`);
    await until(async () => (await ask('stats'))?.entities > 0, { what: 'highlights from the hot knowledge' });
    assert.equal((await ask('stats')).knowledge, 'hot');
    assert.ok(!(await indexed('Stamford')), 'a long-tail place waits for the full knowledge');
    await driver.run('window.scrollTo(0, 0)');
    const box = await driver.run(WORD_BOX, 'Araghchi', 1, 'center');
    await driver.click(box.x, box.y);
    const pinned = (c) => c?.classes.includes('pinned') && /Abbas Araghchi/.test(c.sections.name);
    await until(async () => pinned(await driver.card()), { what: 'pinned card' });
    release();
    await until(async () => {
      const s = await ask('stats');
      return s.knowledge === 'full' && !s.reading;
    }, { what: 'the full knowledge read' });
    await until(() => indexed('Stamford'), { what: 'the long-tail place found while the card is open' });
    const card = await driver.card();
    assert.ok(pinned(card), `the card stays pinned on its name: ${JSON.stringify(card?.sections)}`);
    // Its buttons point at the new scan's mentions: the next one is Araghchi's second.
    await driver.run(`document.getElementById('backstory-card-host')`); // the host is still there
    const [, , of] = /Mention (\d+) of (\d+)/.exec(card.sections.mentions) ?? [];
    assert.ok(Number(of) >= 4, card.sections.mentions);
  } finally {
    release();
    await browser.context.unroute(KB, hold);
  }
});

test('Chromium: no errors or warnings from the extension during the reading scenarios', () => {
  assert.deepEqual(problems, []);
});
