// The reading experience (issue #5), written once and run in both browsers through a small
// driver each test file provides: open, run (page-side function body), hover, click, key,
// card, background (code run with the extension's own APIs and handlers) and
// extensionPage (one of the extension's pages in a tab of its own).
import assert from 'node:assert/strict';
import { until, READ_HIGHLIGHTS, WORD_BOX, CARD_BOX, SELECT_PHRASE } from './browsers.mjs';

const countOf = (h, type) => (h[`backstory-${type}`] ?? []).length;
const total = (h) => Object.values(h).reduce((n, list) => n + list.length, 0);

async function openReading(d, origin, query = '') {
  await d.open(`${origin}/reading${query}`);
  await until(async () => countOf(await d.run(READ_HIGHLIGHTS), 'person') > 0, { what: 'highlights' });
  await d.run('window.scrollTo(0, 0)');
}

async function hoverWord(d, word, nth = 0, block = 'center') {
  const box = await d.run(WORD_BOX, word, nth, block);
  assert.ok(box, `${word} is on the page`);
  await d.hover(box.x, box.y);
  return box;
}

async function cardWhere(d, check, what) {
  return until(async () => {
    const card = await d.card();
    return card && check(card) ? card : null;
  }, { what, timeout: 8000 });
}

async function closeCard(d) {
  await d.key('Escape');
  await until(async () => (await d.card()) === null, { what: 'card closed' });
}

