// The first content script after settings.js: the settings read starts here, before the
// engine parses the core's scripts (about 1 MB, mostly base64: 13-14 ms in Chromium), and the
// loader picks it up (the settings answered 3-4 ms sooner after the loader's start in two A/B
// runs of 40 corpus pages).
/* global BackstorySettings */
globalThis.backstoryEarlySettings = BackstorySettings.loadQuick();
