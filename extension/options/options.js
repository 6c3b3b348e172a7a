// Options page: every change is saved at once and applies live in open tabs (the content
// scripts listen to storage changes).
/* global BackstorySettings, BackstoryText */
const { text } = BackstoryText;
const $ = (id) => document.getElementById(id);

function status(message) {
  $('status').textContent = message;
}

/** "Label https://...{q}..." per line -> templates; throws with the first bad line. */
function parseTemplates(source) {
  const templates = [];
  source.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const match = /^(.+?)\s+(https?:\/\/\S*\{q\}\S*)$/.exec(trimmed);
    if (!match) throw new Error(text('optionsSearchInvalid', i + 1));
    templates.push({ label: match[1], url: match[2] });
  });
  return templates;
}

function showSites(sites) {
  const list = $('sites');
  list.replaceChildren();
  if (!sites.length) {
    const empty = document.createElement('li');
    empty.textContent = text('optionsNoSites');
    list.append(empty);
    return;
  }
  for (const host of sites) {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = host;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = text('optionsRemove');
    remove.addEventListener('click', async () => {
      await BackstorySettings.setSiteEnabled(host, true);
    });
    item.append(name, remove);
    list.append(item);
  }
}

function show({ options, disabledSites }) {
  for (const box of document.querySelectorAll('input[name=category]')) {
    box.checked = options.categories.includes(box.value);
  }
  for (const name of ['style', 'palette']) {
    for (const radio of document.querySelectorAll(`input[name=${name}]`)) {
      radio.checked = radio.value === options[name];
    }
  }
  $('hover-delay').value = String(options.hoverDelayMs);
  if (document.activeElement !== $('search')) {
    $('search').value = options.search.map((t) => `${t.label} ${t.url}`).join('\n');
  }
  showSites(disabledSites);
}

async function save(changes) {
  try {
    await BackstorySettings.setOptions(changes);
    status(text('optionsSaved'));
  } catch (error) {
    status(String(error?.message ?? error));
  }
}

function wire() {
  $('categories').addEventListener('change', () => {
    const categories = [...document.querySelectorAll('input[name=category]:checked')].map((b) => b.value);
    save({ categories });
  });
  for (const name of ['style', 'palette']) {
    for (const radio of document.querySelectorAll(`input[name=${name}]`)) {
      radio.addEventListener('change', () => save({ [name]: radio.value }));
    }
  }
  $('hover-delay').addEventListener('change', () => {
    const value = Math.round(Number($('hover-delay').value));
    if (Number.isFinite(value) && value >= 0 && value <= 3000) save({ hoverDelayMs: value });
  });
  $('search').addEventListener('change', () => {
    try {
      const search = parseTemplates($('search').value);
      $('search-error').textContent = '';
      save({ search });
    } catch (error) {
      $('search-error').textContent = error.message;
    }
  });
  $('export').addEventListener('click', async () => {
    const settings = await BackstorySettings.load();
    const blob = new Blob([JSON.stringify({ backstory: 1, ...settings }, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'backstory-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  $('import').addEventListener('change', async () => {
    const [file] = $('import').files;
    if (!file) return;
    try {
      const data = JSON.parse(await file.text());
      if (data?.backstory !== 1 || typeof data.options !== 'object' || !Array.isArray(data.disabledSites)) {
        throw new Error('missing "backstory", "options" or "disabledSites"');
      }
      const known = Object.keys(BackstorySettings.DEFAULTS);
      const options = Object.fromEntries(Object.entries(data.options).filter(([k]) => known.includes(k)));
      await BackstorySettings.setOptions(options);
      await BackstorySettings.setDisabledSites(data.disabledSites.filter((h) => typeof h === 'string'));
      status(text('optionsSaved'));
    } catch (error) {
      status(text('optionsImportFailed', error.message));
    }
    $('import').value = '';
  });
  $('reset').addEventListener('click', () => save({ ...BackstorySettings.DEFAULTS }));
}

wire();
BackstorySettings.load().then(show);
BackstorySettings.onChange(show);
