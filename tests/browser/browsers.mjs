// Launches the real browsers with the built extension: Chromium through playwright-core,
// Firefox ESR through geckodriver + selenium-webdriver. No browser API is mocked.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const EXT = process.env.BACKSTORY_EXT ?? path.resolve(import.meta.dirname, '../../dist/extension');
export const XPI = path.resolve(EXT, '../backstory-firefox.xpi');
export const GECKO_ID = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'))
  .browser_specific_settings.gecko.id;
// Pinned so tests can open moz-extension:// pages (the UUID is random per install otherwise).
export const FIREFOX_UUID = '6f1d3c1e-8a4b-4c55-9d2e-0b5e7a1c2f10';

/** Page-side: the text of every range in Backstory's highlights, by entity type
 * ('backstory-person' ...), whatever the style and palette in the highlight's name. */
export const READ_HIGHLIGHTS = `
  const out = {};
  for (const [name, highlight] of CSS.highlights) {
    const type = /^backstory-(?:[a-z]+-[a-z]+-)?(person|organization|place)$/.exec(name)?.[1];
    if (type) out['backstory-' + type] = [...highlight].map((r) => r.toString());
  }
  return out;`;

/** Page-side: viewport centre of the n-th occurrence of a word in the body's text nodes. */
export const LOCATE_WORD = `
  const [word, nth] = arguments;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let at = node.data.indexOf(word);
    while (at >= 0) {
      if (seen++ === nth) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        range.startContainer.parentElement.scrollIntoView({ block: 'center' });
        const r = range.getClientRects()[0];
        return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
      }
      at = node.data.indexOf(word, at + 1);
    }
  }
  return null;`;

/** Page-side: the body as the server sent it (parsed, never run) and as it is now. */
export const BODY_BEFORE_AND_AFTER = `
  return fetch(location.href).then((r) => r.text()).then((html) => {
    const original = new DOMParser().parseFromString(html, 'text/html');
    return {
      before: original.body.innerHTML,
      after: document.body.innerHTML,
      rootChildren: [...document.documentElement.children].map((e) => e.tagName + (e.id ? '#' + e.id : '')),
    };
  });`;

export async function launchChromium({ headless = true, javaScriptEnabled = true } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'backstory-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless,
    javaScriptEnabled,
    viewport: { width: 1100, height: 800 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Only the local test server is reachable: a page's third-party stylesheets and frames
      // fail at once instead of waiting on whatever the machine's resolver does.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context, worker, extensionId,
    popupUrl: `chrome-extension://${extensionId}/popup/popup.html`,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Chromium: the card's mode and text (see chromiumCard), or null. */
export async function chromiumCardText(page) {
  const card = await chromiumCard(page);
  return card && { mode: card.mode, text: card.text };
}

function findNode(node, predicate) {
  if (predicate(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, predicate);
    if (found) return found;
  }
  return null;
}

export async function launchFirefox({ headless = true, javaScriptEnabled = true, eager = false } = {}) {
  const { Builder, Browser } = await import('selenium-webdriver');
  const firefox = await import('selenium-webdriver/firefox.js');
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX ?? '/usr/bin/firefox-esr')
    .addArguments(...(headless ? ['-headless'] : []))
    .windowSize({ width: 1100, height: 800 })
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }))
    // Only the local test server is reachable (as for Chromium above): every other host goes
    // to a closed local port and fails at once, with no DNS lookup.
    .setPreference('network.proxy.type', 1)
    .setPreference('network.proxy.http', '127.0.0.1')
    .setPreference('network.proxy.http_port', 9)
    .setPreference('network.proxy.ssl', '127.0.0.1')
    .setPreference('network.proxy.ssl_port', 9)
    .setPreference('network.proxy.no_proxies_on', 'localhost, 127.0.0.1')
    .setPreference('network.dns.disablePrefetch', true)
    .enableBidi();
  if (!javaScriptEnabled) options.setPreference('javascript.enabled', false);
  if (eager) options.setPageLoadStrategy('eager');
  const service = new firefox.ServiceBuilder(process.env.GECKODRIVER).addArguments('--allow-system-access');
  const driver = await new Builder()
    .forBrowser(Browser.FIREFOX)
    .setFirefoxOptions(options)
    .setFirefoxService(service)
    .build();
  await driver.installAddon(XPI, true);
  return {
    driver,
    popupUrl: `moz-extension://${FIREFOX_UUID}/popup/popup.html`,
    async close() { await driver.quit(); },
  };
}

/** Firefox: the card's mode and text (see firefoxCard), or null. */
export async function firefoxCardText(driver) {
  const card = await firefoxCard(driver);
  return card && { mode: card.mode, text: card.text };
}

/**
 * Firefox: collects console errors and warnings of every page into `problems`, those that
 * `keep` accepts (it gets the WebDriver BiDi log entry).
 */
