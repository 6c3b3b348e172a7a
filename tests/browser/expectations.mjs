import assert from 'node:assert/strict';

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

/** On the extraction page: text in elements that do not render (a hidden menu, a
 * `content-visibility: hidden` section, a hidden block inside a visible one) is not read,
 * and what follows them is. */
export function assertHiddenSkipped(highlights) {
  const all = Object.values(highlights).flat();
  assert.ok(!all.some((t) => t.includes('Khamenei')), `hidden Khamenei skipped: ${JSON.stringify(highlights)}`);
  assert.ok(!all.includes('Washington'), 'content-visibility: hidden skipped');
  assert.ok(!all.includes('Reuters'), 'hidden menu skipped');
  assert.ok((highlights['backstory-person'] ?? []).includes('Vladimir Putin'), 'text after a hidden block is read');
  assert.equal((highlights['backstory-place'] ?? []).filter((t) => t === 'Tehran').length, 1, 'one Tehran visible');
  assert.ok((highlights['backstory-place'] ?? []).includes('Iran'), 'text of a <form> whose checkVisibility is clobbered is read');
}
