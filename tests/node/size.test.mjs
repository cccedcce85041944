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

/**
 * The widget's shipped files: what every page downloads (entry script, stylesheet, WASM) and the
 * interface languages fetched on demand (www/widget/i18n.js), each found as the entry script
 * names it, so that a language added to the bundle is measured without editing this test.
 */
function widgetFiles() {
  const dist = need(path.join(OUT, 'widget/dist'));
  const entry = path.join(dist, 'banditore-iscrizione.js');
  const always = files(dist, /\.(js|css|wasm)$/);
  assert.ok(always.some((f) => f.endsWith('.wasm')) && always.includes(entry), always.join(' '));
  const named = [...new Set(fs.readFileSync(entry, 'utf8').match(/\.\/widget\/[a-z]{2}(?:\.[0-9a-f]+)?\.json/g) ?? [])];
  const langs = named.map((ref) => {
    const file = path.join(dist, ref);
    assert.ok(fs.existsSync(file), `${ref}, named by the entry script, is not shipped`);
    return { lang: path.basename(ref).slice(0, 2), file };
  });
  // Italian is built in; every other interface language is a file: at least English and German.
  for (const l of ['en', 'de']) assert.ok(langs.some((x) => x.lang === l), `no on-demand ${l} file named by the entry script: ${named.join(' ')}`);
  return { dist, always, langs };
}

test(`every language's widget transfer (entry script, stylesheet, WASM, + its interface language file; gzip) stays under ${kb(LIMITS.widget)}`, () => {
  const { dist, always, langs } = widgetFiles();
  const base = always.reduce((n, f) => n + gzip(f), 0);
  console.log(`widget: ${always.map((f) => `${path.relative(dist, f)} ${kb(gzip(f))}`).join(', ')}; total ${kb(base)} gzip`);
  const pages = [{ lang: 'it', total: base }, ...langs.map(({ lang, file }) => ({ lang, total: base + gzip(file), extra: path.relative(dist, file) }))];
  for (const p of pages) console.log(`widget, ${p.lang} page: ${kb(p.total)} gzip${p.extra ? ` (with ${p.extra})` : ''}, ${kb(LIMITS.widget - p.total)} under the cap`);
  const over = pages.filter((p) => p.total > LIMITS.widget);
  assert.deepEqual(
    over.map((p) => `${p.lang} ${kb(p.total)}`),
    [],
    `widget pages over the ${kb(LIMITS.widget)} cap (gzip): ${over.map((p) => `${p.lang} ${kb(p.total)}`).join(', ')}`,
  );
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