export async function collectFirefoxConsole(driver, problems, keep = () => true) {
  const bidi = await driver.getBidi();
  await bidi.send({ method: 'session.subscribe', params: { events: ['log.entryAdded'] } });
  bidi.socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    if (message.method !== 'log.entryAdded') return;
    const entry = message.params;
    if ((entry.level === 'error' || entry.level === 'warn') && keep(entry)) {
      problems.push(`${entry.level}: ${entry.text}`);
    }
  });
}

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function until(check, { timeout = 10000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await check();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

/**
 * Extension-side function body (with `api` the extension API): the stats of the content
 * script in the tab showing `url`, or undefined before the tab exists.
 */
export const STATS_BODY = (url) => `
  const tab = (await api.tabs.query({})).find((t) => t.url === ${JSON.stringify(url)});
  return tab && api.tabs.sendMessage(tab.id, { type: 'stats' }, { frameId: 0 });`;

/** Page-side: whether the card host is rendered inside the viewport with a real size. */
export const CARD_IN_VIEWPORT = `
  const host = document.getElementById('backstory-card-host');
  if (!host) return false;
  const r = host.getBoundingClientRect();
  return r.width > 100 && r.height > 50 && r.top >= 0 && r.left >= 0
    && r.bottom <= innerHeight && r.right <= innerWidth;`;

/** English news pages of the corpus: each must get at least one highlight. */
export const NEWS_PAGES = [
  'aclu', 'bbc-1', 'breitbart', 'buzzfeed-1', 'cnn', 'guardian-1', 'herald-sun-1', 'nytimes-1',
  'nytimes-2', 'nytimes-3', 'nytimes-4', 'nytimes-5', 'salon-1', 'seattletimes-1', 'telegraph',
  'wapo-1', 'wapo-2',
];

/** Page-side: whether Backstory finished its first scan (it registers its three highlights). */
export const SCANNED = `return ['person', 'organization', 'place']
  .every((kind) => [...CSS.highlights.keys()].some((name) => name.startsWith('backstory-') && name.endsWith('-' + kind)));`;

/** Page-side: the page compared with its source (argument 0) parsed without scripts. */
export const PAGE_UNCHANGED = `
  const original = new DOMParser().parseFromString(arguments[0], 'text/html');
  // The page's parser turns declarative shadow DOM into shadow roots; DOMParser keeps the
  // templates. Drop them so both sides serialise alike.
  original.querySelectorAll('template[shadowrootmode]').forEach((t) => t.remove());
  const roots = (doc) => [...doc.documentElement.children].map((e) => e.tagName).join(',');
  return {
    body: original.body.innerHTML === document.body.innerHTML,
    root: roots(original) === roots(document),
    rootNow: roots(document),
  };`;

/**
 * Checks every corpus page with a browser-neutral driver: `open(url)` navigates, `run(body,
 * ...args)` evaluates a page-side function body. Returns the failures as readable lines.
 */
// Chromium never fires a content script's setTimeout on a page with JavaScript off; the
// hover delay and the page-change debounce must still run there. One scenario, both browsers:
// `hover(x, y)` moves the pointer onto a viewport point, `card()` reads the open card.
export async function checkScriptsOff({ origin, open, run, hover, card }) {
  await open(`${origin}/demo`);
  const names = async () => Object.values(await run(READ_HIGHLIGHTS)).flat();
  await until(async () => (await names()).includes('Araghchi'), { what: 'highlights' });
  // The page's stylesheet may still be arriving (the driver returns at DOMContentLoaded):
  // locate the word once the layout is final.
  await until(() => run("return document.readyState === 'complete'"), { what: 'page loaded' });
  // A hover the page never saw (the pointer moved while the machine was busy elsewhere) is
  // tried again, as a reader would; the card must open with no page script in any case.
  let shown = null;
  for (let attempt = 1; !shown; attempt += 1) {
    const point = await run(LOCATE_WORD, 'Araghchi', 1);
    await hover(point.x, point.y);
    try {
      shown = await until(card, { what: 'card with page scripts off', timeout: 5000 });
    } catch (error) {
      if (attempt === 3) throw error;
      await hover(2, 2);
    }
  }
  assert.match(shown.text, /Abbas Araghchi/);
  await run(`const p = document.createElement('p');
    p.textContent = 'Later, Recep Tayyip Erdogan spoke to reporters in Ankara.';
    document.body.append(p);`);
  await until(async () => (await names()).includes('Recep Tayyip Erdogan'),
    { what: 'added text read with page scripts off' });
}

export async function checkCorpus({ origin, pages, source, open, run }) {
  const failures = [];
  for (const name of pages) {
    if (process.env.VERBOSE) console.error(`corpus: ${name}`);
    try {
      await open(`${origin}/corpus/${encodeURIComponent(name)}/`);
      await until(() => run(SCANNED), { what: `scan of ${name}`, timeout: 15000 });
      const dom = await run(PAGE_UNCHANGED, source(name));
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
  return failures;
}

/**
 * A card's closed shadow root, read through the browser's debugging protocol and reduced to
 * what the tests check: role, classes, text per section, links with their attributes,
 * buttons, and the locator map's parts. `tree` is { tag, attrs, text, children }.
 */
export function summarizeCard(mode, tree) {
  const card = tree.children.find((c) => c.tag === 'div');
  if (!card) return null;
  const textOf = (node) => (node.text ?? '') + node.children.map(textOf).join(' ');
  const all = [];
  const walk = (node, section) => {
    const cls = node.attrs?.class ?? '';
    const here = ['header', 'article', 'page-links', 'search-links', 'reference-links']
      .find((name) => cls.split(' ').includes(name)) ?? section;
    all.push({ node, section: here });
    node.children.forEach((child) => walk(child, here));
  };
  walk(card, 'main');
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  const sections = {};
  for (const { node } of all) {
    const cls = node.attrs?.class;
    if (cls && !sections[cls]) sections[cls] = squash(textOf(node));
  }
  const has = (cls) => all.some(({ node }) => (node.attrs?.class ?? '').split(' ').includes(cls));
  return {
    mode,
    role: card.attrs.role,
    label: card.attrs['aria-label'],
    classes: (card.attrs.class ?? '').split(' '),
    text: squash(textOf(card)),
    sections,
    links: all.filter(({ node }) => node.tag === 'a').map(({ node, section }) => ({
      text: squash(textOf(node)), href: node.attrs.href, target: node.attrs.target, rel: node.attrs.rel, section,
    })),
    buttons: all.filter(({ node }) => node.tag === 'button').map(({ node }) => node.attrs['aria-label']),
    map: has('map') ? { home: has('home'), point: has('point'), land: all.filter(({ node }) => node.attrs?.class === 'land').length } : null,
  };
}

/** Chromium: the card (see summarizeCard) through the DevTools protocol, or null. */
export async function chromiumCard(page) {
  const session = await page.context().newCDPSession(page);
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  await session.detach();
  const host = findNode(root, (n) => n.attributes?.includes('backstory-card-host'));
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return null;
  const convert = (n) => {
    const attrs = {};
    for (let i = 0; i + 1 < (n.attributes ?? []).length; i += 2) attrs[n.attributes[i]] = n.attributes[i + 1];
    return {
      tag: (n.localName ?? n.nodeName ?? '').toLowerCase(),
      attrs,
      text: n.nodeType === 3 ? n.nodeValue : '',
      children: n.nodeName === 'STYLE' ? [] : (n.children ?? []).map(convert),
    };
  };
  return summarizeCard(shadow.shadowRootType, convert(shadow));
}

/** Firefox: the card (see summarizeCard) through WebDriver BiDi serialization, or null. */
export async function firefoxCard(driver) {
  const bidi = await driver.getBidi();
  const context = await driver.getWindowHandle();
  const reply = await bidi.send({
    method: 'script.evaluate',
    params: {
      expression: "document.getElementById('backstory-card-host')",
      target: { context },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 40, includeShadowTree: 'all' },
    },
  });
  const result = reply.result?.result ?? reply.result;
  if (!result || result.type !== 'node') return null;
  const shadow = result.value.shadowRoot;
  if (!shadow?.value) return null;
  const convert = (n) => {
    const v = n?.value ?? {};
    return {
      tag: (v.localName ?? '').toLowerCase(),
      attrs: v.attributes ?? {},
      text: v.nodeType === 3 ? (v.nodeValue ?? '') : '',
      children: v.localName === 'style' ? [] : (v.children ?? []).map(convert),
    };
  };
  return summarizeCard(shadow.value.mode, convert(shadow));
}

/** Page-side: the card host's box and the viewport, for placement checks. */
export const CARD_BOX = `
  const host = document.getElementById('backstory-card-host');
  if (!host) return null;
  const r = host.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right,
    viewportWidth: document.documentElement.clientWidth, viewportHeight: innerHeight,
    focused: document.activeElement === host };`;

/** Page-side: the box of the n-th occurrence of a word after scrolling it to `block`. */
export const WORD_BOX = `
  const [word, nth, block] = arguments;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let at = node.data.indexOf(word);
    while (at >= 0) {
      if (seen++ === nth) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        node.parentElement.scrollIntoView({ block });
        const r = range.getClientRects()[0];
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right,
          x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
      }
      at = node.data.indexOf(word, at + 1);
    }
  }
  return null;`;

/** Page-side: selects the first occurrence of a phrase (for "Look up «selection»"). */
export const SELECT_PHRASE = `
  const [phrase] = arguments;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(phrase);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return true;
  }
  return false;`;
