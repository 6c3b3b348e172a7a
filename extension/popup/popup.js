// Popup: the current site's switch and what Backstory found on the page.
/* global BackstorySettings */
const api = globalThis.browser ?? globalThis.chrome;

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

async function showStats(tab) {
  const stats = document.getElementById('stats');
  try {
    const reply = await api.tabs.sendMessage(tab.id, { type: 'stats' });
    stats.textContent = reply?.running
      ? `${reply.entities} names found (${reply.mentions} mentions) in ${Math.round(reply.scanMs)} ms`
      : 'Highlighting is off on this page.';
  } catch {
    stats.textContent = 'Reload the page to use Backstory here.';
  }
}

async function main() {
  const tab = await targetTab();
  const host = tab && BackstorySettings.hostOf(tab.url ?? '');
  if (!host) return;
  document.getElementById('host').textContent = host;
  const toggle = document.getElementById('site-switch');
  toggle.checked = await BackstorySettings.isSiteEnabled(host);
  toggle.disabled = false;
  toggle.addEventListener('change', async () => {
    await BackstorySettings.setSiteEnabled(host, toggle.checked);
    setTimeout(() => showStats(tab), 150);
  });
  showStats(tab);
}

main();
