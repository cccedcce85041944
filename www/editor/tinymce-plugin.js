// TinyMCE plugin. TinyMCE edits inside an iframe: everything goes through its API (getBody,
// selection, annotator, undoManager), never through the outer page's DOM. Findings become
// non-persistent annotations: they never reach getContent() nor the undo history.
//
//   registerTinyMcePlugin(tinymce);
//   tinymce.init({ plugins: 'banditore', banditore: { profile, category, sendAt, lang, panel }, ... })
//   editor.plugins.banditore.controller   // gate(), copyForWhatsApp(), ...

import { domToWhatsApp } from './whatsapp-format.js';
import { connect } from './attach-checker.js';
import { navKey } from './marks.js';

const NAME = 'banditore';

// Caret as a character offset in the body's text, so it survives annotations splitting nodes.
function textOffset(body, node, off) {
  const doc = body.ownerDocument;
  const w = doc.createTreeWalker(body, 4);
  let n = 0;
  if (node.nodeType !== 3) {
    const r = doc.createRange();
    r.setStart(body, 0);
    r.setEnd(node, off);
    return r.toString().length;
  }
  for (let t = w.nextNode(); t; t = w.nextNode()) {
    if (t === node) return n + off;
    n += t.data.length;
  }
  return n;
}

function pointAt(body, n) {
  const w = body.ownerDocument.createTreeWalker(body, 4);
  let last = null;
  for (let t = w.nextNode(); t; t = w.nextNode()) {
    if (n <= t.data.length) return [t, n];
    n -= t.data.length;
    last = t;
  }
  return last ? [last, last.data.length] : [body, 0];
}

class TinyAdapter {
  constructor(editor) {
    this.editor = editor;
    this.host = editor.getContainer();
    this.marks = [];
    this.marking = false;
  }

  onChange(cb) {
    const fn = () => {
      if (!this.marking) cb();
    };
    const events = 'input ExecCommand Undo Redo SetContent change';
    this.editor.on(events, fn);
    return () => this.editor.off(events, fn);
  }

  read() {
    const map = domToWhatsApp(this.editor.getBody());
    return { text: map.text, map };
  }

  mark(findings) {
    const ed = this.editor;
    const body = ed.getBody();
    if (!body) return;
    this.marks = findings;
    // Same marks still in place: leave the DOM and the caret alone while the user types.
    const key = findings.map((f) => `${f.index}:${f.severity}:${f.start}-${f.end}`).join('|');
    const present = body.querySelector('[data-bnd-index]') !== null;
    if (key === this.shown && present === findings.length > 0) return;
    this.shown = key;
    if (!findings.length && !present) return;
    const sel = ed.selection;
    const rng = sel.getRng();
    let anchor = null;
    if (body.contains(rng.startContainer)) {
      const a = textOffset(body, rng.startContainer, rng.startOffset);
      anchor = [a, rng.collapsed ? a : textOffset(body, rng.endContainer, rng.endOffset)];
    }
    this.marking = true;
    try {
      ed.undoManager.ignore(() => {
        ed.annotator.removeAll(NAME);
        // Last to first: wrapping splits text nodes after the point, earlier refs stay valid.
        const ordered = [...findings].sort((a, b) => b.start - a.start);
        for (const f of ordered) {
          const { start, end } = f.range;
          if (start.ref === end.ref && start.off === end.off) continue; // nothing to wrap
          const r = ed.getDoc().createRange();
          try {
            r.setStart(start.ref, start.off);
            r.setEnd(end.ref, end.off);
          } catch {
            continue;
          }
          sel.setRng(r);
          ed.annotator.annotate(NAME, { index: f.index, severity: f.severity });
        }
      });
    } finally {
      if (anchor) {
        const [sn, so] = pointAt(body, anchor[0]);
        const [en, eo] = pointAt(body, anchor[1]);
        const r = ed.getDoc().createRange();
        r.setStart(sn, so);
        r.setEnd(en, eo);
        sel.setRng(r);
      }
      this.marking = false;
    }
  }

  elements(f) {
    return [...this.editor.getBody().querySelectorAll(`[data-bnd-index="${f.index}"]`)];
  }

  /** The text the annotation covers now. */
  markedText(f) {
    return this.elements(f).map((e) => e.textContent).join('');
  }

  #toPage(rect) {
    const frame = this.editor.iframeElement ?? this.editor.getContentAreaContainer().querySelector('iframe');
    if (!frame) return rect;
    const o = frame.getBoundingClientRect();
    return new DOMRect(rect.left + o.left, rect.top + o.top, rect.width, rect.height);
  }

  rectOf(f) {
    const el = this.elements(f)[0];
    return el ? this.#toPage(el.getBoundingClientRect()) : this.host.getBoundingClientRect();
  }

  rectOfElement(el) {
    return this.#toPage(el.getBoundingClientRect());
  }

  caretFinding(findings) {
    const node = this.editor.selection.getNode();
    const el = node?.closest?.('[data-bnd-index]');
    if (!el) return null;
    const i = Number(el.getAttribute('data-bnd-index'));
    return findings.find((f) => f.index === i) ?? null;
  }

  #rangeOf(f) {
    const els = this.elements(f);
    if (!els.length) return null;
    const r = this.editor.getDoc().createRange();
    r.setStart(els[0], 0);
    const last = els[els.length - 1];
    r.setEnd(last, last.childNodes.length);
    return r;
  }

  select(f) {
    const r = this.#rangeOf(f);
    if (!r) return;
    this.editor.focus();
    this.editor.selection.setRng(r);
    this.editor.selection.scrollIntoView();
  }

  replace(f, text) {
    const r = this.#rangeOf(f);
    if (!r) return;
    const ed = this.editor;
    ed.focus();
    ed.undoManager.transact(() => {
      ed.selection.setRng(r);
      ed.selection.setContent(ed.dom.encode(text));
    });
    ed.dispatch?.('input') ?? ed.fire('input');
  }

  destroy() {}
}

/** Registers the `banditore` plugin with TinyMCE (pass the global `tinymce`). */
export function registerTinyMcePlugin(tinymce = globalThis.tinymce) {
  if (!tinymce) throw new Error('TinyMCE non caricato / TinyMCE is not loaded');
  tinymce.PluginManager.add(NAME, (editor) => {
    const plugin = { controller: null, adapter: null };
    editor.options.register(NAME, { processor: 'object', default: {} });
    editor.on('init', () => {
      editor.dom.loadCSS(new URL('./checker-content.css', import.meta.url).href);
      editor.annotator.register(NAME, {
        persistent: false,
        decorate: (uid, data) => ({
          classes: ['bnd-mark', `bnd-${data.severity}`],
          attributes: { 'data-bnd-index': String(data.index) },
        }),
      });
      const options = editor.options.get(NAME) || {};
      plugin.adapter = new TinyAdapter(editor);
      plugin.controller = connect(plugin.adapter, options);
      const ctl = plugin.controller;
      // Braces matter: a TinyMCE handler returning false cancels the key.
      editor.on('keydown', (ev) => {
        navKey(ev, ctl);
      });
      editor.on('SelectionChange', () => ctl.caret());
      editor.on('mousemove', (ev) => {
        const el = ev.target.closest?.('[data-bnd-index]');
        const f = el && plugin.adapter.marks.find((x) => x.index === Number(el.getAttribute('data-bnd-index')));
        ctl.hover(f ?? null, f ? plugin.adapter.rectOfElement(el) : null);
      });
      editor.on('remove', () => ctl.destroy());
      options.onReady?.(ctl, editor);
    });
    return plugin;
  });
}
