// End-to-end in headless Firefox ESR with the packaged extension (geckodriver + selenium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  launchFirefox, firefoxCardText, until, READ_HIGHLIGHTS, LOCATE_WORD, BODY_BEFORE_AND_AFTER,
  CARD_IN_VIEWPORT, collectFirefoxConsole,
} from './browsers.mjs';
import { missingNames, assertHiddenSkipped } from './expectations.mjs';

let server;
let browser;
let driver;
const consoleProblems = [];

const run = (body, ...args) => driver.executeScript(body, ...args);
const runAsync = (body) => driver.executeAsyncScript(`
  const done = arguments[arguments.length - 1];
  Promise.resolve((() => { ${body} })()).then(done, (e) => done({ error: String(e) }));`);
const highlights = () => run(READ_HIGHLIGHTS);
const highlightCount = async () =>
  Object.values(await highlights()).reduce((n, list) => n + list.length, 0);

async function hover(word, nth = 0) {
  const point = await run(LOCATE_WORD, word, nth);
  assert.ok(point, `${word} is on the page`);
  const actions = driver.actions({ async: true });
  await actions.move({ x: Math.max(0, point.x - 40), y: Math.max(0, point.y - 40), origin: 'viewport' })
    .move({ x: point.x, y: point.y, origin: 'viewport', duration: 200 }).perform();
}

async function setSite(enabled) {
  const articleTab = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  await driver.get(browser.popupUrl);
  await until(async () => run("return !document.getElementById('site-switch').disabled"), { what: 'popup ready' });
  const checked = await run("return document.getElementById('site-switch').checked");
  if (checked !== enabled) await driver.findElement({ id: 'site-switch' }).click();
  await until(async () => (await run("return document.getElementById('site-switch').checked")) === enabled,
    { what: 'switch state' });
  await driver.close();
  await driver.switchTo().window(articleTab);
}

before(async () => {
  server = await startServer();
  browser = await launchFirefox();
  driver = browser.driver;
  await collectFirefoxConsole(driver, consoleProblems);
});

after(async () => {
  await browser?.close();
  server?.server.close();
});

test('Firefox: demo article actors and sites are highlighted by type', async () => {
  await driver.get(`${server.origin}/demo`);
  await until(async () => missingNames(await highlights()).length === 0, { what: 'highlights' })
    .catch(async (e) => assert.fail(`missing: ${missingNames(await highlights()).join(', ')} (${e.message})`));
});

test('Firefox: hovering Araghchi opens his card in a closed shadow root; Escape hides it', async () => {
  await driver.get(`${server.origin}/demo`);
  await until(async () => (await highlightCount()) > 0, { what: 'highlights' });
  await hover('Araghchi', 1);
  const card = await until(() => firefoxCardText(driver), { what: 'card' });
  assert.equal(card.mode, 'closed');
  assert.match(card.text, /Abbas Araghchi/);
  assert.ok(await run(CARD_IN_VIEWPORT), 'card is drawn inside the viewport');
  await until(async () => /Foreign Affairs/.test((await firefoxCardText(driver))?.text ?? ''),
    { what: 'card details' });
  await driver.actions().sendKeys('\uE00C').perform();
  await until(async () => (await firefoxCardText(driver)) === null, { what: 'card hidden' });
});

test('Firefox: the page DOM is unchanged apart from the card host', async () => {
  await driver.get(`${server.origin}/demo`);
  await until(async () => (await highlightCount()) > 0, { what: 'highlights' });
  let dom = await runAsync(BODY_BEFORE_AND_AFTER);
  assert.equal(dom.after, dom.before);
  assert.deepEqual(dom.rootChildren, ['HEAD', 'BODY']);
  await hover('Putin', 1);
  await until(() => firefoxCardText(driver), { what: 'card' });
  dom = await runAsync(BODY_BEFORE_AND_AFTER);
  assert.equal(dom.after, dom.before);
  assert.deepEqual(dom.rootChildren, ['HEAD', 'BODY', 'DIV#backstory-card-host']);
});

test('Firefox: names across inline elements are one mention; skipped elements are not scanned', async () => {
  await driver.get(`${server.origin}/extraction`);
  const h = await until(async () => {
    const found = await highlights();
    return (found['backstory-place'] ?? []).includes('Moscow') ? found : null;
  }, { what: 'extraction highlights' });
  assert.ok(h['backstory-person'].includes('Abbas Araghchi'));
  assert.equal(h['backstory-place'].filter((t) => t === 'Natanz').length, 1);
  assert.equal(h['backstory-place'].filter((t) => t === 'Fordow').length, 1);
  assert.ok(!h['backstory-place'].includes('Esfahan'));
  assert.ok(h['backstory-place'].includes('Israel'), 'text inside a clobbered <form> is read');
  assertHiddenSkipped(h);
});

test('Firefox: the popup switch turns a site off and on live, persists, other hosts stay on', async () => {
  await driver.get(`${server.origin}/demo`);
  await until(async () => (await highlightCount()) > 0, { what: 'highlights' });
  await setSite(false);
  await until(async () => (await highlightCount()) === 0, { what: 'highlights removed' });
  await driver.navigate().refresh();
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await highlightCount(), 0, 'still off after reload');
  await driver.get(`${server.altOrigin}/demo`);
  await until(async () => (await highlightCount()) > 0, { what: 'other host on' });
  await driver.get(`${server.origin}/demo`);
  await setSite(true);
  await until(async () => (await highlightCount()) > 0, { what: 'highlights back' });
});

for (const csp of ['self', 'none']) {
  test(`Firefox: strict CSP (script-src '${csp}'): highlights and card work`, async () => {
    await driver.get(`${server.origin}/demo?csp=${csp}`);
    await until(async () => missingNames(await highlights()).length === 0, { what: 'highlights' });
    await hover('Araghchi', 1);
    const card = await until(() => firefoxCardText(driver), { what: 'card' });
    assert.match(card.text, /Abbas Araghchi/);
  });
}

test('Firefox: no errors or warnings in the page console', () => {
  assert.deepEqual(consoleProblems, []);
});
