// Background: the keyboard command, the context menu, the toolbar badge and the strict-CSP
// fallback injection. Chromium runs this as a service worker (settings.js comes in by
// importScripts); Firefox runs it as a background script after settings.js (see manifest).
/* global BackstorySettings */
if (typeof BackstorySettings === 'undefined' && typeof importScripts === 'function') {
  importScripts('settings.js');
}

const api = globalThis.browser ?? globalThis.chrome;
const menus = api.contextMenus ?? api.menus;
const text = (key, ...substitutions) => api.i18n.getMessage(key, substitutions) || key;

async function toggleSite(tab) {
  const host = BackstorySettings.hostOf(tab?.url ?? '');
  if (!host) return;
  const enabled = await BackstorySettings.isSiteEnabled(host);
  await BackstorySettings.setSiteEnabled(host, !enabled);
}

async function activeTab() {
  return (await api.tabs.query({ active: true, currentWindow: true }))[0];
}

api.commands.onCommand.addListener(async (command, tab) => {
  if (command === 'toggle-site') await toggleSite(tab ?? (await activeTab()));
});

// Context menu: turn the site off or on, and look up a selection. The toggle's title says
// what a click will do on the site of the active tab.
async function createMenus() {
  await menus.removeAll();
  menus.create({ id: 'toggle-site', title: text('menuDisableSite'), contexts: ['page', 'selection', 'link'] });
  menus.create({ id: 'lookup', title: text('menuLookUp', '%s'), contexts: ['selection'] });
  await updateMenuTitle();
}

async function updateMenuTitle(tab) {
  const target = tab ?? (await activeTab());
  const host = BackstorySettings.hostOf(target?.url ?? '');
  const enabled = host ? await BackstorySettings.isSiteEnabled(host) : true;
  menus.update('toggle-site', { title: text(enabled ? 'menuDisableSite' : 'menuEnableSite') });
}

/** The context menu's click handler (also called by the tests, as the menu would). */
async function onMenuClick(info, tab) {
  if (info.menuItemId === 'toggle-site') {
    await toggleSite(tab);
    await updateMenuTitle(tab);
    return true;
  }
  if (info.menuItemId === 'lookup' && tab?.id !== undefined) {
    return api.tabs.sendMessage(tab.id, { type: 'lookup', text: info.selectionText ?? '' }, { frameId: 0 });
  }
  return false;
}
globalThis.backstoryMenuClick = onMenuClick;

api.runtime.onInstalled.addListener(() => createMenus().catch(() => {}));
api.runtime.onStartup?.addListener(() => createMenus().catch(() => {}));
menus.onClicked.addListener((info, tab) => { onMenuClick(info, tab).catch(() => {}); });
api.tabs.onActivated.addListener(() => updateMenuTitle().catch(() => {}));
api.tabs.onUpdated.addListener((_id, change, tab) => {
  if (change.url && tab.active) updateMenuTitle(tab).catch(() => {});
});
BackstorySettings.onChange(() => updateMenuTitle().catch(() => {}));
BackstorySettings.keepMirror();

const handlers = {
  // Injects the wasm2js build of the core into the sender's frame (isolated world).
  async 'inject-fallback'(_message, sender) {
    await api.scripting.executeScript({
      target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] },
      files: ['fallback/backstory-fallback.js'],
    });
    return { ok: true };
  },
  // The page's entity count on the toolbar button; null clears it (site off or paused).
  async found(message, sender) {
    if (sender.tab?.id === undefined) return { ok: false };
    const count = Number.isInteger(message.count) ? message.count : null;
    await api.action.setBadgeBackgroundColor({ tabId: sender.tab.id, color: '#3b4a6b' });
    await api.action.setBadgeText({ tabId: sender.tab.id, text: count === null ? '' : String(count) });
    return { ok: true };
  },
};

api.runtime.onMessage.addListener((message, sender, reply) => {
  const handler = handlers[message?.type];
  if (!handler) return false;
  handler(message, sender).then(reply, (error) => reply({ ok: false, error: String(error) }));
  return true;
});
