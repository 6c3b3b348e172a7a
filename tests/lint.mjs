// Runs `web-ext lint` on the built extension and fails on any error. Warnings are printed:
// BACKGROUND_SERVICE_WORKER_IGNORED is expected (one manifest serves Chrome's service worker
// and Firefox's background scripts).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const dir = process.argv[2];
const bin = path.resolve(import.meta.dirname, '../node_modules/.bin/web-ext');
let output;
try {
  output = execFileSync(bin, ['lint', '--source-dir', dir, '--output', 'json', '--no-input'], { encoding: 'utf8' });
} catch (error) {
  output = error.stdout;
}
const report = JSON.parse(output);
for (const item of [...report.errors, ...report.warnings]) {
  console.log(`${item._type}: ${item.code} ${item.file ?? ''} ${item.message}`);
}
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
process.exit(report.errors.length === 0 ? 0 : 1);
