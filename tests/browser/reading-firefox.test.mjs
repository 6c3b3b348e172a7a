// The reading experience in Firefox ESR (scenarios in reading.mjs) through geckodriver +
// selenium-webdriver; extension pages run in tabs of their own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'selenium-webdriver';
import { startServer } from './server.mjs';
import { launchFirefox, firefoxCard, FIREFOX_UUID, collectFirefoxConsole } from './browsers.mjs';
import { scenarios as reading } from './reading.mjs';
import { scenarios as dynamic } from './dynamic.mjs';

let server;
let browser;
let driver;
let articleTab;
const problems = [];

const KEYS = { Alt: Key.ALT, Shift: Key.SHIFT, Escape: Key.ESCAPE, Tab: Key.TAB, Enter: Key.ENTER };

const runAsync = (body, ...args) => driver.executeAsyncScript(`
  const done = arguments[arguments.length - 1];
  const args = [...arguments].slice(0, -1);
  (async (...args) => { ${body} })(...args).then(done, (e) => done({ error: String(e) }));`, ...args);

async function inExtensionTab(file, work) {
  await driver.switchTo().newWindow('tab');
  await driver.get(`moz-extension://${FIREFOX_UUID}/${file}`);
  try {
    return await work();
  } finally {
    const handles = await driver.getAllWindowHandles();
    const current = await driver.getWindowHandle().catch(() => null);
    // A popup may close itself (a click in its index does) between these calls.
    if (current && current !== articleTab && handles.includes(current)) {
      await driver.close().catch((error) => { if (error.name !== 'NoSuchWindowError') throw error; });
    }
    await driver.switchTo().window(articleTab);
  }
}

const d = {
  async open(url) {
    await driver.switchTo().window(articleTab);
    await driver.get(url);
  },
  run: (body, ...args) => driver.executeScript(body, ...args),
  async hover(x, y) {
    await driver.actions({ async: true })
      .move({ x: Math.max(0, x - 40), y: Math.max(0, y - 40), origin: 'viewport' })
      .move({ x, y, origin: 'viewport', duration: 200 }).perform();
  },
  async click(x, y) {
    await driver.actions({ async: true }).move({ x, y, origin: 'viewport' }).click().perform();
  },
  async key(combo) {
    const parts = combo.split('+');
    const main = parts.pop();
    const key = KEYS[main] ?? main.replace(/^Key/, '');
    let actions = driver.actions({ async: true });
    for (const modifier of parts) actions = actions.keyDown(KEYS[modifier]);
    actions = actions.keyDown(key).keyUp(key);
    for (const modifier of parts.reverse()) actions = actions.keyUp(KEYS[modifier]);
    await actions.perform();
  },
  card: () => firefoxCard(driver),
  // An extension page runs the code with the extension's APIs and the background's own
  // menu handler.
  background: (body) => inExtensionTab('popup/popup.html', async () => {
    const result = await runAsync(`
      const background = await browser.runtime.getBackgroundPage();
      const menuClick = (...a) => background.backstoryMenuClick(...a);
      return (async (api) => { ${body} })(browser);`);
    if (result?.error) throw new Error(result.error);
    return result;
  }),
  extensionPage: (file, work) => inExtensionTab(file, () => work({
    run: (body, ...args) => driver.executeScript(body, ...args),
    click: async (selector) => (await driver.findElement({ css: selector })).click(),
  })),
};

before(async () => {
  server = await startServer();
  browser = await launchFirefox();
  driver = browser.driver;
  articleTab = await driver.getWindowHandle();
  await collectFirefoxConsole(driver, problems);
});

after(async () => {
  await browser?.close();
  server?.server.close();
});

for (const [name, scenario] of [...reading, ...dynamic]) {
  test(`Firefox: ${name}`, () => scenario(d, server.origin));
}

test('Firefox: no errors or warnings from the extension during the reading scenarios', () => {
  assert.deepEqual(problems, []);
});
