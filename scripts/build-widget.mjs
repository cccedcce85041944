// Ships the citizen widget as what an embedding site copies: www/dist/, holding ONE minified ES
// module (the entry script, the element's modules and the wasm-bindgen glue) plus the two files
// it loads at run time, in the layout the entry computes from its own URL. Seven requests for
// JS become one (issue 6: size and time to interactive).
//
// Usage: node scripts/build-widget.mjs [--pkg dir] [--out dir]
//   --pkg  the wasm-pack output to ship (default www/pkg/banditore_widget/, built by build-wasm.sh)
//   --out  where to write (default www/dist/; emptied first so it holds only what is shipped)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
const ENTRY = 'banditore-iscrizione.js';
const GLUE = 'pkg/banditore_widget/banditore_widget.js';
const WASM = 'pkg/banditore_widget/banditore_widget_bg.wasm';
const CSS = 'widget/widget.css';
/** Interface languages loaded on demand (www/widget/i18n.js), copied as they are. */
const LANGS = ['widget/en.json', 'widget/de.json'];
// Browsers the widget is tested in support these; nothing older is worth the transpiled bytes.
const TARGET = ['es2022', 'chrome100', 'firefox100', 'safari16'];

/** For the sites that use them, not fetched by the widget: its types and its Custom Elements Manifest. */
const TYPES = 'banditore-iscrizione.d.ts';
const MANIFEST = 'custom-elements.json';

/** What the entry fetches at run time, relative to itself: these paths must appear in the bundle. */
const RUNTIME_FILES = [WASM, CSS, ...LANGS];

/**
 * Builds the bundle into `out` from the widget sources and the wasm-pack output in `pkg`.
 * Returns the files written (relative to `out`) with their sizes.
 */
export async function buildWidget({ pkg = path.join(WWW, 'pkg/banditore_widget'), out = path.join(WWW, 'dist') } = {}) {
  pkg = path.resolve(pkg);
  out = path.resolve(out);
  for (const f of [GLUE, WASM]) {
    const file = path.join(pkg, path.basename(f));
    if (!fs.existsSync(file)) throw new Error(`${file} missing: run scripts/build-wasm.sh first`);
  }
  const banner = `/*! banditore-iscrizione ${crateVersion()} | EUPL-1.2 | built from www/${ENTRY} */`;

  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const js = await esbuild.build({
    entryPoints: [path.join(WWW, ENTRY)],
    outfile: path.join(out, ENTRY),
    bundle: true,
    // No splitting: the element's modules and the glue are small, one request beats several.
    format: 'esm',
    minify: true,
    target: TARGET,
    banner: { js: banner },
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
    plugins: [pkgFrom(pkg)],
  });
  const bundled = fs.readFileSync(path.join(out, ENTRY), 'utf8');
  checkBundle(bundled, Object.keys(js.metafile.inputs));

  await esbuild.build({
    entryPoints: [path.join(WWW, CSS)],
    outfile: path.join(out, CSS),
    minify: true,
    target: TARGET,
    banner: { css: banner },
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  fs.mkdirSync(path.dirname(path.join(out, WASM)), { recursive: true });
  fs.copyFileSync(path.join(pkg, path.basename(WASM)), path.join(out, WASM));
  // Minified (and so parsed: a broken file fails the build, not a visitor's page): 35 B gzip each.
  for (const f of LANGS) fs.writeFileSync(path.join(out, f), JSON.stringify(JSON.parse(fs.readFileSync(path.join(WWW, f), 'utf8'))));
  fs.writeFileSync(path.join(out, TYPES), typesFor(pkg));
  fs.copyFileSync(path.join(WWW, MANIFEST), path.join(out, MANIFEST));

  return [ENTRY, ...RUNTIME_FILES, TYPES, MANIFEST].map((f) => ({ file: f, bytes: fs.statSync(path.join(out, f)).size }));
}

/**
 * The element's types with the WASM module's View and Receipt inlined (the glue's .d.ts is not
 * shipped): one self-contained file next to the bundle.
 */
function typesFor(pkg) {
  const glue = fs.readFileSync(path.join(pkg, 'banditore_widget.d.ts'), 'utf8');
  const start = glue.indexOf('export interface View {');
  const receipt = glue.indexOf('export interface Receipt {');
  const end = glue.indexOf('\n}', receipt);
  if (start < 0 || receipt < 0 || end < 0) throw new Error('View and Receipt not found in banditore_widget.d.ts');
  const own = fs.readFileSync(path.join(WWW, TYPES), 'utf8');
  const line = /^import type \{ View, Receipt \} from '[^']+';\n/m;
  if (!line.test(own)) throw new Error(`${TYPES}: the import of View and Receipt changed`);
  // Inlined, the interfaces are exported as they are: the re-export goes.
  return own.replace(line, `${glue.slice(start, end + 2)}\n`).replace(/^export type \{ View, Receipt \};\n/m, '');
}

/**
 * Why www/dist/ does not reflect the sources, or null when it does: a file it is built from is newer
 * than the bundle (the browser tests would otherwise test yesterday's widget without a word).
 */
export function staleReason(out = path.join(WWW, 'dist'), pkg = path.join(WWW, 'pkg/banditore_widget')) {
  const bundle = path.join(out, ENTRY);
  if (!fs.existsSync(bundle)) return `${path.relative(ROOT, bundle)} missing: run bash scripts/build-wasm.sh`;
  const built = fs.statSync(bundle).mtimeMs;
  const sources = [path.join(WWW, ENTRY), path.join(WWW, TYPES), path.join(WWW, MANIFEST), ...listFiles(path.join(WWW, 'widget')), ...listFiles(pkg)];
  const newer = sources.filter((f) => fs.statSync(f).mtimeMs > built).map((f) => path.relative(ROOT, f));
  return newer.length ? `${newer.join(', ')} changed after ${path.relative(ROOT, bundle)}: run node scripts/build-widget.mjs` : null;
}

const listFiles = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : []);

