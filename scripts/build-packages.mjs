// Builds the two npm packages (issue 15) into build/packages/ and packs them with `npm pack`:
//
//   @banditore/checker  the pre-send checker as a library (bundled ES module + classic script),
//                       the CKEditor 5 plugin, the TinyMCE plugin (classic script for
//                       external_plugins), the panel's stylesheets, the worker, the glue and the .wasm
//   @banditore/widget   the citizen widget: www/dist/ (built by scripts/build-widget.mjs) as shipped
//
// Every file a script loads at run time is named by its content hash (the .wasm, the worker, the
// glue, the widget's stylesheet and interface languages): a cached entry script of one release
// never meets a module of another, and those files can be cached for a year (docs/deploy.md).
// The entry scripts keep stable names. Also bundles the CKEditor demo page (www/editor/ckeditor-demo.bundle.js).
//
// Usage: node scripts/build-packages.mjs [--no-pack]   (after scripts/build-wasm.sh)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = path.join(ROOT, 'build/packages');
const PKG = path.join(ROOT, 'www/pkg/banditore_checker');
const TARGET = ['es2022', 'chrome100', 'firefox114', 'safari16'];

export function crateVersion() {
  const toml = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const v = toml.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!v) throw new Error('no version in Cargo.toml');
  return v;
}

const hash = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 10);

/** Writes `buf` as `stem.<hash>.ext` in `dir`; returns the file name. */
function writeHashed(dir, stem, ext, buf) {
  const name = `${stem}.${hash(buf)}${ext}`;
  fs.writeFileSync(path.join(dir, name), buf);
  return name;
}

