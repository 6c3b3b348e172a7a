// Throughput of the WASM core against npm `compromise` on the same texts, in the same Node
// process: every corpus page's expected.txt (real article text). Both engines return typed
// names; each engine's answer count is printed so a broken engine cannot look fast.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SHARED = process.env.BACKSTORY_SHARED ?? path.resolve(ROOT, '../shared');
const core = require(path.join(ROOT, 'target/bench-pkg/backstory.js'));
const nlp = require('compromise');

const pagesDir = path.join(SHARED, 'corpus/pages');
const texts = fs.readdirSync(pagesDir)
  .map((name) => path.join(pagesDir, name, 'expected.txt'))
  .filter((file) => fs.existsSync(file))
  .map((file) => fs.readFileSync(file, 'utf8'));
const words = texts.reduce((n, t) => n + (t.match(/\S+/g) ?? []).length, 0);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

const loadStart = performance.now();
core.load_knowledge(fs.readFileSync(path.join(ROOT, 'dist/kb/kb-hot.bin')));
core.upgrade_knowledge(fs.readFileSync(path.join(ROOT, 'dist/kb/kb.bin')));
const loadMs = performance.now() - loadStart;

function time(label, run, rounds) {
  let found = 0;
  run(texts.slice(0, 5)); // warm up
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    found = run(texts);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const wordsPerSecond = words / (median / 1000);
  console.log(`${label.padEnd(12)} median ${median.toFixed(1).padStart(8)} ms  ${Math.round(wordsPerSecond).toLocaleString('en').padStart(12)} words/s  ${found} names`);
  return wordsPerSecond;
}

// compromise takes about 15 s a pass: BACKSTORY_BENCH_COMPROMISE_ROUNDS=1 while iterating,
// 0 to time backstory alone.
const compromiseRounds = Number(process.env.BACKSTORY_BENCH_COMPROMISE_ROUNDS ?? 3);

console.log(`corpus: ${texts.length} texts, ${words.toLocaleString('en')} words, ${(bytes / 1e6).toFixed(2)} MB; knowledge (both shards) loaded in ${loadMs.toFixed(1)} ms`);
// scan_text: every mention and entity as JS objects (what a caller with no page gets).
const backstory = time('backstory', (list) => list.reduce((n, t) => n + core.scan_text(t).mentions.length, 0), 9);
// scan_text_packed: the same scan, spans in one Uint32Array (4 numbers a mention).
const packed = time('packed', (list) => list.reduce((n, t) => n + core.scan_text_packed(t).mentions.length / 4, 0), 9);
if (compromiseRounds > 0) {
  const compromise = time('compromise', (list) => list.reduce((n, t) => {
    const doc = nlp(t);
    return n + doc.people().length + doc.places().length + doc.organizations().length;
  }, 0), compromiseRounds);
  console.log(`ratio: backstory is ${(backstory / compromise).toFixed(0)}x compromise (scan_text), ${(packed / compromise).toFixed(0)}x (scan_text_packed)`);
}
