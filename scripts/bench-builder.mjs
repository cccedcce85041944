// Measures the profile builder's WASM bundle (www/pkg/banditore_builder/, built by
// scripts/build-wasm.sh) in Node: its size, and the time of what runs as a person types
// (validateProfile on each keystroke, after 150 ms of quiet) and of the documents on demand.
// Usage: node scripts/bench-builder.mjs   (prints a Markdown table for BENCHMARKS.md)
import fs from 'node:fs';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';

const root = new URL('../', import.meta.url);
const pkg = new URL('www/pkg/banditore_builder/', root);
const api = await import(new URL('banditore_builder.js', pkg));
const wasm = fs.readFileSync(new URL('banditore_builder_bg.wasm', pkg));
const glue = fs.readFileSync(new URL('banditore_builder.js', pkg));
api.initSync({ module: wasm });

const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
/** Median of `runs` timings after a warm-up, in ms. */
function median(fn, runs = 200) {
  for (let i = 0; i < 20; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

const concorezzo = fs.readFileSync(new URL('pkg-config/concorezzo.json', root), 'utf8');
const siracusa = fs.readFileSync(new URL('pkg-config/siracusa.json', root), 'utf8');
const rows = [
  ['bundle: `banditore_builder_bg.wasm`', `${kb(wasm.length)} raw, ${kb(gz(wasm))} gzip -9`],
  ['bundle: `banditore_builder.js` (glue)', `${kb(glue.length)} raw, ${kb(gz(glue))} gzip -9`],
  [`validateProfile, Concorezzo (${kb(concorezzo.length)})`, `${median(() => api.validateProfile(concorezzo)).toFixed(3)} ms`],
  [`validateProfile, Siracusa (${kb(siracusa.length)})`, `${median(() => api.validateProfile(siracusa)).toFixed(3)} ms`],
  ['templateProfile, Concorezzo', `${median(() => api.templateProfile(concorezzo, 'Roccafittizia', 'MB', 'https://www.comune.roccafittizia.mb.it')).toFixed(3)} ms`],
  ['documentHtml, disciplinare, Concorezzo', `${median(() => api.documentHtml(concorezzo, 'disciplinare', 'it')).toFixed(3)} ms`],
  ['documentOdt, disciplinare, Concorezzo', `${median(() => api.documentOdt(concorezzo, 'disciplinare', 'it'), 100).toFixed(3)} ms`],
  ['documentOdt, informativa, Siracusa', `${median(() => api.documentOdt(siracusa, 'informativa', 'it'), 100).toFixed(3)} ms`],
];
console.log('| what | figure |\n|---|---:|');
for (const [what, fig] of rows) console.log(`| ${what} | ${fig} |`);
