// Background: the keyboard command, and the strict-CSP fallback injection.
// Chromium runs this as a service worker (settings.js comes in by importScripts); Firefox
// runs it as a background script after settings.js (see manifest "scripts").
/* global BackstorySettings */
if (typeof BackstorySettings === 'undefined' && typeof importScripts === 'function') {
  importScripts('settings.js');
}

const api = globalThis.browser ?? globalThis.chrome;

async function toggleSite(tab) {
  const host = BackstorySettings.hostOf(tab?.url ?? '');
  if (!host) return;
  const enabled = await BackstorySettings.isSiteEnabled(host);
  await BackstorySettings.setSiteEnabled(host, !enabled);
}

api.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'toggle-site') return;
  const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
  await toggleSite(target);
});

const handlers = {
  // Injects the wasm2js build of the core into the sender's frame (isolated world).
  async 'inject-fallback'(_message, sender) {
    await api.scripting.executeScript({
      target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] },
      files: ['fallback/backstory-fallback.js'],
    });
    return { ok: true };
  },
};

api.runtime.onMessage.addListener((message, sender, reply) => {
  const handler = handlers[message?.type];
  if (!handler) return false;
  handler(message, sender).then(reply, (error) => reply({ ok: false, error: String(error) }));
  return true;
});
