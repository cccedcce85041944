// attachChecker(target, { profile, category, sendAt, lang, panel }) for a <textarea> or a
// contenteditable element. The editor's content is never rewritten by the marks: a textarea gets
// a transparent mirror laid over it, a contenteditable gets CSS Custom Highlights (ranges, no DOM).

import { CheckerController } from './controller.js';
import { createPanel } from './panel.js';
import { domToWhatsApp } from './whatsapp-format.js';
import { findingAt, navKey, SEVERITIES } from './marks.js';

const MIRRORED = [
  'boxSizing', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'lineHeight', 'letterSpacing',
  'wordSpacing', 'textIndent', 'textTransform', 'tabSize', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'direction', 'textAlign',
];

/** A textarea's text is the message itself (the editor types WhatsApp markup): offsets map 1:1. */
class TextareaAdapter {
  constructor(ta) {
    this.ta = ta;
    this.host = ta;
    this.doc = ta.ownerDocument;
    this.marks = [];
    this.value = ta.value;
    this.mirror = this.doc.createElement('div');
    this.mirror.className = 'bnd-mirror';
    this.mirror.setAttribute('aria-hidden', 'true');
    ta.after(this.mirror);
    ta.classList.add('bnd-textarea');
    this.listeners = [];
    const on = (t, type, fn, opt) => {
      t.addEventListener(type, fn, opt);
      this.listeners.push(() => t.removeEventListener(type, fn, opt));
    };
    on(ta, 'input', () => this.#input());
    on(ta, 'scroll', () => this.#sync());
    on(ta, 'keydown', (ev) => navKey(ev, this.events));
    on(ta, 'keyup', () => this.events?.caret());
    on(ta, 'mouseup', () => this.events?.caret());
    on(ta, 'focus', () => this.events?.caret());
    on(ta, 'blur', () => this.events?.hover(null));
    on(ta, 'mousemove', (ev) => {
      const hit = findingAt(this.marks, (f) => this.#rects(f), ev.clientX, ev.clientY);
      this.events?.hover(hit?.finding ?? null, hit?.rect);
    });
    on(ta, 'mouseleave', () => this.events?.hover(null));
    this.resize = new ResizeObserver(() => this.#layout());
    this.resize.observe(ta);
    this.#layout();
    this.#render();
  }

  onChange(cb) {
    this.changed = cb;
    return () => (this.changed = null);
  }

  read() {
    return { text: this.ta.value, map: null };
  }

  // Between a keystroke and the next report, keep marks on their characters: shift them by
  // the edit (common prefix/suffix) and drop the ones the edit touched.
  #input() {
    const old = this.value;
    const now = this.ta.value;
    this.value = now;
    let p = 0;
    while (p < old.length && p < now.length && old[p] === now[p]) p++;
    let s = 0;
    while (s < old.length - p && s < now.length - p && old[old.length - 1 - s] === now[now.length - 1 - s]) s++;
    const oldEnd = old.length - s;
    const delta = now.length - old.length;
    this.marks = this.marks
      .filter((f) => f.range.end <= p || f.range.start >= oldEnd)
      .map((f) => (f.range.start >= oldEnd ? { ...f, range: { start: f.range.start + delta, end: f.range.end + delta } } : f));
    this.#scheduleRender();
    this.changed?.();
  }

  // One mirror update per frame, after the keystroke: the handler itself stays cheap.
  #scheduleRender() {
    if (this.frame) return;
    this.frame = this.doc.defaultView.requestAnimationFrame(() => {
      this.frame = 0;
      this.#render();
    });
  }

  mark(findings) {
    this.marks = findings;
    this.value = this.ta.value;
    this.#render();
  }

  #layout() {
    const cs = this.doc.defaultView.getComputedStyle(this.ta);
    const m = this.mirror.style;
    for (const k of MIRRORED) m[k] = cs[k];
    m.boxSizing = 'content-box';
    m.width = `${this.ta.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)}px`;
    m.height = `${this.ta.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)}px`;
    m.top = `${this.ta.offsetTop + parseFloat(cs.borderTopWidth)}px`;
    m.left = `${this.ta.offsetLeft + parseFloat(cs.borderLeftWidth)}px`;
    this.#sync();
  }

  #render() {
    const text = this.ta.value;
    const doc = this.doc;
    const nodes = [];
    let at = 0;
    const marks = [...this.marks].sort((a, b) => a.range.start - b.range.start);
    for (const f of marks) {
      const { start, end } = f.range;
      if (start < at || end > text.length) continue; // overlapping marks: the first one wins
      if (start > at) nodes.push(doc.createTextNode(text.slice(at, start)));
      const m = doc.createElement('mark');
      m.className = `bnd-mark bnd-${f.severity}`;
      m.dataset.index = f.index;
      m.textContent = text.slice(start, end) || '\u200B';
      nodes.push(m);
      at = end;
    }
    // A trailing newline needs a character after it to take up its line.
    nodes.push(doc.createTextNode(text.slice(at) + '\u200B'));
    this.mirror.replaceChildren(...nodes);
    this.#sync();
  }

