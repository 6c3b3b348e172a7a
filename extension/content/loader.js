// Content-script entry: compiles the Rust core while it checks the site switch and global
// pause (a disabled site instantiates and runs nothing), then starts the core and calls
// start/configure/stop as settings change.
// It also relays the popup's and background's requests. No page logic here.
/* global BackstorySettings, wasm_bindgen */
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const host = location.hostname;
  let core = null;
  let loading = null;
  let warmedUp = false;

  // Card texts from _locales, handed to the core with the options.
  const CARD_LABELS = ['cardAbout', 'cardPin', 'cardClose', 'cardInArticle', 'cardIntroducedAs',
    'cardPrevious', 'cardNext', 'cardMentionedOnce', 'cardMentionOf', 'cardOnThisPage',
    'cardSearch', 'cardReference', 'cardAsOf'];
  // Placeholders come back as "$1", "$2": the core fills them in.
  const labels = Object.fromEntries(CARD_LABELS.map((key) => [key, api.i18n.getMessage(key, ['$1', '$2'])]));

  // Start-up costs, reported in the popup's stats and read by the benchmarks; every "...At"
  // is a performance.now() time, every "...Ms" a duration.
  const timings = { scriptAt: performance.now() };

  // The core module and the hot knowledge arrive inside the content script before this one
  // (pkg/backstory_bytes.js, base64) instead of by fetch: while a page loads, a fetch of a
  // packaged file answered after 80-150 ms in Firefox and 30-50 ms in Chromium (corpus pages
  // bench on a busy 2-core machine; BENCHMARKS.md), while content scripts are in memory.
  // The module compiles while the settings are read (see compile); on a site the reader
  // has switched off it is dropped unused (nothing is instantiated or run there).
  const packed = globalThis.backstoryBytes;
  delete globalThis.backstoryBytes;
  const compiling = compile(decodeBase64(packed.core));
  // When the engine's answer came: the bench's peer for core ready (compiling alone).
  compiling.then(() => { timings.compiledAt = performance.now(); }, () => {});
  let hotKnowledge = decodeBase64(packed.hotKnowledge);

  // Chromium compiles WebAssembly lazily (each function at its first call), so compiling
  // synchronously only validates the module: a few ms, where the asynchronous answer came
  // when the page's parser next gave the main thread back. Firefox compiles the whole
  // module up front (synchronously a 26 ms median task on 130 corpus pages, over 50 ms on
  // some), so there it stays on the engine's background threads. Chromium-based browsers
  // are told by their URL scheme (Chromium 156 has the `browser` namespace too).
  function compile(bytes) {
    if (!api.runtime.getURL('').startsWith('chrome-extension:')) return WebAssembly.compile(bytes);
    try {
      const began = performance.now();
      const module = new WebAssembly.Module(bytes);
      timings.compileMs = performance.now() - began;
      return Promise.resolve(module);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  function decodeBase64(text) {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // Chromium refuses to compile WebAssembly in a content script when the page's CSP lacks
  // 'wasm-unsafe-eval'; the background then injects the same crate compiled to JavaScript.
  async function compileCore() {
    try {
      const module = await compiling;
      // Instantiated in this task: the asynchronous answer can wait behind the page's parsing.
      try {
        wasm_bindgen.initSync({ module });
      } catch (error) {
        // Engines that cap synchronous instantiation on the main thread say so with a RangeError.
        if (!(error instanceof RangeError)) throw error;
        await wasm_bindgen({ module_or_path: module });
      }
      return wasm_bindgen;
    } catch (error) {
      if (!(error instanceof WebAssembly.CompileError)) throw error;
      const reply = await api.runtime.sendMessage({ type: 'inject-fallback' });
      if (!reply?.ok || !globalThis.backstoryFallback) {
        throw new Error(`Backstory: fallback core unavailable (${reply?.error ?? 'no reply'})`);
      }
      return globalThis.backstoryFallback;
    }
  }

  // A navigation away fails the knowledge fetches still under way as network errors (Firefox),
  // before the page is gone: one retry a second later, which a page that is gone never makes.
  async function fetchBytes(path, retries = 1) {
    let response;
    try {
      response = await fetch(api.runtime.getURL(path));
    } catch (error) {
      if (retries === 0) throw error;
      await new Promise((resolve) => { setTimeout(resolve, 1000); });
      return fetchBytes(path, retries - 1);
    }
    if (!response.ok) throw new Error(`Backstory: ${path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  // The knowledge comes in two parts: a small hot set (what the news names most) that is
  // ready at once, and the full file, which the core switches to when it arrives
  // (re-reading the page for the long tail, while hovering and clicks go on answering from
  // the first reading). The full file is fetched when the page leaves the main thread idle:
  // fetched as soon as the core was ready, it sat between the core and the first
  // highlights, and Firefox spends about 15 ms inside the fetch call itself
  // (DOMContentLoaded -> painted, two A/B runs of 40 corpus pages: Firefox 119 / 105 ->
  // 66 / 75 ms; Chromium 52 / 47 -> 46 / 52 ms, no difference).
  async function loadCore() {
    const loaded = await compileCore();
    timings.coreMs = performance.now() - timings.scriptAt;
    const knowledgeBegan = performance.now();
    loaded.load_knowledge(hotKnowledge);
    hotKnowledge = null;
    timings.knowledgeMs = performance.now() - knowledgeBegan;
    // While the page is still being parsed there is time to spare: a few practice scans get
    // the scanner compiled by the engine's optimising tier before the real one.
    if (document.readyState === 'loading' && loaded.warm_up) {
      timings.warmUpMs = 0;
      for (let stage = 0; stage < loaded.warm_up_stages(); stage += 1) {
        timings.warmUpMs += loaded.warm_up(stage, 4);
      }
      warmedUp = true;
    }
    timings.readyAt = performance.now();
    timings.readyMs = timings.readyAt - timings.scriptAt;
    whenIdle(() => fetchBytes('data/kb.bin').then((bytes) => {
      const upgradeBegan = performance.now();
      loaded.upgrade_knowledge(bytes);
      timings.upgradeMs = performance.now() - upgradeBegan;
      timings.fullMs = performance.now() - timings.scriptAt;
      globalThis.backstoryTimings = { ...globalThis.backstoryTimings, ...timings };
    }).catch(report));
    return loaded;
  }


  // Chromium never fires a content script's setTimeout on a page where the reader switched
  // JavaScript off, but it runs tasks posted to the scheduler.
  function nextTask() {
    if (globalThis.scheduler?.postTask) return scheduler.postTask(() => {});
    return new Promise((resolve) => { setTimeout(resolve, 0); });
  }

  function whenIdle(task) {
    if (globalThis.requestIdleCallback) requestIdleCallback(task, { timeout: 1000 });
    else setTimeout(task, 0);
  }

  // Card details are only fetched when a card is about to open for the first time.
  function loadCards() {
    fetchBytes('data/kb-cards.bin')
      .then((bytes) => core.load_cards(bytes))
      .catch(report);
  }

  // The toolbar badge shows how many entities this page has (nothing when off).
  function tellBadge(stats) {
    if (window !== window.top) return;
    api.runtime.sendMessage({ type: 'found', count: stats?.running ? stats.entities : null })
      .catch(() => {});
  }

  // The loader runs at document_start so that the core compiles and the knowledge arrives
  // while the page is still being parsed; reading starts once the document is complete.
  function documentParsed() {
    if (document.readyState !== 'loading') return Promise.resolve();
    return new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }

  // The scan reads what is rendered (checkVisibility: style and boxes, not geometry). Asking
  // the body brings style up to date; at DOMContentLoaded Firefox may not have built any boxes
  // yet (everything would look hidden), and only then is a full layout forced. A hidden tab
  // waits until it is shown.
  function firstLayout() {
    if (document.hidden) {
      return new Promise((resolve) => document.addEventListener('visibilitychange', resolve, { once: true }))
        .then(firstLayout);
    }
    const began = performance.now();
    const root = document.body ?? document.documentElement;
    if (!root.checkVisibility?.()) document.documentElement.getBoundingClientRect();
    timings.layoutMs = performance.now() - began;
    return Promise.resolve();
  }

  // Settings can change while the core loads; only the latest call may start it.
  let latest = null;

  async function apply(state) {
    timings.settingsAt ??= performance.now();
    latest = state;
    const { options, disabledSites } = state;
    const enabled = !options.paused && !disabledSites.includes(host);
    const coreOptions = { ...options, labels };
    if (!enabled) {
      core?.stop();
      tellBadge(null);
      return;
    }
    if (core?.stats().running) {
      core.configure(coreOptions);
      return;
    }
    loading ??= loadCore();
    const [loaded] = await Promise.all([loading, documentParsed().then(firstLayout)]);
    // A core that became ready after the page was parsed has not run yet: practice scans,
    // one stage per task, take the engine's lazy compilation out of the first section
    // (Chromium, first page of a browser: a 55-80 ms section otherwise). The longest
    // stage is what counts against the task budget.
    if (!warmedUp && loaded.warm_up) {
      warmedUp = true;
      timings.warmUpMs = 0;
      for (let stage = 0; stage < loaded.warm_up_stages(); stage += 1) {
        await nextTask();
        timings.warmUpMs = Math.max(timings.warmUpMs, loaded.warm_up(stage, 1));
      }
      await nextTask();
    }
    timings.startAt = performance.now();
    if (state !== latest) return;
    core = loaded;
    if (core.stats().running) {
      core.configure(coreOptions);
      return;
    }
    const startBegan = performance.now();
    core.start(loadCards, coreOptions, tellBadge);
    timings.startMs = performance.now() - startBegan;
    timings.domContentLoadedAt = performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart;
    globalThis.backstoryTimings = { ...timings, ...core.stats() };
  }

  function report(error) {
    // Leaving the page aborts the knowledge fetches still under way: nothing went wrong.
    if (error?.name === 'AbortError') return;
    console.warn('Backstory:', error?.message ?? String(error));
  }

  BackstorySettings.onChange((state) => apply(state).catch(report));

  const running = () => Boolean(core?.stats().running);
  const requests = {
    stats: () => (core ? { ...timings, ...core.stats() } : { running: false }),
    index: () => (running() ? core.entity_index() : []),
    reveal: (message) => running() && core.reveal(message.entity),
    lookup: (message) => running() && core.lookup_selection(String(message.text ?? '')),
  };
  api.runtime.onMessage.addListener((message, _sender, reply) => {
    const handle = requests[message?.type];
    if (!handle || window !== window.top) return false;
    try {
      reply(handle(message));
    } catch (error) {
      report(error);
      reply(null);
    }
    return false;
  });

  // The copy in storage.local starts the page; the settings' home confirms it, and a stale
  // copy is mended (a change that arrived while no background ran to copy it).
  // content/early.js began the read.
  const quickSettings = globalThis.backstoryEarlySettings;
  delete globalThis.backstoryEarlySettings;
  quickSettings.then((quick) => {
    apply(quick).catch(report);
    return BackstorySettings.load().then((state) => {
      if (JSON.stringify(state) === JSON.stringify(quick)) return undefined;
      BackstorySettings.writeMirror(state).catch(report);
      return apply(state);
    });
  }).catch(report);
})();
