// Dynamic and heavy pages (issue #6), written once for both browsers with the same driver as
// reading.mjs: new text is read incrementally, removed or changed text loses its
// highlights, the card never triggers reading, and huge pages are read in bounded tasks.
import assert from 'node:assert/strict';
import { until, READ_HIGHLIGHTS, WORD_BOX } from './browsers.mjs';

// The budgets in src/web/mod.rs (NODES_PER_TASK, SECTION_BYTES): asserted on the work each
// task did, which the code controls, never on wall-clock time.
const NODES_PER_TASK = 500;
const SECTION_BYTES = 16 * 1024;
// A section may overshoot by one text node of at most this (SPLIT_BYTES in extract.rs).
const SPLIT_BYTES = 4096;

const has = (h, type, text) => (h[`backstory-${type}`] ?? []).includes(text);

async function stats(d, origin, pathName) {
  return d.background(`
    const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith('${origin}${pathName}'));
    return api.tabs.sendMessage(tab.id, { type: 'stats' }, { frameId: 0 });`);
}

export const scenarios = [
  ['dynamic page: appended and scrolled-in text is read, removed and changed text loses its highlights', async (d, origin) => {
    await d.open(`${origin}/dynamic`);
    await until(async () => has(await d.run(READ_HIGHLIGHTS), 'person', 'Vladimir Putin'), { what: 'text added by a timer' });
    const placesBefore = await d.run("return CSS.highlights.get('backstory-underline-default-place').size");
    await d.run("document.getElementById('first').remove()");
    await until(async () => (await d.run("return CSS.highlights.get('backstory-underline-default-place').size")) === placesBefore - 1,
      { what: 'the removed Moscow dropped from the highlight' });
    await d.run("document.getElementById('late').firstChild.data = 'Later, Sergei Lavrov spoke about Ankara.'");
    await until(async () => {
      const h = await d.run(READ_HIGHLIGHTS);
      return has(h, 'person', 'Sergei Lavrov') && !has(h, 'person', 'Vladimir Putin')
        && !(h['backstory-person'] ?? []).some((t) => t === '');
    }, { what: 'changed text re-read' });
    await d.run('window.scrollTo(0, 400)');
    await until(async () => has(await d.run(READ_HIGHLIGHTS), 'person', 'Emmanuel Macron'), { what: 'text added on scroll' });
    const after = await stats(d, origin, '/dynamic');
    assert.ok(after.sections >= 4, `each change read as a section of its own: ${JSON.stringify(after)}`);
  }],

  ['dynamic page: new text is read while a card is open, and the card itself never triggers reading', async (d, origin) => {
    await d.open(`${origin}/dynamic`);
    await until(async () => has(await d.run(READ_HIGHLIGHTS), 'person', 'Vladimir Putin'), { what: 'late text' });
    await until(async () => !(await stats(d, origin, '/dynamic')).reading, { what: 'reading settled' });
    const box = await d.run(WORD_BOX, 'Putin', 0, 'center');
    await d.click(box.x, box.y);
    await until(() => d.card(), { what: 'pinned card' });
    const before = await stats(d, origin, '/dynamic');
    await new Promise((r) => setTimeout(r, 1500));
    const still = await stats(d, origin, '/dynamic');
    assert.equal(still.tasks, before.tasks, 'showing a card caused no reading');
    await d.run(`document.getElementById('live').append(Object.assign(document.createElement('p'),
      { textContent: 'Abbas Araghchi travelled to Ankara.' }))`);
    await until(async () => has(await d.run(READ_HIGHLIGHTS), 'person', 'Abbas Araghchi'), { what: 'new text while the card is open' });
    assert.ok(await d.card(), 'the card stayed open');
    await d.key('Escape');
  }],

  ['a 1 MB page is read in slices of bounded work, to its last paragraph', async (d, origin) => {
    await d.open(`${origin}/huge`);
    await until(async () => has(await d.run(READ_HIGHLIGHTS), 'person', 'Daniel Quennstadt'),
      { what: 'the last paragraph highlighted', timeout: 30000 });
    const s = await stats(d, origin, '/huge');
    assert.ok(s.textBytes > 900000, `read the whole text: ${JSON.stringify(s)}`);
    assert.ok(s.sections >= 18 && s.tasks >= s.sections, JSON.stringify(s));
    assert.ok(s.maxTaskBytes <= SECTION_BYTES + SPLIT_BYTES + 16, JSON.stringify(s));
    assert.ok(s.maxTaskNodes <= NODES_PER_TASK, JSON.stringify(s));
    const h = await d.run(READ_HIGHLIGHTS);
    assert.ok(has(h, 'person', 'Quennstadt') || has(h, 'person', 'Daniel Quennstadt'));
    assert.ok((h['backstory-person'] ?? []).length > 1000, 'names in every section');
  }],

  ['a page of 140k nodes is read in slices of bounded work; names split across elements still join', async (d, origin) => {
    await d.open(`${origin}/many-nodes`);
    await until(async () => has(await d.run(READ_HIGHLIGHTS), 'person', 'Sergei Lavrov'),
      { what: 'the last paragraph highlighted', timeout: 30000 });
    const s = await stats(d, origin, '/many-nodes');
    assert.ok(s.tasks >= 30, `many tasks: ${JSON.stringify(s)}`);
    assert.ok(s.maxTaskNodes <= NODES_PER_TASK, JSON.stringify(s));
    const places = (await d.run(READ_HIGHLIGHTS))['backstory-place'] ?? [];
    assert.ok(places.filter((t) => t === 'Moscow').length >= 7000, `Mos|cow joined: ${places.length}`);
  }],
];
