// The only way the widget builds DOM: text is always set with textContent, attributes with
// setAttribute, so nothing from a profile can ever be parsed as HTML.

/**
 * h('p', { class: 'x', onclick: fn }, 'text', child, [more]) -> element.
 * Attributes named on* take a function (an event listener); `false`/`null` attributes are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value == null) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false || c === '') continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.append(c);
    else el.append(document.createTextNode(String(c)));
  }
}

let counter = 0;
/** A document-unique id for label/aria wiring inside one shadow root. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Only http(s) URLs become links: a profile cannot smuggle javascript: or data: URLs. */
export function safeHref(url, { https = false } = {}) {
  try {
    const u = new URL(String(url));
    if (u.protocol === 'https:' || (!https && u.protocol === 'http:')) return u.href;
  } catch {
    /* not a URL: shown as text by the caller */
  }
  return null;
}

/** A link when the URL is safe, otherwise the text alone. */
export function link(url, text, attrs = {}) {
  const href = safeHref(url);
  if (!href) return h('span', {}, text ?? String(url));
  return h('a', { href, rel: 'noopener noreferrer', part: 'link', ...attrs }, text ?? href);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'g', 'path', 'rect', 'title', 'desc']);
const SVG_ATTRS = new Set([
  'viewBox', 'width', 'height', 'd', 'fill', 'stroke', 'stroke-width', 'x', 'y',
  'shape-rendering', 'transform', 'fill-rule', 'preserveAspectRatio',
]);

/**
 * Rebuilds an SVG string (the QR code made by the WASM module) from an allow-list of elements and
 * attributes: DOMParser never runs scripts, and the copy keeps only drawing, no handlers or links.
 */
export function safeSvg(markup) {
  const doc = new DOMParser().parseFromString(String(markup), 'image/svg+xml');
  const root = doc.documentElement;
  if (!root || root.localName !== 'svg' || doc.querySelector('parsererror')) return null;
  const copy = (src) => {
    if (!SVG_TAGS.has(src.localName)) return null;
    const el = document.createElementNS(SVG_NS, src.localName);
    for (const a of src.attributes) if (SVG_ATTRS.has(a.name)) el.setAttribute(a.name, a.value);
    for (const child of src.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) el.append(document.createTextNode(child.data));
      else if (child.nodeType === Node.ELEMENT_NODE) {
        const c = copy(child);
        if (c) el.append(c);
      }
    }
    return el;
  };
  return copy(root);
}
