// The size guard (issue 15, and the brief's 120 KB cap): what a visitor downloads for the widget,
// and what an editor downloads for the checker, gzip-compressed as a server sends them
// (docs/deploy.md). Measured on the shipped files (build/packages/, from node scripts/build-packages.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'build/packages');
export const LIMITS = { widget: 120 * 1024, checker: 250 * 1024 };

const gzip = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function files(dir, pattern) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const f = path.join(e.parentPath ?? e.path, e.name);
    if (e.isFile() && pattern.test(e.name)) out.push(f);
  }
  return out;
}

function need(dir) {
  if (!fs.existsSync(dir)) throw new Error(`${path.relative(ROOT, dir)} missing: run node scripts/build-packages.mjs`);
  return dir;
}

test(`the widget's total transfer (entry script, stylesheet, WASM; gzip) stays under ${kb(LIMITS.widget)}`, () => {
  const dist = need(path.join(OUT, 'widget/dist'));
  const shipped = files(dist, /\.(js|css|wasm)$/);
  assert.ok(shipped.some((f) => f.endsWith('.wasm')) && shipped.some((f) => f.endsWith('.js')), shipped.join(' '));
  const total = shipped.reduce((n, f) => n + gzip(f), 0);
  console.log(`widget: ${shipped.map((f) => `${path.relative(dist, f)} ${kb(gzip(f))}`).join(', ')}; total ${kb(total)} gzip`);
  assert.ok(total <= LIMITS.widget, `the widget transfers ${kb(total)} gzip, over the ${kb(LIMITS.widget)} cap`);
});

test(`the checker's WASM + glue (gzip) stays under ${kb(LIMITS.checker)}`, () => {
  const dist = need(path.join(OUT, 'checker/dist'));
  // What a page loads to check: the .wasm and the worker (which carries the glue).
  const wasm = files(dist, /^banditore_checker_bg\.[0-9a-f]+\.wasm$/);
  const worker = files(dist, /^banditore-checker-worker\.[0-9a-f]+\.js$/);
  assert.equal(wasm.length, 1);
  assert.equal(worker.length, 1);
  const total = gzip(wasm[0]) + gzip(worker[0]);
  console.log(`checker: wasm ${kb(gzip(wasm[0]))}, worker+glue ${kb(gzip(worker[0]))}; total ${kb(total)} gzip`);
  assert.ok(total <= LIMITS.checker, `the checker's WASM + glue is ${kb(total)} gzip, over the ${kb(LIMITS.checker)} cap`);
});
