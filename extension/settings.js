// Per-site switch, shared by the content script, background and popup.
// Stored in storage.sync so a reader's choices follow them to their other browsers; the list
// of disabled hosts is small (one short string per site the reader turned off).
// eslint-disable-next-line no-unused-vars
var BackstorySettings = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const KEY = 'disabledSites';

  async function disabledSites() {
    const stored = await api.storage.sync.get(KEY);
    return Array.isArray(stored[KEY]) ? stored[KEY] : [];
  }

  async function isSiteEnabled(host) {
    return !(await disabledSites()).includes(host);
  }

  async function setSiteEnabled(host, enabled) {
    const sites = (await disabledSites()).filter((h) => h !== host);
    if (!enabled) sites.push(host);
    await api.storage.sync.set({ [KEY]: sites });
  }

  /** Calls back with (host list) whenever the disabled list changes. */
  function onChange(callback) {
    api.storage.onChanged.addListener((changes, area) => {
      if (area === 'sync' && changes[KEY]) callback(changes[KEY].newValue ?? []);
    });
  }

  function hostOf(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
    } catch {
      return null;
    }
  }

  return { isSiteEnabled, setSiteEnabled, onChange, hostOf, KEY };
})();
