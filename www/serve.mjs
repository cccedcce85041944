// A small static server for the demo and the browser tests: loopback only, no dependencies.
//
// Serves www/ at /, and the two editors installed from npm at /vendor/ckeditor5/ and
// /vendor/tinymce/ with its Italian UI at /vendor/tinymce-i18n/ (no CDN), and the comuni's profiles (pkg-config/) at /profiles/. HTML pages get a strict Content-Security-Policy, the one the
// citizen widget must work under; the editor demos relax style-src because CKEditor 5 and
// TinyMCE set inline styles.
//
// Usage: node www/serve.mjs [--port 8080] [--host 127.0.0.1]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const EDITOR_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:";

const MOUNTS = [
  ['/vendor/ckeditor5/', path.join(root, 'node_modules/ckeditor5/dist/')],
  ['/vendor/tinymce/', path.join(root, 'node_modules/tinymce/')],
  ['/vendor/tinymce-i18n/', path.join(root, 'node_modules/tinymce-i18n/langs8/')],
  ['/profiles/', path.join(root, 'pkg-config/')],
  ['/pkg/', path.join(root, 'www/pkg/')],
  ['/', path.join(root, 'www/')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.vcf': 'text/vcard; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const BAD_REQUEST = Symbol('bad request');
// The same cache and compression rules as the sample configs in docs/deploy/ (checked by
// tests/node/deploy.test.mjs): files named by a content hash are immutable for a year.
export const HASHED = /\.[0-9a-f]{10}\.(js|css|wasm)$/i;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.html']);

function resolve(urlPath, mounts) {
  for (const [prefix, dir] of mounts) {
    if (urlPath.startsWith(prefix)) {
      let rel;
      try {
        rel = decodeURIComponent(urlPath.slice(prefix.length));
      } catch {
        return BAD_REQUEST; // a malformed % escape: the client's error, never the server's crash
      }
      const file = path.resolve(dir, rel);
      // Never serve anything outside the mounted folder.
      if (file !== dir.replace(/\/$/, '') && !file.startsWith(dir)) return null;
      return file;
    }
  }
  return null;
}

/** `extraMounts` ({'/prefix/': dir}) come first: the browser tests serve their fixtures this way. */
export function createServer({ extraMounts = {} } = {}) {
  const mounts = [
    ...Object.entries(extraMounts).map(([prefix, dir]) => [prefix, path.resolve(dir) + path.sep]),
    ...MOUNTS,
  ];
  return http.createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url, 'http://localhost');
    } catch {
      url = null;
    }
    let file = url && resolve(url.pathname, mounts);
    if (!url || file === BAD_REQUEST) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('400 richiesta non valida / bad request\n');
      return;
    }
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('404 non trovato / not found\n');
      return;
    }
    const ext = path.extname(file);
    const headers = {
      'Content-Type': TYPES[ext] || 'application/octet-stream',
      // The demo's own files change while one works on them: never cached, except hashed ones.
      'Cache-Control': HASHED.test(file) ? IMMUTABLE : 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (ext === '.html') {
      headers['Content-Security-Policy'] = url.pathname.startsWith('/editor/') ? EDITOR_CSP : STRICT_CSP;
    }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
      res.writeHead(200, headers);
      fs.createReadStream(file).pipe(zlib.createGzip({ level: 6 })).pipe(res);
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const port = Number(opt('--port', process.env.PORT || 8080));
  const host = opt('--host', '127.0.0.1');
  createServer().listen(port, host, () => {
    console.log(`Banditore demo: http://${host === '127.0.0.1' ? 'localhost' : host}:${port}/`);
  });
}