  #sync() {
    this.mirror.scrollTop = this.ta.scrollTop;
    this.mirror.scrollLeft = this.ta.scrollLeft;
  }

  #rects(f) {
    const m = this.mirror.querySelector(`mark[data-index="${f.index}"]`);
    return m ? [...m.getClientRects()] : [];
  }

  rectOf(f) {
    return this.#rects(f)[0] ?? this.ta.getBoundingClientRect();
  }

  caretFinding(findings) {
    if (this.doc.activeElement !== this.ta) return null;
    const c = this.ta.selectionStart;
    return findings.find((f) => c >= f.range.start && c <= f.range.end) ?? null;
  }

  select(f) {
    this.ta.focus();
    this.ta.setSelectionRange(f.range.start, f.range.end);
    // Scroll the selection into view: the textarea only does it for the caret after focus.
    const line = this.ta.value.slice(0, f.range.start).split('\n').length - 1;
    const lh = parseFloat(this.doc.defaultView.getComputedStyle(this.ta).lineHeight) || 20;
    if (line * lh < this.ta.scrollTop || line * lh > this.ta.scrollTop + this.ta.clientHeight - lh) this.ta.scrollTop = Math.max(0, line * lh - lh);
  }

  replace(f, text) {
    this.ta.focus();
    this.ta.setSelectionRange(f.range.start, f.range.end);
    // execCommand keeps the edit on the textarea's undo stack and fires `input` like typing.
    if (!this.doc.execCommand('insertText', false, text)) {
      this.ta.setRangeText(text, f.range.start, f.range.end, 'end');
      this.ta.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  destroy() {
    this.listeners.forEach((off) => off());
    this.resize.disconnect();
    this.mirror.remove();
    this.ta.classList.remove('bnd-textarea');
  }
}

// One Highlight per severity for the whole document; each adapter adds and removes its ranges.
function highlights(doc) {
  const win = doc.defaultView;
  if (!win.CSS?.highlights || typeof win.Highlight !== 'function') return null;
  doc.__bndHighlights ??= Object.fromEntries(
    SEVERITIES.map((s) => {
      const h = new win.Highlight();
      win.CSS.highlights.set(`bnd-${s}`, h);
      return [s, h];
    }),
  );
  return doc.__bndHighlights;
}

/** A contenteditable: the message is its rich text converted to WhatsApp markup. */
class ContentEditableAdapter {
  constructor(root) {
    this.root = root;
    this.host = root;
    this.doc = root.ownerDocument;
    this.marks = [];
    this.ranges = new Map();
    this.hl = highlights(this.doc);
    this.listeners = [];
    const on = (t, type, fn) => {
      t.addEventListener(type, fn);
      this.listeners.push(() => t.removeEventListener(type, fn));
    };
    on(root, 'input', () => this.changed?.());
    on(root, 'keydown', (ev) => navKey(ev, this.events));
    on(this.doc, 'selectionchange', () => {
      const s = this.doc.getSelection();
      if (s?.anchorNode && root.contains(s.anchorNode)) this.events?.caret();
    });
    on(root, 'mousemove', (ev) => {
      const hit = findingAt(this.marks, (f) => [...(this.ranges.get(f.index)?.getClientRects() ?? [])], ev.clientX, ev.clientY);
      this.events?.hover(hit?.finding ?? null, hit?.rect);
    });
    on(root, 'mouseleave', () => this.events?.hover(null));
  }

  onChange(cb) {
    this.changed = cb;
    return () => (this.changed = null);
  }

  read() {
    const map = domToWhatsApp(this.root);
    return { text: map.text, map };
  }

  #clear() {
    for (const [i, r] of this.ranges) {
      const f = this.marks.find((m) => m.index === i);
      if (f && this.hl) this.hl[f.severity]?.delete(r);
    }
    this.ranges.clear();
  }

  mark(findings) {
    this.#clear();
    this.marks = findings;
    for (const f of findings) {
      const r = this.doc.createRange();
      try {
        r.setStart(f.range.start.ref, f.range.start.off);
        r.setEnd(f.range.end.ref, f.range.end.off);
      } catch {
        continue; // the node went away since the check: the next report will redo it
      }
      this.ranges.set(f.index, r);
      this.hl?.[f.severity]?.add(r);
    }
  }

  rangeOf(f) {
    return this.ranges.get(f.index) ?? null;
  }

  rectOf(f) {
    return this.ranges.get(f.index)?.getBoundingClientRect() ?? this.root.getBoundingClientRect();
  }

  caretFinding(findings) {
    const s = this.doc.getSelection();
    if (!s?.rangeCount || !this.root.contains(s.focusNode)) return null;
    return findings.find((f) => {
      const r = this.ranges.get(f.index);
      return r && r.isPointInRange(s.focusNode, s.focusOffset);
    }) ?? null;
  }

  select(f) {
    const r = this.ranges.get(f.index);
    if (!r) return;
    this.root.focus();
    const s = this.doc.getSelection();
    s.removeAllRanges();
    s.addRange(r.cloneRange());
    (r.startContainer.parentElement ?? this.root).scrollIntoView({ block: 'nearest' });
  }

  replace(f, text) {
    this.select(f);
    this.doc.execCommand('insertText', false, text);
  }

  destroy() {
    this.#clear();
    this.listeners.forEach((off) => off());
  }
}

