// The first content script after settings.js: the settings read starts here, before the
// engine parses the core's scripts (about 1 MB, mostly base64), and the loader picks it up
// (settings answered 14 ms sooner in Chromium; see the loader).
/* global BackstorySettings */
globalThis.backstoryEarlySettings = BackstorySettings.loadQuick();
