// End-to-end in headless Chromium with the built extension (playwright-core).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  launchChromium, chromiumCardText, until, READ_HIGHLIGHTS, LOCATE_WORD, BODY_BEFORE_AND_AFTER,
  CARD_IN_VIEWPORT,
} from './browsers.mjs';
import { missingNames, assertHiddenSkipped } from './expectations.mjs';

let server;
let browser;
const pageErrors = [];

const evaluate = (page, body, ...args) => page.evaluate(
  ([source, params]) => new Function(source)(...params), [body, args]);
const highlights = (page) => evaluate(page, READ_HIGHLIGHTS);
const highlightCount = async (page) =>
  Object.values(await highlights(page)).reduce((n, list) => n + list.length, 0);

async function openPage(url) {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      pageErrors.push(`${url}: console.${message.type()}: ${message.text()}`);
    }
  });
  await page.goto(url);
  return page;
}

async function hover(page, word, nth = 0) {
  const point = await evaluate(page, LOCATE_WORD, word, nth);
  assert.ok(point, `${word} is on the page`);
  await page.mouse.move(point.x - 40, point.y - 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  return point;
}

async function setSite(enabled) {
  const popup = await browser.context.newPage();
  await popup.goto(browser.popupUrl);
  const toggle = popup.locator('#site-switch');
  await until(async () => !(await toggle.isDisabled()), { what: 'popup switch ready' });
  if ((await toggle.isChecked()) !== enabled) await toggle.click();
  await until(async () => (await toggle.isChecked()) === enabled, { what: 'switch state' });
  await popup.close();
}

before(async () => {
  server = await startServer();
  browser = await launchChromium();
  browser.worker.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`background: ${m.text()}`);
  });
});

after(async () => {
  await browser?.close();
  server?.server.close();
});

test('demo article: the seed article actors and sites are highlighted by type', async () => {
  const page = await openPage(`${server.origin}/demo`);
  const found = await until(async () => {
    const h = await highlights(page);
    return missingNames(h).length === 0 ? h : null;
  }, { what: 'expected highlights' }).catch(async (e) => {
    assert.fail(`missing: ${missingNames(await highlights(page)).join(', ')} (${e.message})`);
  });
  assert.ok(!found['backstory-person'].includes('Russian'), 'demonyms are not highlighted as people');
  await page.close();
});

test('hovering Araghchi opens a card about him in a closed shadow root; Escape hides it', async () => {
  const page = await openPage(`${server.origin}/demo`);
  await until(async () => (await highlightCount(page)) > 0, { what: 'highlights' });
  await hover(page, 'Araghchi', 1);
  const card = await until(() => chromiumCardText(page), { what: 'card' });
  assert.equal(card.mode, 'closed');
  assert.match(card.text, /Abbas Araghchi/);
  assert.match(card.text, /Iranian Foreign Minister/, 'card says how the article introduced him');
  assert.ok(await evaluate(page, CARD_IN_VIEWPORT), 'card is drawn inside the viewport');
  await until(async () => /Foreign Affairs/.test((await chromiumCardText(page))?.text ?? ''),
    { what: 'card details (role) after kb-cards.bin loads' });
  // The README shows this screenshot: it is refreshed by every test run.
  await page.keyboard.press('Escape');
  await until(async () => (await chromiumCardText(page)) === null, { what: 'card hidden' });
  await page.close();
});

test('the page DOM is unchanged apart from the card host', async () => {
  const page = await openPage(`${server.origin}/demo`);
  await until(async () => (await highlightCount(page)) > 0, { what: 'highlights' });
  let dom = await evaluate(page, BODY_BEFORE_AND_AFTER);
  assert.equal(dom.after, dom.before);
  assert.deepEqual(dom.rootChildren, ['HEAD', 'BODY']);
  await hover(page, 'Putin', 1);
  await until(() => chromiumCardText(page), { what: 'card' });
  dom = await evaluate(page, BODY_BEFORE_AND_AFTER);
  assert.equal(dom.after, dom.before, 'body unchanged while a card is open');
  assert.deepEqual(dom.rootChildren, ['HEAD', 'BODY', 'DIV#backstory-card-host']);
  await page.close();
});

test('names across inline elements are one mention; skipped elements are not scanned', async () => {
  const page = await openPage(`${server.origin}/extraction`);
  const h = await until(async () => {
    const found = await highlights(page);
    return (found['backstory-place'] ?? []).includes('Moscow') ? found : null;
  }, { what: 'extraction highlights' });
  assert.ok(h['backstory-person'].includes('Abbas Araghchi'), JSON.stringify(h));
  const places = h['backstory-place'];
  assert.deepEqual(places.filter((t) => t === 'Natanz').length, 1, 'hidden Natanz skipped');
  assert.deepEqual(places.filter((t) => t === 'Fordow').length, 1, 'textarea Fordow skipped');
  assert.ok(!places.includes('Esfahan'), 'contenteditable skipped');
  assert.ok(!(h['backstory-organization'] ?? []).includes('Reuters'), 'code skipped');
  assert.ok(places.includes('Israel'), 'text inside a clobbered <form> is read');
  assertHiddenSkipped(h);
  await page.close();
});

test('the popup switch turns a site off and on live, persists, and leaves other hosts alone', async () => {
  const page = await openPage(`${server.origin}/demo`);
  await until(async () => (await highlightCount(page)) > 0, { what: 'highlights' });
  await hover(page, 'Araghchi', 1);
  await until(() => chromiumCardText(page), { what: 'card' });
  await page.bringToFront();
  await setSite(false);
  await until(async () => (await highlightCount(page)) === 0, { what: 'highlights removed' });
  assert.equal(await chromiumCardText(page), null, 'card removed');
  await page.reload();
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await highlightCount(page), 0, 'still off after reload');
  const other = await openPage(`${server.altOrigin}/demo`);
  await until(async () => (await highlightCount(other)) > 0, { what: 'other host still on' });
  await other.close();
  await page.bringToFront();
  await setSite(true);
  await until(async () => (await highlightCount(page)) > 0, { what: 'highlights back' });
  await page.close();
});

for (const csp of ['self', 'none']) {
  test(`strict CSP (script-src '${csp}'): highlights and card still work`, async () => {
    const page = await openPage(`${server.origin}/demo?csp=${csp}`);
    await until(async () => missingNames(await highlights(page)).length === 0, { what: 'highlights' });
    await hover(page, 'Araghchi', 1);
    const card = await until(() => chromiumCardText(page), { what: 'card' });
    assert.match(card.text, /Abbas Araghchi/);
    await until(async () => /Foreign Affairs/.test((await chromiumCardText(page))?.text ?? ''),
      { what: 'card details after kb-cards.bin loads' });
    await page.close();
  });
}

test('the About the data page lists the sources with GeoNames attribution and the knowledge date', async () => {
  const about = await browser.context.newPage();
  await about.goto(browser.popupUrl.replace('popup/popup.html', 'about/about.html'));
  await until(async () => /facts as of \d{4}/.test(await about.locator('#stats').textContent()),
    { what: 'knowledge stats' });
  assert.match(await about.locator('body').textContent(), /GeoNames[\s\S]*CC BY 4\.0/);
  await about.close();
});

test('no errors or warnings from the extension in pages or the background', () => {
  assert.deepEqual(pageErrors, []);
});