function license() {
  // The EUPL-1.2 text as SPDX publishes it (npm package spdx-license-list).
  const file = path.join(ROOT, 'node_modules/spdx-license-list/licenses/EUPL-1.2.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).licenseText;
}

/** esbuild plugin: swaps www/editor/checker-assets.js for the hashed names, and maps bare imports. */
function assets(contents, { external = {} } = {}) {
  return {
    name: 'banditore-assets',
    setup(build) {
      build.onResolve({ filter: /checker-assets\.js$/ }, () => ({ path: 'checker-assets', namespace: 'banditore' }));
      build.onLoad({ filter: /.*/, namespace: 'banditore' }, () => ({ contents, loader: 'js' }));
      for (const [name, to] of Object.entries(external)) {
        build.onResolve({ filter: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`) }, () => ({ path: to, external: true }));
      }
    },
  };
}

// A classic script has no import.meta.url: the script's own URL, read while it runs.
const SCRIPT_URL_SHIM = path.join(ROOT, 'packages/checker/script-url.js');

async function bundle({ entry, outfile, format = 'esm', contents, external = {}, globalName, define = {} }) {
  const classic = format === 'iife';
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format,
    globalName,
    minify: true,
    target: TARGET,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    banner: { js: `/*! @banditore/checker ${crateVersion()} | EUPL-1.2 */` },
    define: { __BANDITORE_VERSION__: JSON.stringify(crateVersion()), ...(classic ? { 'import.meta.url': '__bndScriptUrl' } : {}), ...define },
    inject: classic ? [SCRIPT_URL_SHIM] : [],
    plugins: contents ? [assets(contents, { external })] : [],
  });
}

export async function buildChecker() {
  const dir = path.join(OUT, 'checker');
  const dist = path.join(dir, 'dist');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  for (const f of ['banditore_checker.js', 'banditore_checker_bg.wasm']) {
    if (!fs.existsSync(path.join(PKG, f))) throw new Error(`${path.join(PKG, f)} missing: run bash scripts/build-wasm.sh first`);
  }
  const wasm = writeHashed(dist, 'banditore_checker_bg', '.wasm', fs.readFileSync(path.join(PKG, 'banditore_checker_bg.wasm')));
  const glue = writeHashed(dist, 'banditore_checker', '.js', fs.readFileSync(path.join(PKG, 'banditore_checker.js')));
  // The worker: its own bundle (glue inlined), then named by its hash.
  const tmpWorker = path.join(dist, 'worker.tmp.js');
  await bundle({ entry: path.join(ROOT, 'www/editor/checker-worker.js'), outfile: tmpWorker });
  const worker = writeHashed(dist, 'banditore-checker-worker', '.js', fs.readFileSync(tmpWorker));
  fs.rmSync(tmpWorker);
  const names = { worker, glue, wasm };
  const assetsModule = [
    `export const WORKER_URL = new URL('./${worker}', import.meta.url);`,
    `export const PKG_URL = new URL('./${glue}', import.meta.url);`,
    `export const WASM_URL = new URL('./${wasm}', import.meta.url);`,
  ].join('\n');
  const ck = { ckeditor5: 'ckeditor5' };
  await bundle({ entry: path.join(ROOT, 'packages/checker/index.js'), outfile: path.join(dist, 'banditore-checker.js'), contents: assetsModule });
  await bundle({
    entry: path.join(ROOT, 'packages/checker/index.js'),
    outfile: path.join(dist, 'banditore-checker.classic.js'),
    format: 'iife',
    globalName: 'BanditoreChecker',
    contents: assetsModule,
  });
  await bundle({ entry: path.join(ROOT, 'www/editor/ckeditor-plugin.js'), outfile: path.join(dist, 'ckeditor5.js'), contents: assetsModule, external: ck });
  await bundle({ entry: path.join(ROOT, 'packages/checker/tinymce.js'), outfile: path.join(dist, 'banditore-tinymce.js'), format: 'iife', contents: assetsModule });
  for (const css of ['checker.css', 'checker-content.css']) {
    await esbuild.build({ entryPoints: [path.join(ROOT, 'www/editor', css)], outfile: path.join(dist, css), minify: true, logLevel: 'warning' });
  }
  // The classic builds must not leave an `import.meta` behind (a syntax error in a classic script).
  for (const f of ['banditore-checker.classic.js', 'banditore-tinymce.js']) {
    if (/import\.meta/.test(fs.readFileSync(path.join(dist, f), 'utf8'))) throw new Error(`${f} still uses import.meta`);
  }
  for (const [what, name] of Object.entries(names)) {
    for (const f of ['banditore-checker.js', 'banditore-checker.classic.js', 'ckeditor5.js', 'banditore-tinymce.js']) {
      if (!fs.readFileSync(path.join(dist, f), 'utf8').includes(name)) throw new Error(`${f} does not name the ${what} ${name}`);
    }
  }
  const types = path.join(dir, 'types');
  fs.mkdirSync(types);
  for (const f of ['index.d.ts', 'ckeditor5.d.ts', 'tinymce.d.ts']) fs.copyFileSync(path.join(ROOT, 'packages/checker', f), path.join(types, f));
  fs.copyFileSync(path.join(ROOT, 'packages/checker/README.md'), path.join(dir, 'README.md'));
  fs.writeFileSync(path.join(dir, 'LICENSE'), license());
  const pkg = {
    name: '@banditore/checker',
    version: crateVersion(),
    description: 'Pre-send checker for Italian comuni’s WhatsApp/Telegram channels: policy, GDPR and par condicio rules in WebAssembly, for any editor, CKEditor 5 and TinyMCE',
    license: 'EUPL-1.2',
    type: 'module',
    main: './dist/banditore-checker.js',
    module: './dist/banditore-checker.js',
    types: './types/index.d.ts',
    exports: {
      '.': { types: './types/index.d.ts', default: './dist/banditore-checker.js' },
      './ckeditor5': { types: './types/ckeditor5.d.ts', default: './dist/ckeditor5.js' },
      './tinymce': { types: './types/tinymce.d.ts', default: './dist/banditore-tinymce.js' },
      './classic': './dist/banditore-checker.classic.js',
      './checker.css': './dist/checker.css',
      './checker-content.css': './dist/checker-content.css',
      './dist/*': './dist/*',
      './package.json': './package.json',
    },
    files: ['dist', 'types', 'README.md', 'LICENSE'],
    sideEffects: ['./dist/banditore-tinymce.js', '*.css'],
    peerDependencies: { ckeditor5: '>=42.0.0' },
    peerDependenciesMeta: { ckeditor5: { optional: true } },
    engines: { node: '>=18' },
    keywords: ['comune', 'whatsapp', 'telegram', 'gdpr', 'par condicio', 'ckeditor5', 'ckeditor5-plugin', 'tinymce', 'tinymce-plugin', 'wasm'],
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return { dir, names };
}

/** The widget: www/dist/ as build-widget.mjs made it, its run-time files renamed by content hash. */
export function buildWidget() {
  const src = path.join(ROOT, 'www/dist');
  const entry = 'banditore-iscrizione.js';
  if (!fs.existsSync(path.join(src, entry))) throw new Error('www/dist/ missing: run bash scripts/build-wasm.sh first');
  const dir = path.join(OUT, 'widget');
  const dist = path.join(dir, 'dist');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(src, dist, { recursive: true });
  let code = fs.readFileSync(path.join(dist, entry), 'utf8');
  const renamed = {};
  // Every file the entry loads by a relative './x/y.ext' path gets a hashed name, and the entry
  // says so: the list follows scripts/build-widget.mjs instead of repeating it.
  // (The interface languages, widget/<lang>.json, too: they change with the entry's strings.)
  const refs = [...new Set(code.match(/\.\/[\w./-]+\.(?:wasm|css|js|json)\b/g) ?? [])].filter((r) => fs.existsSync(path.join(dist, r)));
  if (!refs.some((r) => r.endsWith('.wasm'))) throw new Error(`${entry} names no .wasm: the widget's layout changed, update build-packages.mjs`);
  for (const ref of refs) {
    // Already named by a hash (should build-widget.mjs start doing it): leave it.
    if (/\.[0-9a-f]{8,}\.\w+$/.test(ref)) continue;
    const file = path.join(dist, ref);
    const ext = path.extname(file);
    const name = writeHashed(path.dirname(file), path.basename(file, ext), ext, fs.readFileSync(file));
    fs.rmSync(file);
    const to = `./${path.posix.join(path.posix.dirname(ref.slice(2)), name)}`;
    code = code.split(ref).join(to);
    renamed[ref] = to;
  }
  fs.writeFileSync(path.join(dist, entry), code);
  const typesFrom = [path.join(src, 'banditore-iscrizione.d.ts'), path.join(ROOT, 'www/banditore-iscrizione.d.ts')].find((f) => fs.existsSync(f));
  fs.mkdirSync(path.join(dir, 'types'));
  fs.copyFileSync(typesFrom ?? path.join(ROOT, 'packages/widget/index.d.ts'), path.join(dir, 'types/index.d.ts'));
  fs.copyFileSync(path.join(ROOT, 'packages/widget/README.md'), path.join(dir, 'README.md'));
  fs.writeFileSync(path.join(dir, 'LICENSE'), license());
  const pkg = {
    name: '@banditore/widget',
    version: crateVersion(),
    description: 'Widget di iscrizione al canale WhatsApp/Telegram del comune: policy, informativa art. 13 GDPR, consenso, poi il link',
    license: 'EUPL-1.2',
    type: 'module',
    main: `./dist/${entry}`,
    module: `./dist/${entry}`,
    types: './types/index.d.ts',
    exports: {
      '.': { types: './types/index.d.ts', default: `./dist/${entry}` },
      './dist/*': './dist/*',
      './package.json': './package.json',
    },
    files: ['dist', 'types', 'README.md', 'LICENSE'],
    // Importing it defines the <banditore-iscrizione> element.
    sideEffects: true,
    keywords: ['comune', 'whatsapp', 'telegram', 'gdpr', 'informativa', 'custom-element', 'web-component', 'wasm'],
  };
  // The Custom Elements Manifest, when the widget's build ships one (editors and IDEs read it).
  if (fs.existsSync(path.join(dist, 'custom-elements.json'))) pkg.customElements = './dist/custom-elements.json';
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return { dir, renamed };
}

/** The CKEditor demo page: the plugin imports 'ckeditor5', which the browser build serves. */
export async function buildDemo() {
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'www/editor/ckeditor-demo.js')],
    outfile: path.join(ROOT, 'www/editor/ckeditor-demo.bundle.js'),
    bundle: true,
    format: 'esm',
    target: TARGET,
    logLevel: 'warning',
    // Same folder as the sources: the worker and the glue are found relative to it as before.
    plugins: [
      {
        name: 'vendor',
        setup(build) {
          build.onResolve({ filter: /^ckeditor5$/ }, () => ({ path: '/vendor/ckeditor5/browser/ckeditor5.js', external: true }));
          build.onResolve({ filter: /^\/vendor\// }, (a) => ({ path: a.path, external: true }));
        },
      },
    ],
  });
}

export function pack(dir) {
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', OUT], { cwd: dir, encoding: 'utf8' });
  return path.join(OUT, out.trim().split('\n').pop());
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    fs.mkdirSync(OUT, { recursive: true });
    for (const f of fs.readdirSync(OUT)) if (f.endsWith('.tgz')) fs.rmSync(path.join(OUT, f));
    await buildDemo();
    const checker = await buildChecker();
    const widget = buildWidget();
    if (!process.argv.includes('--no-pack')) {
      for (const d of [checker.dir, widget.dir]) {
        const tgz = pack(d);
        console.error(`${path.relative(ROOT, tgz)}  ${(fs.statSync(tgz).size / 1024).toFixed(1)} KB`);
      }
    }
  } catch (e) {
    console.error(`build-packages: ${e.stack || e.message}`);
    process.exitCode = 1;
  }
}