/** Resolves the entry's import of the glue to another wasm-pack output (the glue must match its .wasm). */
function pkgFrom(pkg) {
  return {
    name: 'banditore-pkg',
    setup(build) {
      build.onResolve({ filter: /^\.\/pkg\/banditore_widget\// }, (args) => ({
        path: path.join(pkg, path.basename(args.path)),
      }));
    },
  };
}

/**
 * The bundle must be self-contained (every module inlined, no import left to fetch) and must
 * still name each run-time file: otherwise the entry changed and RUNTIME_FILES is out of date.
 */
function checkBundle(code, inputs) {
  const leftover = code.match(/\bimport\s*\(\s*["'`][^"'`]*/g) ?? [];
  if (leftover.length) throw new Error(`the bundle still imports at run time: ${leftover.join(', ')}`);
  for (const f of RUNTIME_FILES) {
    if (!code.includes(`./${f}`)) throw new Error(`the bundle no longer loads ./${f}: update RUNTIME_FILES`);
  }
  const modules = ['element', 'views', 'dom', 'i18n', 'storage'].map((m) => `widget/${m}.js`);
  for (const m of [...modules, path.basename(GLUE)]) {
    if (!inputs.some((i) => i.endsWith(m))) throw new Error(`${m} is not in the bundle`);
  }
}

function crateVersion() {
  const toml = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  return toml.match(/^version\s*=\s*"([^"]+)"/m)?.[1] ?? '';
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  try {
    const out = opt('--out') ?? path.join(WWW, 'dist');
    for (const { file, bytes } of await buildWidget({ pkg: opt('--pkg'), out })) {
      console.error(`${path.relative(process.cwd(), path.join(out, file))}  ${(bytes / 1024).toFixed(1)} KB`);
    }
  } catch (e) {
    console.error(`build-widget: ${e.message}`);
    process.exitCode = 1;
  }
}
