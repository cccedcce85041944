// scripts/release.sh assembles one folder a comune can copy (issue 15): both tarballs, the static
// widget/ and checker/ folders whose entry scripts name files that are there, profiles, server
// samples, docs, the licence and the changelog of this version. Needs build/packages/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VERSION = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];

test('release.sh builds the folder and its .tar.gz', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'banditore-release-'));
  try {
    execFileSync('bash', ['scripts/release.sh', '--skip-build', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    const dir = path.join(out, `banditore-${VERSION}`);
    for (const f of [
      `banditore-widget-${VERSION}.tgz`,
      `banditore-checker-${VERSION}.tgz`,
      'widget/banditore-iscrizione.js',
      'checker/banditore-checker.js',
      'checker/banditore-tinymce.js',
      'checker/ckeditor5.js',
      'profiles/siracusa.json',
      'deploy/apache.conf',
      'deploy/nginx.conf',
      'docs/deploy.md',
      'docs/checker-api.md',
      'CHANGELOG.md',
      'LICENSE',
    ]) {
      assert.ok(fs.existsSync(path.join(dir, f)), f);
    }
    assert.match(fs.readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## \\[${VERSION.replace(/\./g, '\\.')}\\]`, 'm'));
    // Every relative file an entry script names is in the folder (nothing points outside it).
    for (const [folder, entry] of [['widget', 'banditore-iscrizione.js'], ['checker', 'banditore-checker.js'], ['checker', 'banditore-tinymce.js']]) {
      const code = fs.readFileSync(path.join(dir, folder, entry), 'utf8');
      // Stylesheets, WASM and hashed scripts (the glue also names './x_bg.js', a WASM import module).
      const refs = [...new Set(code.match(/\.\/[\w./-]+\.(?:wasm|css)\b|\.\/[\w./-]+\.[0-9a-f]{10}\.js\b/g) ?? [])];
      assert.ok(refs.length, `${entry} names its files`);
      for (const r of refs) assert.ok(fs.existsSync(path.join(dir, folder, r)), `${folder}/${entry} -> ${r}`);
    }
    const listing = execFileSync('tar', ['tzf', path.join(out, `banditore-${VERSION}.tar.gz`)], { encoding: 'utf8' });
    assert.match(listing, new RegExp(`banditore-${VERSION.replace(/\./g, '\\.')}/widget/banditore-iscrizione\\.js`));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
