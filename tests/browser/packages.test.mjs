// Issue 15: the two npm tarballs, installed into a scratch project as an agency would install
// them, then used: the checker's API in Node, a TypeScript consumer of both packages under
// `tsc --noEmit`, and in Chromium the widget element, the checker library (ES module and classic
// script, under the strict CSP), the CKEditor 5 plugin in a CKEditor bundled from npm packages,
// and the TinyMCE plugin through `external_plugins` in TinyMCE 4.9, 6, 7 and the current TinyMCE.
// Needs: bash scripts/build-wasm.sh && node scripts/build-packages.mjs
import { test as baseTest, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { startHarness, TEST_MOUNTS, ROOT, VIEWPORTS, axeScan, formatViolations } from './harness.mjs';

const test = (name, fn) => baseTest(name, { timeout: 120000 }, fn);
const OUT = path.join(ROOT, 'build/packages');
const VERSION = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];
const TARBALLS = { checker: path.join(OUT, `banditore-checker-${VERSION}.tgz`), widget: path.join(OUT, `banditore-widget-${VERSION}.tgz`) };
const PHONE_TEXT = 'Chiamate il 347 123 4567';

let scratch;
let h;
const dist = () => path.join(scratch, 'node_modules/@banditore/checker/dist');
const write = (rel, text) => {
  const f = path.join(scratch, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
};
const link = (name) => {
  const to = path.join(scratch, 'node_modules', name);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (!fs.existsSync(to)) fs.symlinkSync(path.join(ROOT, 'node_modules', name), to);
};

before(async () => {
  for (const f of Object.values(TARBALLS)) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} missing: run node scripts/build-packages.mjs`);
  }
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'banditore-consumer-'));
  write('package.json', JSON.stringify({ name: 'comune-esempio-sito', private: true, type: 'module' }));
  // The tarballs have no dependencies: nothing is fetched from a registry.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', TARBALLS.checker, TARBALLS.widget], { cwd: scratch, stdio: 'pipe' });
  // What the site already has from npm: CKEditor 5 (and its packages, for the types) and TinyMCE.
  link('ckeditor5');
  for (const p of fs.readdirSync(path.join(ROOT, 'node_modules/@ckeditor'))) link(`@ckeditor/${p}`);
  h = await startHarness({
    mounts: {
      ...TEST_MOUNTS,
      // Under /editor/ the demo server relaxes style-src (both editors set inline styles);
      // everything else gets the widget's strict CSP.
      '/editor/__site__/': scratch,
      '/__site__/': scratch,
      '/vendor/tinymce4/': path.join(ROOT, 'node_modules/tinymce4'),
      '/vendor/tinymce6/': path.join(ROOT, 'node_modules/tinymce6'),
      '/vendor/tinymce7/': path.join(ROOT, 'node_modules/tinymce7'),
    },
  });
});
after(async () => {
  await h?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('the tarballs', () => {
  test('each has its exports, types, files, README, the EUPL licence and the version from Cargo.toml', () => {
    for (const [name, tgz] of Object.entries(TARBALLS)) {
      const listing = execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' }).split('\n').filter(Boolean);
      const dir = path.join(scratch, 'node_modules/@banditore', name);
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      assert.equal(pkg.name, `@banditore/${name}`);
      assert.equal(pkg.version, VERSION);
      assert.equal(pkg.license, 'EUPL-1.2');
      assert.ok(pkg.exports['.'].types && pkg.types && pkg.files.length, name);
      for (const f of ['package/README.md', 'package/LICENSE', 'package/package.json', 'package/types/index.d.ts']) assert.ok(listing.includes(f), `${name}: ${f}`);
      assert.match(fs.readFileSync(path.join(dir, 'LICENSE'), 'utf8'), /EUROPEAN UNION PUBLIC LICEN[CS]E v\. ?1\.2/i);
      // Every file an export points at is in the tarball.
      const targets = Object.values(pkg.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v))).filter((t) => !t.includes('*'));
      for (const t of targets) assert.ok(fs.existsSync(path.join(dir, t)), `${name}: export ${t}`);
      // Nothing of the build tree or the sources' relative imports leaked in.
      assert.ok(!listing.some((f) => /\.tmp\.|\/src\/|node_modules/.test(f)), listing.join(' '));
    }
  });

  test('run-time files are named by their content hash and every script names the ones of its own release', () => {
    const files = fs.readdirSync(dist());
    const wasm = files.find((f) => /^banditore_checker_bg\.[0-9a-f]{10}\.wasm$/.test(f));
    const worker = files.find((f) => /^banditore-checker-worker\.[0-9a-f]{10}\.js$/.test(f));
    assert.ok(wasm && worker, files.join(' '));
    for (const entry of ['banditore-checker.js', 'banditore-checker.classic.js', 'ckeditor5.js', 'banditore-tinymce.js']) {
      const code = fs.readFileSync(path.join(dist(), entry), 'utf8');
      assert.ok(code.includes(wasm) && code.includes(worker), `${entry} names ${wasm} and ${worker}`);
    }
    const wdist = path.join(scratch, 'node_modules/@banditore/widget/dist');
    const entry = fs.readFileSync(path.join(wdist, 'banditore-iscrizione.js'), 'utf8');
    const refs = entry.match(/\.\/[\w./-]+\.(?:wasm|css|json)\b/g) ?? [];
    assert.ok(refs.some((r) => /_bg\.[0-9a-f]{10}\.wasm$/.test(r)), `hashed wasm in ${refs}`);
    assert.ok(refs.some((r) => /\/de\.[0-9a-f]{10}\.json$/.test(r)), `hashed interface language in ${refs}`);
    for (const r of refs) assert.ok(fs.existsSync(path.join(wdist, r)), `${r} exists beside the entry`);
  });
});

describe('Node', () => {
  test('the checker API from the installed package: UTF-16 spans, fixes, categories, gate', () => {
    write(
      'consumer.mjs',
      `import fs from 'node:fs';
import { createChecker, VERSION, CheckerError } from '@banditore/checker';
const profile = fs.readFileSync(${JSON.stringify(path.join(ROOT, 'pkg-config/seveso.json'))}, 'utf8');
const checker = await createChecker({ profile, worker: true });
const text = 'Avviso 🚧 città: ${PHONE_TEXT}';
const report = await checker.check(text, { category: checker.categories[0].id, at: new Date('2026-11-23T09:00:00Z') });
const phone = report.findings.find((f) => f.rule === 'personal-data.phone');
const gateBad = await checker.gate(text);
const gateOk = await checker.gate('Domani la biblioteca apre alle 9.', { at: '2026-11-23T10:00:00+01:00' });
let badProfile = null;
try { await createChecker({ profile: '{"id": 1}' }); } catch (e) { badProfile = { message: e.message, issues: Array.isArray(e.issues) }; }
checker.destroy();
const afterDestroy = await checker.check('ciao').then(() => 'resolved', (e) => e instanceof CheckerError && e.code);
console.log(JSON.stringify({ VERSION, slice: text.slice(phone.start, phone.end), phone, canSend: report.can_send,
  gateBad: [gateBad.allowed, gateBad.reason, gateBad.draft.text === text], gateOk: gateOk.allowed, badProfile, afterDestroy }));
`,
    );
    const out = JSON.parse(execFileSync('node', ['consumer.mjs'], { cwd: scratch, encoding: 'utf8' }));
    assert.equal(out.VERSION, VERSION);
    assert.equal(out.slice, '347 123 4567', 'UTF-16 span after an emoji and an accent');
    assert.equal(out.phone.severity, 'error');
    assert.ok(out.phone.fix && !out.phone.fix.includes('123 4567'), 'a fix that hides the number');
    assert.match(out.phone.source, /GDPR/);
    assert.equal(out.canSend, false);
    assert.deepEqual(out.gateBad, [false, 'errors', true]);
    assert.equal(out.gateOk, true);
    assert.equal(out.badProfile.issues, true, out.badProfile.message);
    assert.equal(out.afterDestroy, 'destroyed');
  });

  test('TypeScript: a consumer of both packages and of the CKEditor 5 plugin type-checks with tsc --noEmit', () => {
    write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', strict: true, noEmit: true, skipLibCheck: true, lib: ['es2022', 'dom'] },
        files: ['consumer.ts'],
      }),
    );
    write(
      'consumer.ts',
      `import { createChecker, attachChecker, type Finding, type GateVerdict, CheckerError } from '@banditore/checker';
import { BanditoreChecker, type BanditoreConfig } from '@banditore/checker/ckeditor5';
import '@banditore/widget';
import { ClassicEditor, Essentials, Paragraph } from 'ckeditor5';

export async function run(el: HTMLElement, ta: HTMLTextAreaElement): Promise<boolean> {
  const checker = await createChecker({ profile: '/profiles/seveso.json', worker: true });
  const report = await checker.check('testo', { category: 'eventi', at: new Date() });
  const first: Finding | undefined = report.findings[0];
  const span: [number, number] | null = first ? [first.start, first.end] : null;
  const verdict: GateVerdict = await checker.gate('testo', { at: '2026-05-04T10:00:00+02:00' });
  if (verdict.error instanceof CheckerError && verdict.error.code === 'timeout') return false;
  const ctl = attachChecker(ta, { profile: '/profiles/seveso.json', panel: false });
  const config: BanditoreConfig = { profile: '/profiles/seveso.json', lang: 'it' };
  const editor = await ClassicEditor.create(el, { licenseKey: 'GPL', plugins: [Essentials, Paragraph, BanditoreChecker], toolbar: ['banditoreCheck'], banditore: config });
  const count: number | null = editor.commands.get('banditoreCheck')!.value;
  const plugin = editor.plugins.get('BanditoreChecker');
  const widget = document.createElement('banditore-iscrizione');
  widget.addEventListener('banditore:consent', (ev) => console.log(ev.detail));
  // @ts-expect-error the augmented EditorConfig types 'banditore': a number is no profile
  await ClassicEditor.create(el, { licenseKey: 'GPL', banditore: { profile: 42 } });
  return span !== null && count !== null && plugin.controller !== null && (await ctl.gate()).allowed;
}
`,
    );
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    try {
      execFileSync('node', [tsc, '-p', 'tsconfig.json'], { cwd: scratch, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      assert.fail(`tsc --noEmit failed:\n${e.stdout}${e.stderr}`);
    }
  });
});

async function openPage(url, { device = 'desktop' } = {}) {
  const context = await h.browser.newContext({ ...VIEWPORTS[device] });
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  const log = { requests: [], errors: [] };
  page.on('request', (r) => log.requests.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
  await page.goto(`${h.origin}${url}`);
  return { context, page, log };
}

describe('Chromium', () => {
  test('the widget element from the installed package renders under the strict CSP and loads its hashed WASM', async () => {
    write(
      'widget.html',
      `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Sito del comune</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<script type="module" src="node_modules/@banditore/widget/dist/banditore-iscrizione.js"></script></head>
<body><main><h1>Canale del comune</h1><banditore-iscrizione profile="/profiles/siracusa.json" lang="it"></banditore-iscrizione></main></body></html>`,
    );
    const { context, page, log } = await openPage('/__site__/widget.html');
    try {
      await page.waitForFunction(() => {
        const el = document.querySelector('banditore-iscrizione');
        return customElements.get('banditore-iscrizione') && el.shadowRoot && el.shadowRoot.textContent.trim().length > 50;
      });
      const text = await page.evaluate(() => document.querySelector('banditore-iscrizione').shadowRoot.textContent);
      assert.match(text, /Siracusa/);
      assert.ok(log.requests.some((p) => /banditore_widget_bg\.[0-9a-f]{10}\.wasm$/.test(p)), log.requests.join('\n'));
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('the checker library as an ES module and as a classic script, under the strict CSP, in a worker', async () => {
    const script = (api) => `const { createChecker } = ${api};
const checker = await createChecker({ profile: '/profiles/seveso.json', worker: true });
const text = 'Avviso 🚧: ${PHONE_TEXT}';
const r = await checker.check(text);
const f = r.findings.find((x) => x.rule === 'personal-data.phone');
window.result = { slice: text.slice(f.start, f.end), canSend: r.can_send, gate: (await checker.gate(text)).allowed, workers: 1 };`;
    write('esm.js', script(`await import('./node_modules/@banditore/checker/dist/banditore-checker.js')`));
    write('classic.js', `(async () => { ${script('window.BanditoreChecker')} })();`);
    write('esm.html', '<!doctype html><html lang="it"><head><meta charset="utf-8"><title>ESM</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><script type="module" src="esm.js"></script></head><body></body></html>');
    write(
      'classic.html',
      '<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Classic</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><script src="node_modules/@banditore/checker/dist/banditore-checker.classic.js"></script><script src="classic.js"></script></head><body></body></html>',
    );
    for (const p of ['esm.html', 'classic.html']) {
      const { context, page, log } = await openPage(`/__site__/${p}`);
      try {
        await page.waitForFunction(() => window.result);
        const r = await page.evaluate(() => window.result);
        assert.deepEqual(r, { slice: '347 123 4567', canSend: false, gate: false, workers: 1 }, p);
        assert.equal(page.workers().length, 1, `${p}: the check ran in a worker`);
        assert.ok(log.requests.some((x) => /banditore_checker_bg\.[0-9a-f]{10}\.wasm$/.test(x)), `${p}: hashed wasm`);
        assert.deepEqual(log.errors, [], p);
      } finally {
        await context.close();
      }
    }
  });

  test('CKEditor 5 bundled from npm packages: the plugin\'s command, toolbar count, keyboard help, config defaults and marks', async () => {
    write(
      'ck-app.js',
      `import { ClassicEditor, Essentials, Paragraph, Bold, AccessibilityHelp } from 'ckeditor5';
import { BanditoreChecker } from '@banditore/checker/ckeditor5';
import 'ckeditor5/ckeditor5.css';
import '@banditore/checker/checker.css';
const editor = await ClassicEditor.create(document.getElementById('editor'), {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, AccessibilityHelp, BanditoreChecker],
  toolbar: ['bold', '|', 'banditoreCheck', 'accessibilityHelp'],
  // esbuild does not carry new URL(..., import.meta.url) files along: point at the package's dist/.
  banditore: { profile: '/profiles/seveso.json', assetsUrl: '/editor/__site__/node_modules/@banditore/checker/dist/' },
});
window.app = { editor };
`,
    );
    await esbuild.build({
      entryPoints: [path.join(scratch, 'ck-app.js')],
      outdir: path.join(scratch, 'ck'),
      bundle: true,
      format: 'esm',
      logLevel: 'error',
      absWorkingDir: scratch,
      preserveSymlinks: false,
      loader: { '.svg': 'text' },
    });
    write(
      'ck.html',
      `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>CKEditor dal pacchetto</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="ck/ck-app.css"><script type="module" src="ck/ck-app.js"></script></head>
<body><main><h1>Nuovo messaggio</h1><div id="editor"></div></main></body></html>`,
    );
    const { context, page, log } = await openPage('/editor/__site__/ck.html');
    try {
      // An empty message is the one problem before typing: nothing to send (format.empty).
      await page.waitForFunction(() => window.app?.editor.plugins.get('BanditoreCheckerEditing').controller?.findings.some((f) => f.rule === 'format.empty'));
      assert.equal(await page.evaluate(() => window.app.editor.commands.get('banditoreCheck').value), 1);
      const info = await page.evaluate(() => {
        const { editor } = window.app;
        const labels = [];
        for (const cat of editor.accessibility.keystrokeInfos.values()) for (const g of cat.groups.values()) for (const k of g.keystrokes) labels.push([k.label, k.keystroke]);
        return {
          defaults: [editor.config.get('banditore.debounce'), editor.config.get('banditore.lang')],
          requires: editor.plugins.get('BanditoreChecker').constructor.requires.map((p) => p.pluginName),
          keys: labels.filter(([l]) => /problema|Verifica/.test(l)).map(([, k]) => k),
          button: document.querySelector('.bnd-ck-button')?.textContent,
        };
      });
      assert.deepEqual(info.defaults, [250, 'it'], 'editor.config.define defaults');
      assert.deepEqual(info.requires, ['BanditoreCheckerEditing', 'BanditoreCheckerUI']);
      assert.deepEqual(info.keys, ['F8', 'Shift+F8', 'Ctrl+F8'], 'in CKEditor\'s keyboard help');
      assert.match(info.button, /Verifica: 1 problema/);
      // Before the editor is focused: CKEditor's own "powered by" badge (shown on focus) is not ours to fix.
      const violations = await axeScan(page);
      assert.deepEqual(violations, [], formatViolations(violations));
      await page.click('.ck-editor__editable');
      await page.keyboard.type(PHONE_TEXT);
      await page.waitForFunction(() => {
        const ctl = window.app.editor.plugins.get('BanditoreCheckerEditing').controller;
        return ctl.findings.some((f) => f.rule === 'personal-data.phone') && window.app.editor.commands.get('banditoreCheck').value === 1;
      });
      assert.match(await page.textContent('.bnd-ck-button'), /Verifica: 1 problema/);
      assert.equal(await page.evaluate(() => document.querySelector('.ck-editor__editable .bnd-mark.bnd-error')?.textContent), '347 123 4567');
      const verdict = await page.evaluate(async () => {
        const v = await window.app.editor.execute('banditoreCheck');
        return { allowed: v.allowed, rules: v.errors.map((f) => f.rule), selected: window.getSelection().toString() };
      });
      assert.deepEqual(verdict, { allowed: false, rules: ['personal-data.phone'], selected: '347 123 4567' });
      await page.click('.bnd-ck-button');
      // CKEditor's keyboard help (Alt+0) lists the plugin's keystrokes.
      await page.click('.ck-editor__editable');
      await page.keyboard.press('Alt+0');
      await page.waitForSelector('.ck-accessibility-help-dialog');
      const help = await page.textContent('.ck-accessibility-help-dialog');
      assert.match(help, /Vai al problema successivo segnalato/);
      assert.match(help, /Verifica il messaggio prima dell’invio/);
      await page.keyboard.press('Escape');
      assert.equal(await page.evaluate(() => window.app.editor.getData()), `<p>${PHONE_TEXT}</p>`, 'no mark in the data');
      // With a finding selected and its tooltip shown: the panel, the button and the tooltip.
      const ours = await axeScan(page, { include: [['.bnd-panel'], ['.bnd-ck-button'], ['.bnd-tip']] });
      assert.deepEqual(ours, [], formatViolations(ours));
      assert.deepEqual(log.errors.filter((e) => !/Content Security Policy/.test(e)), []);
    } finally {
      await context.close();
    }
  });

  for (const [label, tinymceUrl] of [
    ['4.9', '/vendor/tinymce4/tinymce.min.js'],
    ['6', '/vendor/tinymce6/tinymce.min.js'],
    ['7', '/vendor/tinymce7/tinymce.min.js'],
    ['current', '/vendor/tinymce/tinymce.min.js'],
  ]) {
    test(`TinyMCE ${label}: the classic plugin through external_plugins marks, gates, adds its button and command`, async () => {
      const id = label.replace('.', '');
      write(
        `tiny${id}.js`,
        `const s = document.createElement('script');
s.src = ${JSON.stringify(tinymceUrl)};
s.onload = async () => {
  const [editor] = await tinymce.init({
    selector: '#editor', license_key: 'gpl', menubar: false, promotion: false, branding: false, height: 260,
    plugins: 'lists', toolbar: 'bold italic | banditoreCheck',
    external_plugins: { banditore: '/editor/__site__/node_modules/@banditore/checker/dist/banditore-tinymce.js' },
    banditore: { profile: '/profiles/seveso.json' },
  });
  window.app = { editor };
};
document.head.append(s);
`,
      );
      write(
        `tiny${id}.html`,
        `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>TinyMCE ${label}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><script src="tiny${id}.js"></script></head>
<body><main><h1>Nuovo messaggio</h1><textarea id="editor" aria-label="Messaggio"></textarea></main></body></html>`,
      );
      const { context, page, log } = await openPage(`/editor/__site__/tiny${id}.html`);
      try {
        await page.waitForFunction(() => window.app?.editor.plugins.banditore?.controller?.report);
        const version = await page.evaluate(() => `${tinymce.majorVersion}.${tinymce.minorVersion}`);
        if (label === 'current') assert.ok(Number(version.split('.')[0]) >= 8, version);
        else assert.match(version, new RegExp(`^${label.replace('.', '\\.')}`));
        await page.evaluate((t) => window.app.editor.setContent(`<p>${t}</p>`), PHONE_TEXT);
        await page.waitForFunction(() => window.app.editor.getBody().querySelector('.bnd-mark.bnd-error'));
        const state = await page.evaluate(() => {
          const { editor } = window.app;
          return {
            marked: [...editor.getBody().querySelectorAll('.bnd-mark.bnd-error')].map((e) => e.textContent).join(''),
            content: editor.getContent(),
            panel: !!document.querySelector('.bnd-panel'),
            css: [...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href.endsWith('/checker.css')),
          };
        });
        assert.equal(state.marked, '347 123 4567');
        assert.equal(state.content, `<p>${PHONE_TEXT}</p>`, 'marks never reach getContent()');
        assert.ok(state.panel && state.css, 'the panel and its stylesheet');
        // The editor's toolbar button (the panel has a "Verifica invio" button of its own).
        const button = page.locator('.tox-toolbar__group button, .mce-toolbar .mce-btn button').filter({ hasText: 'Verifica invio' });
        assert.equal(await button.count(), 1, 'the toolbar button');
        await button.click();
        const verdict = await page.evaluate(async () => {
          const p = window.app.editor.plugins.banditore;
          await p.pending;
          return { allowed: p.lastVerdict.allowed, rules: p.lastVerdict.errors.map((f) => f.rule) };
        });
        assert.deepEqual(verdict, { allowed: false, rules: ['personal-data.phone'] });
        // The fix from the panel edits TinyMCE's content and clears the mark.
        await page.click('.bnd-finding[data-rule="personal-data.phone"] .bnd-fix');
        await page.waitForFunction(() => !window.app.editor.getBody().querySelector('.bnd-mark.bnd-error'));
        const after = await page.evaluate(async () => {
          window.app.editor.execCommand('banditoreCheck');
          const p = window.app.editor.plugins.banditore;
          await p.pending;
          return { allowed: p.lastVerdict.allowed, content: window.app.editor.getContent() };
        });
        assert.equal(after.allowed, true, after.content);
        assert.doesNotMatch(after.content, /347 123 4567|bnd-/);
        assert.deepEqual(log.errors.filter((e) => !/Content Security Policy/.test(e)), []);
      } finally {
        await context.close();
      }
    });
  }
});
