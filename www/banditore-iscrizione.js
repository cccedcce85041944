// <banditore-iscrizione profile="/profiles/seveso.json" [lang="it|en|de"] [remember] [device="phone|desktop"]
//                       [heading-level="2"] [loading="lazy"]>  …fallback content…  </banditore-iscrizione>
//
// The citizen's way into the comune's WhatsApp/Telegram channel: the policy in short, the
// informativa, a free and revocable consent, then the join link, QR code or number. A thin view
// over the WASM module (pkg/banditore_widget/, see docs/widget-api.md), which decides every step
// and text. Everything it loads comes from the host serving this script; it sets no cookie, and
// stores the consent receipt (no personal data) only when the embedder adds `remember`.
//
// Events: `banditore:consent` (bubbles, composed) with detail { action: "given" | "revoked" |
// "declined", profile_id, receipt }, `banditore:step` { step, previous } on every step change,
// `banditore:ready` once the first step can be used, and `banditore:error` when it cannot start
// (the box then explains why). Properties and methods: widget.d.ts, custom-elements.json.
// Whatever the page puts inside the element stays visible until the widget is ready, and
// after an error; without JavaScript it is all there is (progressive enhancement).
//
// This entry script has no static imports on purpose: it starts downloading the WASM module,
// its glue and the profiles on the page at once, while the element's own modules load. Every
// import is a literal path so that scripts/build-widget.mjs can bundle them all into
// www/dist/banditore-iscrizione.js; this file keeps working unbundled, as served from www/.
performance.mark('banditore:script');

const HERE = import.meta.url;
const WASM_BINARY = new URL('./pkg/banditore_widget/banditore_widget_bg.wasm', HERE).href;
const ORIGIN = new URL(HERE).origin;
const hasWasm = typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';

let wasmReady;
/** The WASM module, compiled while it streams in, instantiated once per page. */
function loadWasm() {
  wasmReady ??= (async () => {
    if (!hasWasm) throw Object.assign(new Error('WebAssembly'), { code: 'no-wasm' });
    const [glue, module] = await Promise.all([import('./pkg/banditore_widget/banditore_widget.js'), compile()]);
    await glue.default({ module_or_path: module });
    return glue;
  })();
  return wasmReady;
}

function compile() {
  const response = fetch(WASM_BINARY);
  // compileStreaming needs application/wasm; a server that sends another type still works, slower.
  return WebAssembly.compileStreaming(response).catch(async () => {
    const res = await fetch(WASM_BINARY);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${new URL(WASM_BINARY).pathname}`);
    return WebAssembly.compile(await res.arrayBuffer());
  });
}

const profiles = new Map();
/** The profile's text; the first read of a URL may use the download started at load time. */
function fetchProfile(href) {
  const pending = profiles.get(href);
  profiles.delete(href);
  return pending ?? download(href);
}

async function download(href) {
  const res = await fetch(href, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

/** loading="lazy": the widget downloads nothing until it comes near the viewport. */
const isLazy = (el) => el.getAttribute('loading') === 'lazy' && 'IntersectionObserver' in window;

function prefetch() {
  for (const el of document.querySelectorAll('banditore-iscrizione[profile]')) {
    if (isLazy(el)) continue;
    let url;
    try {
      url = new URL(el.getAttribute('profile'), document.baseURI);
    } catch {
      continue; // that element says why; the others on the page go on (issue 12 item 11)
    }
    if (url.origin !== ORIGIN || profiles.has(url.href)) continue;
    const p = download(url.href);
    p.catch(() => {}); // reported when the element reads it
    profiles.set(url.href, p);
  }
}

// A page whose widgets are all lazy starts no download now; any other page (also one that adds
// its widget later) starts the WASM at once.
const onPage = [...document.querySelectorAll('banditore-iscrizione')];
if (hasWasm && !(onPage.length && onPage.every(isLazy))) loadWasm().catch(() => {}); // errors are shown by each element
prefetch();
// element.js imports these too: asking for them now fetches them in parallel, not in a chain.
const [{ define }] = await Promise.all([
  import('./widget/element.js'),
  import('./widget/views.js'),
  import('./widget/dom.js'),
  import('./widget/i18n.js'),
  import('./widget/storage.js'),
]);
// Interface languages beyond Italian, fetched only by a page that uses them.
const langs = { en: new URL('./widget/en.json', HERE).href, de: new URL('./widget/de.json', HERE).href };
define({ origin: ORIGIN, stylesheet: new URL('./widget/widget.css', HERE).href, langs, loadWasm, fetchProfile, isLazy });
