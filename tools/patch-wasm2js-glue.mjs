// wasm2js grows memory by copying into a new ArrayBuffer and never detaches the old one, so
// wasm-bindgen's staleness checks on its cached memory views ("byteLength === 0",
// "buffer.detached") never fire and the glue reads and writes a stale copy after growth.
// This rewrites every check to compare the view's buffer with the current memory buffer.
import fs from 'node:fs';

const file = process.argv[2];
let glue = fs.readFileSync(file, 'utf8');
const before = glue;
glue = glue.replace(/(cached\w+Memory0)\.byteLength === 0/g, '$1.buffer !== wasm.memory.buffer');
glue = glue.replace(
  /(cached\w+Memory0)\.buffer\.detached === true \|\| \(\1\.buffer\.detached === undefined && \1\.buffer !== wasm\.memory\.buffer\)/g,
  '$1.buffer !== wasm.memory.buffer',
);
if (glue === before || /byteLength === 0|buffer\.detached/.test(glue)) {
  console.error(`patch-wasm2js-glue: unexpected glue in ${file}; check the wasm-bindgen version`);
  process.exit(1);
}
fs.writeFileSync(file, glue);
