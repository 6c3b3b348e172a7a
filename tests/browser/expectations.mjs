// What a reader must see highlighted on the demo article (the seed article's actors and sites).
export const DEMO_NAMES = {
  'backstory-person': ['Abbas Araghchi', 'Vladimir Putin', 'Araghchi'],
  'backstory-place': ['Moscow', 'Tehran', 'Iran', 'Russia', 'Israel', 'United States', 'Fordow', 'Natanz', 'Esfahan', 'Middle East'],
  'backstory-organization': ['Reuters', 'UN'],
};

/** Names expected but missing from a highlight registry snapshot, as readable strings. */
export function missingNames(highlights) {
  const missing = [];
  for (const [name, expected] of Object.entries(DEMO_NAMES)) {
    for (const text of expected) {
      if (!(highlights[name] ?? []).includes(text)) missing.push(`${name}: ${text}`);
    }
  }
  const people = highlights['backstory-person'] ?? [];
  if (!people.some((t) => t.endsWith('Ali Khamenei'))) missing.push('backstory-person: Ali Khamenei');
  return missing;
}
