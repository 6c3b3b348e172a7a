// Popup: the current site's switch, the global pause, and the index of what Backstory found
// on the page (click a name to scroll to it and open its card).
/* global BackstorySettings, BackstoryText */
const api = globalThis.browser ?? globalThis.chrome;
const { text } = BackstoryText;
const CATEGORIES = [
  ['person', 'categoryPerson'],
  ['organization', 'categoryOrganization'],
  ['place', 'categoryPlace'],
  ['facility', 'categoryFacility'],
];

// The tab the popup is about: the active one; when the popup is open in a tab of its own,
// the most recently used web page of this window.
async function targetTab() {
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  if (active && BackstorySettings.hostOf(active.url ?? '')) return active;
  const tabs = await api.tabs.query({ currentWindow: true });
  return tabs
    .filter((t) => BackstorySettings.hostOf(t.url ?? ''))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

function ask(tab, message) {
  return api.tabs.sendMessage(tab.id, message, { frameId: 0 });
}

function element(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

function showIndex(tab, entries) {
  const section = document.getElementById('index');
  const groups = document.getElementById('groups');
  groups.replaceChildren();
  section.hidden = !entries?.length;
  for (const [category, label] of CATEGORIES) {
    const members = (entries ?? []).filter((e) => e.category === category);
    if (!members.length) continue;
    groups.append(element('h3', '', text(label)));
    const list = element('ul');
    for (const entry of members) {
      const button = element('button');
      button.type = 'button';
      button.dataset.entity = String(entry.entity);
      button.append(element('span', 'name', entry.name), element('span', 'count', text('mentionCount', entry.mentions)));
      button.addEventListener('click', async () => {
        await ask(tab, { type: 'reveal', entity: entry.entity });
        window.close();
      });
      const item = element('li');
      item.append(button);
      list.append(item);
    }
    groups.append(list);
  }
}

async function refresh(tab) {
  const stats = document.getElementById('stats');
  try {
    const reply = await ask(tab, { type: 'stats' });
    if (reply?.running) {
      stats.textContent = text('popupStats', reply.entities, Math.round(reply.scanMs));
      showIndex(tab, await ask(tab, { type: 'index' }));
    } else {
      stats.textContent = text('popupOff');
      showIndex(tab, []);
    }
  } catch {
    stats.textContent = text('popupReload');
    showIndex(tab, []);
  }
}

async function main() {
  const { options } = await BackstorySettings.load();
  const pause = document.getElementById('pause-switch');
  pause.checked = options.paused;
  const tab = await targetTab();
  const host = tab && BackstorySettings.hostOf(tab.url ?? '');
  pause.addEventListener('change', async () => {
    await BackstorySettings.setOptions({ paused: pause.checked });
    if (tab) setTimeout(() => refresh(tab), 150);
  });
  if (!host) return;
  document.getElementById('host').textContent = host;
  const toggle = document.getElementById('site-switch');
  toggle.checked = await BackstorySettings.isSiteEnabled(host);
  toggle.disabled = false;
  toggle.addEventListener('change', async () => {
    await BackstorySettings.setSiteEnabled(host, toggle.checked);
    setTimeout(() => refresh(tab), 150);
  });
  refresh(tab);
}

main();