/** Wires an adapter to a controller and, unless `panel: false`, a findings panel. */
export function connect(adapter, options = {}) {
  const ctl = new CheckerController(adapter, options);
  adapter.events = ctl;
  if (options.panel !== false) {
    let container = options.panel;
    if (!container) {
      container = adapter.host.ownerDocument.createElement('div');
      (options.panelAfter ?? adapter.host).after(container);
    }
    ctl.panel = createPanel(ctl, container, options);
  }
  return ctl;
}

/**
 * Attaches the checker to a <textarea> or contenteditable element.
 * Options: profile (object, JSON text or URL), category, sendAt (RFC 3339), lang ('it'|'en'),
 * panel (element to render the panel into, or false), debounce (ms).
 * Returns the controller: gate(), copyForWhatsApp(), setCategory(), setSendAt(), setProfile(), destroy().
 */
export function attachChecker(target, options = {}) {
  if (!target || target.nodeType !== 1) throw new TypeError('attachChecker: serve un elemento / an element is required');
  const isTextarea = target instanceof target.ownerDocument.defaultView.HTMLTextAreaElement;
  if (!isTextarea && !target.isContentEditable) {
    throw new TypeError('attachChecker: serve una <textarea> o un elemento contenteditable / textarea or contenteditable required');
  }
  const adapter = isTextarea ? new TextareaAdapter(target) : new ContentEditableAdapter(target);
  return connect(adapter, options);
}
