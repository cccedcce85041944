// The Apache and nginx samples in docs/deploy/ against the shipped files and the demo server:
// .wasm as application/wasm, compression, a year's cache for the content-hashed files only.
// Needs build/packages/ (node scripts/build-packages.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, HASHED, IMMUTABLE } from '../../www/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nginx = fs.readFileSync(path.join(ROOT, 'docs/deploy/nginx.conf'), 'utf8');
const apache = fs.readFileSync(path.join(ROOT, 'docs/deploy/apache.conf'), 'utf8');
const DISTS = { checker: path.join(ROOT, 'build/packages/checker/dist'), widget: path.join(ROOT, 'build/packages/widget/dist') };

/** The config's rule for hashed files: its regex and the Cache-Control it sets. */
function hashedRule(conf, kind) {
  const m =
    kind === 'nginx'
      ? conf.match(/location ~\*? "([^"]+)" \{\s*add_header Cache-Control "([^"]+)";/)
      : conf.match(/<FilesMatch "([^"]+)">\s*Header set Cache-Control "([^"]+)"/);
  assert.ok(m, `${kind}: a cache rule for hashed files`);
  return { re: new RegExp(m[1], kind === 'nginx' ? 'i' : ''), cacheControl: m[2] };
}

function shipped() {
  const out = [];
  for (const [pkg, dir] of Object.entries(DISTS)) {
    if (!fs.existsSync(dir)) throw new Error(`${path.relative(ROOT, dir)} missing: run node scripts/build-packages.mjs`);
    for (const e of fs.readdirSync(dir, { recursive: true })) if (fs.statSync(path.join(dir, e)).isFile()) out.push({ pkg, rel: e.split(path.sep).join('/') });
  }
  return out;
}

let server;
let origin;
before(async () => {
  server = createServer({ extraMounts: { '/banditore/checker/': DISTS.checker, '/banditore/widget/': DISTS.widget } });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((ok) => server.close(ok)));

test('both samples type .wasm as application/wasm and compress scripts, stylesheets and WASM', () => {
  assert.match(nginx, /types \{\s*application\/wasm wasm;\s*\}/);
  assert.match(apache, /^AddType application\/wasm \.wasm$/m);
  const gz = nginx.match(/^gzip_types (.+);$/m)?.[1].split(/\s+/) ?? [];
  const deflate = apache.match(/AddOutputFilterByType DEFLATE (.+)$/m)?.[1].split(/\s+/) ?? [];
  for (const type of ['application/wasm', 'text/javascript', 'text/css']) {
    assert.ok(gz.includes(type), `nginx gzip_types ${type}`);
    assert.ok(deflate.includes(type), `apache DEFLATE ${type}`);
  }
  assert.match(nginx, /^gzip on;$/m);
});

test('the samples cache exactly the content-hashed files for a year, like the demo server', () => {
  const rules = [hashedRule(nginx, 'nginx'), hashedRule(apache, 'apache')];
  for (const r of rules) assert.equal(r.cacheControl, IMMUTABLE);
  const files = shipped();
  const hashed = files.filter((f) => HASHED.test(f.rel));
  assert.ok(hashed.some((f) => f.rel.endsWith('.wasm') && f.pkg === 'widget') && hashed.some((f) => f.rel.endsWith('.wasm') && f.pkg === 'checker'));
  for (const f of files) {
    for (const r of rules) assert.equal(r.re.test(f.rel), HASHED.test(f.rel), `${f.pkg}/${f.rel}: the sample and the demo server agree`);
  }
  // The entry scripts keep stable names and must never be cached as immutable.
  for (const entry of ['banditore-iscrizione.js', 'banditore-checker.js', 'banditore-tinymce.js', 'ckeditor5.js']) {
    assert.ok(files.some((f) => f.rel === entry), entry);
    for (const r of rules) assert.equal(r.re.test(entry), false, entry);
  }
});

test('the demo server sends those headers: application/wasm, gzip, immutable only for hashed files', async () => {
  for (const f of shipped()) {
    const res = await fetch(`${origin}/banditore/${f.pkg}/${f.rel}`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(res.status, 200, f.rel);
    const body = Buffer.from(await res.arrayBuffer()); // fetch decompresses
    assert.equal(body.length, fs.statSync(path.join(DISTS[f.pkg], f.rel)).size, `${f.rel}: the whole file`);
    if (f.rel.endsWith('.wasm')) assert.equal(res.headers.get('content-type'), 'application/wasm');
    if (/\.(js|css|wasm)$/.test(f.rel)) assert.equal(res.headers.get('content-encoding'), 'gzip', f.rel);
    const cc = res.headers.get('cache-control');
    if (HASHED.test(f.rel)) assert.equal(cc, IMMUTABLE, f.rel);
    else assert.match(cc, /no-store|no-cache/, f.rel);
  }
  // Without Accept-Encoding: the plain file.
  const plain = await fetch(`${origin}/banditore/widget/banditore-iscrizione.js`, { headers: { 'Accept-Encoding': 'identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
});