export const scenarios = [
  ['a known person: background, how the article introduced him, related links on the page, search links', async (d, origin) => {
    await openReading(d, origin);
    await hoverWord(d, 'Araghchi', 1);
    const card = await cardWhere(d, (c) => /Foreign Affairs/.test(c.text), 'card with roles');
    assert.equal(card.mode, 'closed');
    assert.equal(card.role, 'tooltip');
    assert.equal(card.label, 'About Abbas Araghchi');
    assert.match(card.sections.kind, /Person · Diplomat/);
    assert.match(card.sections.country, /Iran/);
    assert.match(card.text, /since Aug 2024/);
    assert.match(card.sections.article, /Introduced as “Iranian Foreign Minister”/);
    const [, at, of] = /Mention (\d+) of (\d+)/.exec(card.sections.mentions) ?? [];
    assert.equal(at, '2', 'anchored to the hovered mention');
    assert.ok(Number(of) >= 3, card.sections.mentions);
    const onPage = card.links.filter((l) => l.section === 'page-links');
    assert.deepEqual(onPage.map((l) => l.text), ['Araghchi meets Lavrov as markets brace']);
    assert.equal(onPage[0].href, `${origin}/related?title=lavrov`);
    const search = card.links.filter((l) => l.section === 'search-links');
    assert.ok(search.length >= 3, 'default search templates');
    assert.ok(search.some((l) => l.href === 'https://news.google.com/search?q=%22Abbas+Araghchi%22'), JSON.stringify(search));
    assert.ok(card.links.some((l) => l.section === 'reference-links' && l.href === 'https://en.wikipedia.org/wiki/Abbas_Araghchi'));
    for (const link of card.links) {
      assert.equal(link.target, '_blank', link.text);
      assert.equal(link.rel, 'noopener noreferrer', link.text);
    }
    await closeCard(d);
  }],

  ['a place gets a locator map with its country; an unknown name gets its article context', async (d, origin) => {
    await openReading(d, origin);
    await hoverWord(d, 'Tehran', 1);
    const place = await cardWhere(d, (c) => c.map, 'place card with map');
    assert.match(place.sections.kind, /Place · City/);
    assert.match(place.sections.country, /Iran/);
    assert.ok(place.map.home && place.map.point && place.map.land > 0, JSON.stringify(place.map));
    await closeCard(d);
    await hoverWord(d, 'Quennstadt', 0);
    const unknown = await cardWhere(d, (c) => /Quennstadt/.test(c.text), 'unknown name card');
    assert.match(unknown.sections.name, /Daniel Quennstadt/);
    assert.match(unknown.sections.article, /Introduced as “a spokesman for the Nordic Mediation Office”/);
    assert.match(unknown.sections.mentions, /Mention 1 of 2/);
    assert.equal(unknown.map, null);
    assert.ok(!unknown.links.some((l) => l.section === 'reference-links'), 'no reference links without a record');
    await closeCard(d);
  }],

  ['a click pins the card; Escape, the close button and a click outside close it', async (d, origin) => {
    await openReading(d, origin);
    const box = await d.run(WORD_BOX, 'Moscow', 0, 'center');
    await d.click(box.x, box.y);
    await cardWhere(d, (c) => c.role === 'dialog' && c.classes.includes('pinned'), 'pinned card');
    await d.hover(5, 5);
    await new Promise((r) => setTimeout(r, 900));
    assert.ok(await d.card(), 'a pinned card stays when the pointer leaves');
    await closeCard(d);
    await d.click(box.x, box.y);
    await cardWhere(d, (c) => c.role === 'dialog', 'pinned again');
    await d.click(10, Math.min(box.y + 150, 700));
    await until(async () => (await d.card()) === null, { what: 'closed by a click outside' });
    await d.key('Alt+Shift+KeyN');
    await cardWhere(d, (c) => c.role === 'dialog', 'keyboard card');
    assert.ok((await d.run(CARD_BOX)).focused, 'focus moved into the card (its close button)');
    await d.key('Enter');
    await until(async () => (await d.card()) === null, { what: 'closed by its close button' });
  }],

  ['cards flip above names near the bottom edge and stay inside the viewport at the right edge', async (d, origin) => {
    await openReading(d, origin);
    const bottom = await hoverWord(d, 'Putin', 0, 'end');
    await cardWhere(d, () => true, 'card near the bottom');
    let cardBox = await until(() => d.run(CARD_BOX), { what: 'card box' });
    assert.ok(bottom.bottom > cardBox.viewportHeight - 80, 'the name is near the bottom edge');
    assert.ok(cardBox.bottom <= bottom.top + 1, `card above the name: ${JSON.stringify({ cardBox, bottom })}`);
    assert.ok(cardBox.top >= 0);
    await closeCard(d);
    const right = await hoverWord(d, 'Natanz', 0, 'center');
    await cardWhere(d, () => true, 'card at the right edge');
    cardBox = await d.run(CARD_BOX);
    assert.ok(right.right > cardBox.viewportWidth - 400, 'the name is near the right edge');
    assert.ok(cardBox.right <= cardBox.viewportWidth && cardBox.left >= 0, JSON.stringify(cardBox));
    await closeCard(d);
  }],

  ['keyboard: Alt+Shift+N / P move between entities; the card\'s buttons work from the keyboard', async (d, origin) => {
    await openReading(d, origin);
    await d.key('Alt+Shift+KeyN');
    const first = await cardWhere(d, (c) => c.role === 'dialog', 'first entity card');
    assert.ok((await d.run(CARD_BOX)).focused, 'focus in the card');
    await d.key('Alt+Shift+KeyN');
    const second = await cardWhere(d, (c) => c.sections.name !== first.sections.name, 'next entity card');
    assert.match(second.sections.mentions, /Mention 1 of \d/);
    await d.key('Tab');
    await d.key('Tab');
    await d.key('Enter');
    await cardWhere(d, (c) => c.sections.name === second.sections.name && /Mention 2 of/.test(c.sections.mentions),
      'next mention from the keyboard');
    await d.key('Alt+Shift+KeyP');
    await cardWhere(d, (c) => c.sections.name !== second.sections.name, 'previous entity card');
    await closeCard(d);
  }],

  ['popup: entity index by type with counts; a click opens that card; the global pause', async (d, origin) => {
    await openReading(d, origin);
    const index = await d.extensionPage('popup/popup.html', async (p) => {
      await until(() => p.run("return document.querySelectorAll('#groups button').length > 0"), { what: 'index' });
      const groups = await p.run(`return [...document.querySelectorAll('#groups h3')].map((h) => ({
        group: h.textContent,
        entries: [...h.nextElementSibling.querySelectorAll('button')].map((b) => b.textContent) }))`);
      const stats = await p.run("return document.getElementById('stats').textContent");
      await p.run(`[...document.querySelectorAll('#groups button')]
        .find((b) => b.querySelector('.name').textContent.startsWith('Natanz')).click()`);
      return { groups, stats };
    });
    const people = index.groups.find((g) => g.group === 'People');
    assert.ok(people, JSON.stringify(index.groups));
    assert.match(people.entries[0], /^Abbas Araghchi\d+×$/, 'people in order of first appearance, with counts');
    assert.ok(index.groups.some((g) => g.group === 'Places' && g.entries.some((e) => e.startsWith('Tehran'))));
    assert.ok(index.groups.some((g) => g.group === 'Facilities and sites' && g.entries.some((e) => e.startsWith('Natanz'))));
    assert.match(index.stats, /names found in \d+ ms/);
    const card = await cardWhere(d, (c) => /^Natanz/.test(c.sections.name), 'card opened from the index');
    assert.equal(card.role, 'dialog');
    const box = await d.run(`const b = document.getElementById('right').getBoundingClientRect();
      return b.top >= 0 && b.bottom <= innerHeight;`);
    assert.ok(box, 'scrolled to the mention');
    await closeCard(d);

    await d.extensionPage('popup/popup.html', (p) => p.click('#pause-switch'));
    await until(async () => total(await d.run(READ_HIGHLIGHTS)) === 0, { what: 'paused everywhere' });
    await d.extensionPage('popup/popup.html', async (p) => {
      assert.equal(await p.run("return document.getElementById('pause-switch').checked"), true, 'pause persisted');
      await p.click('#pause-switch');
    });
    await until(async () => total(await d.run(READ_HIGHLIGHTS)) > 0, { what: 'resumed' });
  }],

  ['the toolbar badge shows the number of entities on the page, nothing when the site is off', async (d, origin) => {
    await openReading(d, origin);
    const read = () => d.background(`
      const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith('${origin}/reading'));
      const index = await api.tabs.sendMessage(tab.id, { type: 'index' }, { frameId: 0 });
      return { badge: await api.action.getBadgeText({ tabId: tab.id }), entities: index.length };`);
    const on = await until(async () => {
      const r = await read();
      return r.badge !== '' ? r : null;
    }, { what: 'badge' });
    assert.equal(on.badge, String(on.entities));
    assert.ok(on.entities > 5);
    await d.background(`
      const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith('${origin}/reading'));
      await menuClick({ menuItemId: 'toggle-site' }, tab);`);
    await until(async () => (await read()).badge === '', { what: 'badge cleared' });
    await d.background(`
      const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith('${origin}/reading'));
      await menuClick({ menuItemId: 'toggle-site' }, tab);`);
    await until(async () => (await read()).badge !== '', { what: 'badge back' });
  }],

  ['context menu: "Look up" opens a card for a selection; the site item turns the site off and on', async (d, origin) => {
    await openReading(d, origin);
    assert.ok(await d.run(SELECT_PHRASE, 'Oil prices'));
    await d.background(`
      const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith('${origin}/reading'));
      return menuClick({ menuItemId: 'lookup', selectionText: 'Oil prices' }, tab);`);
    const card = await cardWhere(d, (c) => c.sections.name === 'Oil prices', 'looked-up card');
    assert.equal(card.role, 'dialog');
    assert.match(card.sections.mentions, /Mentioned once/);
    await closeCard(d);
    await d.background(`
      const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith('${origin}/reading'));
      return menuClick({ menuItemId: 'lookup', selectionText: 'Tehran' }, tab);`);
    await cardWhere(d, (c) => c.sections.name === 'Tehran' && /Mention 1 of 3/.test(c.sections.mentions), 'known name looked up');
    await closeCard(d);
    await d.background(`
      const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith('${origin}/reading'));
      await menuClick({ menuItemId: 'toggle-site' }, tab);`);
    await until(async () => total(await d.run(READ_HIGHLIGHTS)) === 0, { what: 'site off' });
    await d.background(`
      const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith('${origin}/reading'));
      await menuClick({ menuItemId: 'toggle-site' }, tab);`);
    await until(async () => total(await d.run(READ_HIGHLIGHTS)) > 0, { what: 'site on' });
  }],

  ['options: categories and highlight style apply live in open tabs and persist', async (d, origin) => {
    await openReading(d, origin);
    await d.extensionPage('options/options.html', async (p) => {
      await until(() => p.run("return document.querySelector('input[value=place]').checked"), { what: 'options shown' });
      await p.click('input[value=place]');
      await p.click('input[value=tint]');
    });
    const h = await until(async () => {
      const found = await d.run(READ_HIGHLIGHTS);
      return !(found['backstory-place'] ?? []).includes('Tehran') && countOf(found, 'person') > 0 ? found : null;
    }, { what: 'places off live' });
    assert.deepEqual(h['backstory-place'], ['Natanz'], 'facilities follow their own switch');
    const names = await d.run('return [...CSS.highlights.keys()]');
    assert.ok(names.includes('backstory-tint-default-person'), JSON.stringify(names));
    await d.extensionPage('options/options.html', async (p) => {
      await until(() => p.run("return document.querySelector('input[value=person]').checked"), { what: 'options shown' });
      assert.equal(await p.run("return document.querySelector('input[value=place]').checked"), false, 'persisted');
      assert.equal(await p.run("return document.querySelector('input[value=tint]').checked"), true, 'persisted');
      await p.click('#reset');
    });
    await until(async () => (await d.run(READ_HIGHLIGHTS))['backstory-place']?.includes('Tehran'), { what: 'defaults back' });
    assert.ok((await d.run('return [...CSS.highlights.keys()]')).includes('backstory-underline-default-place'));
  }],

  ['settings: thousands of switched-off sites are split into sync items under the quota and read back whole', async (d, origin) => {
    await openReading(d, origin);
    const result = await d.extensionPage('options/options.html', (p) => p.run(`return (async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const hosts = Array.from({ length: 2500 }, (_, i) => 'news-site-' + i + '.example.org');
      await BackstorySettings.setDisabledSites([...hosts, '127.0.0.1']);
      const stored = await api.storage.sync.get(null);
      const sizes = Object.entries(stored).map(([key, value]) => key.length + JSON.stringify(value).length);
      const { disabledSites } = await BackstorySettings.load();
      const listed = document.querySelectorAll('#sites li').length;
      return { items: Object.keys(stored).length, largest: Math.max(...sizes), read: disabledSites.length, listed };
    })()`));
    assert.ok(result.items > 5, JSON.stringify(result));
    assert.ok(result.largest <= 8192, `every item under the 8 KB quota: ${JSON.stringify(result)}`);
    assert.equal(result.read, 2501);
    await until(async () => total(await d.run(READ_HIGHLIGHTS)) === 0, { what: 'this site off with the rest' });
    const cleared = await d.extensionPage('options/options.html', (p) => p.run(`return (async () => {
      await BackstorySettings.setDisabledSites([]);
      const api = globalThis.browser ?? globalThis.chrome;
      return Object.keys(await api.storage.sync.get(null)).filter((k) => /^sites\\d+$/.test(k)).length;
    })()`));
    assert.ok(cleared <= 1, 'stale buckets removed');
    await until(async () => total(await d.run(READ_HIGHLIGHTS)) > 0, { what: 'back on' });
  }],

  ['settings: pages start from a copy in storage.local that follows storage.sync; a stale copy is mended', async (d, origin) => {
    await openReading(d, origin);
    const copied = () => d.background(`
      return (await api.storage.local.get('settingsMirror')).settingsMirror?.disabledSites ?? null;`);
    // Written straight into storage.sync, as a change synced from another device arrives.
    await d.background("await api.storage.sync.set({ siteBuckets: 1, sites0: ['127.0.0.1'] });");
    await until(async () => total(await d.run(READ_HIGHLIGHTS)) === 0, { what: 'this site off' });
    await until(async () => (await copied())?.includes('127.0.0.1'), { what: 'the copy follows' });
    await d.background("await api.storage.sync.set({ siteBuckets: 0 }); await api.storage.sync.remove('sites0');");
    await until(async () => total(await d.run(READ_HIGHLIGHTS)) > 0, { what: 'this site back on' });
    await until(async () => (await copied())?.length === 0, { what: 'the copy follows again' });
    // The copy says off, storage.sync says on: the page is read, and the copy mended.
    await d.background(`
      const { settingsMirror } = await api.storage.local.get('settingsMirror');
      await api.storage.local.set({ settingsMirror: { ...settingsMirror, disabledSites: ['127.0.0.1'] } });`);
    await openReading(d, origin);
    await until(async () => (await copied())?.length === 0, { what: 'the stale copy mended' });
  }],

  ['options: search link templates are validated and used on cards; a switched-off site is turned back on from the list', async (d, origin) => {
    await openReading(d, origin);
    const invalid = await d.extensionPage('options/options.html', async (p) => {
      await until(() => p.run("return document.getElementById('search').value.includes('{q}')"), { what: 'templates shown' });
      await p.run(`const area = document.getElementById('search');
        area.value = 'Example News https://news.example/find?q={q}\\nnot a template';
        area.dispatchEvent(new Event('change'));`);
      const error = await until(() => p.run("return document.getElementById('search-error').textContent"), { what: 'error shown' });
      await p.run(`const area = document.getElementById('search');
        area.value = 'Example News https://news.example/find?q={q}';
        area.dispatchEvent(new Event('change'));`);
      await until(() => p.run("return document.getElementById('status').textContent === 'Saved.'"), { what: 'saved' });
      return error;
    });
    assert.match(invalid, /Line 2/);
    await hoverWord(d, 'Araghchi', 1);
    const card = await cardWhere(d, (c) => c.links.some((l) => l.section === 'search-links'), 'card with search links');
    assert.deepEqual(card.links.filter((l) => l.section === 'search-links').map((l) => [l.text, l.href]),
      [['Example News', 'https://news.example/find?q=%22Abbas+Araghchi%22']]);
    await closeCard(d);

    await d.extensionPage('popup/popup.html', async (p) => {
      await until(() => p.run("return !document.getElementById('site-switch').disabled"), { what: 'popup ready' });
      await p.click('#site-switch');
    });
    await until(async () => total(await d.run(READ_HIGHLIGHTS)) === 0, { what: 'site off' });
    await d.extensionPage('options/options.html', async (p) => {
      await until(() => p.run("return [...document.querySelectorAll('#sites li')].some((li) => li.textContent.includes('127.0.0.1'))"),
        { what: 'site listed' });
      await p.click('#sites li button');
      await p.click('#reset');
    });
    await until(async () => total(await d.run(READ_HIGHLIGHTS)) > 0, { what: 'site back on from the options list' });
  }],
];
