// The widget's published API descriptions against the element itself (issue 14 item 3): the
// Custom Elements Manifest lists exactly the attributes, properties, methods, events, parts and
// CSS properties the sources use, and a TypeScript consumer type-checks against the shipped
// .d.ts (tsc --noEmit). tests/browser/widget-api.test.mjs checks the manifest on a live element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const root = new URL('../../', import.meta.url);
const read = (p) => fs.readFileSync(new URL(p, root), 'utf8');
const manifest = JSON.parse(read('www/custom-elements.json'));
const decl = manifest.modules[0].declarations[0];
const element = read('www/widget/element.js');
const views = read('www/widget/views.js');
const dom = read('www/widget/dom.js');
const entry = read('www/banditore-iscrizione.js');
const css = read('www/widget/widget.css');
const sorted = (xs) => [...new Set(xs)].sort();
const names = (list) => sorted(list.map((x) => x.name));

test('attributes: every attribute the element reads, and only those', () => {
  const read = [...`${element}\n${entry}`.matchAll(/(?:get|has|toggle)Attribute\('([a-z-]+)'/g)].map((m) => m[1]);
  const own = read.filter((a) => !a.startsWith('data-')); // data-state and data-step are the element's output
  assert.deepEqual(names(decl.attributes), sorted(own));
  const observed = JSON.parse(element.match(/observedAttributes\(\) \{\s*return (\[[^\]]*\])/)[1].replace(/'/g, '"'));
  for (const a of observed) assert.ok(names(decl.attributes).includes(a), `observed ${a} is in the manifest`);
});

test('properties and methods: the public members of the class', () => {
  const body = element.slice(element.indexOf('class BanditoreIscrizione'), element.indexOf('/** A join link'));
  const getters = [...body.matchAll(/^ {2}get ([a-z]\w*)\(\)/gm)].map((m) => m[1]);
  const methods = [...body.matchAll(/^ {2}([a-z]\w*)\([^)]*\) \{/gm)].map((m) => m[1]).filter((m) => !/Callback$|^constructor$/.test(m));
  const fields = decl.members.filter((m) => m.kind === 'field');
  assert.deepEqual(names(fields), sorted(getters));
  assert.deepEqual(names(decl.members.filter((m) => m.kind === 'method')), sorted(methods));
  for (const f of fields.filter((f) => f.attribute)) {
    assert.ok(new RegExp(`set ${f.name}\\(`).test(body), `${f.name} has a setter (reflects ${f.attribute})`);
  }
});

test('events, parts and CSS properties', () => {
  const events = [...`${element}\n${views}`.matchAll(/new CustomEvent\('([a-z:]+)'/g)].map((m) => m[1]);
  assert.deepEqual(names(decl.events), sorted(events));
  // `button button-${kind}` in views.js stands for both kinds of button.
  const parts = [...`${element}\n${views}\n${dom}`.matchAll(/part: ['`]([^'`]+)['`]/g)]
    .flatMap((m) => m[1].split(' '))
    .flatMap((p) => (p.includes('${kind}') ? ['primary', 'secondary'].map((k) => p.replace('${kind}', k)) : [p]));
  assert.deepEqual(names(decl.cssParts), sorted(parts));
  const props = [...css.matchAll(/var\((--(?:banditore|bs)-[a-z-]+)/g)].map((m) => m[1]);
  assert.deepEqual(names(decl.cssProperties), sorted(props));
});

test('the shipped types and manifest: a TypeScript consumer type-checks with tsc --noEmit', () => {
  const dist = new URL('www/dist/', root);
  assert.ok(fs.existsSync(new URL('banditore-iscrizione.d.ts', dist)), 'www/dist/banditore-iscrizione.d.ts (run node scripts/build-widget.mjs)');
  assert.equal(fs.readFileSync(new URL('custom-elements.json', dist), 'utf8'), read('www/custom-elements.json'));
  const tsc = spawnSync(new URL('node_modules/.bin/tsc', root).pathname, ['--noEmit', '-p', 'tests/types'], { cwd: root.pathname, encoding: 'utf8' });
  assert.equal(tsc.status, 0, `tsc --noEmit:\n${tsc.stdout}${tsc.stderr}`);
});
