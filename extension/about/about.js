// Shows the knowledge base's size and "as of" date, written at build time into kb-meta.json.
fetch('../data/kb-meta.json')
  .then((response) => response.json())
  .then((meta) => {
    document.getElementById('stats').textContent =
      `Knowledge base: ${meta.entities.toLocaleString('en')} people, organisations and places, ` +
      `${meta.aliases.toLocaleString('en')} names and spellings; facts as of ${meta.as_of}.`;
  })
  .catch(() => {
    document.getElementById('stats').textContent = 'Knowledge base details unavailable.';
  });
