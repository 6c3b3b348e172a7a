// Fills extension pages' texts from _locales: data-i18n sets the text, data-i18n-title the
// title attribute. Strings are set as text, never as HTML.
// eslint-disable-next-line no-unused-vars
var BackstoryText = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const text = (key, ...substitutions) => api.i18n.getMessage(key, substitutions.map(String)) || key;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = text(element.dataset.i18n);
  }
  for (const element of document.querySelectorAll('[data-i18n-title]')) {
    element.title = text(element.dataset.i18nTitle);
  }
  return { text };
})();
