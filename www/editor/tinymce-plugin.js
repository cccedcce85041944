// TinyMCE plugin, for TinyMCE 4.9 (WordPress's classic editor and form fields) to the current
// one. TinyMCE edits inside an iframe: everything goes through its API (getBody, selection,
// annotator, undoManager), never through the outer page's DOM. Findings become non-persistent
// annotations (TinyMCE 5+) or bogus spans (4.x, which has no annotator): either way they never
// reach getContent() nor the undo history.
//
//   registerTinyMcePlugin(tinymce);          // or, as a classic script: external_plugins (see the package)
//   tinymce.init({ plugins: 'banditore', toolbar: '... banditoreCheck',
//                  banditore: { profile, category, sendAt, lang, panel }, ... })
//   editor.execCommand('banditoreCheck')  // the pre-send gate; selects the first problem
//   editor.plugins.banditore.controller   // gate(), copyForWhatsApp(), ...

import { domToWhatsApp } from './whatsapp-format.js';
import { connect } from './attach-checker.js';
import { navKey } from './marks.js';

const NAME = 'banditore';
// TinyMCE names the button by its tooltip: it must start with the visible text (WCAG 2.5.3).
const UI = {
  it: { button: 'Verifica invio', tooltip: 'Verifica invio: controlla il messaggio prima di pubblicarlo (Ctrl+F8)' },
  en: { button: 'Check before sending', tooltip: 'Check before sending: the message, before it is published (Ctrl+F8)' },
};

/** TinyMCE 5+ annotations: TinyMCE wraps and unwraps them itself. */
function annotatorMarks(editor) {
  editor.annotator.register(NAME, {
    persistent: false,
    decorate: (uid, data) => ({
      classes: ['bnd-mark', `bnd-${data.severity}`],
      attributes: { 'data-bnd-index': String(data.index) },
    }),
  });
  return {
    clear: () => editor.annotator.removeAll(NAME),
    add(range, data) {
      editor.selection.setRng(range);
      editor.annotator.annotate(NAME, data);
    },
  };
}

/**
 * TinyMCE 4 has no usable annotator: spans with data-mce-bogus="1", which its serializer unwraps (they
 * never reach getContent()), one per text node the range crosses.
 */
function bogusMarks(editor) {
  return {
    clear() {
      for (const span of editor.getBody().querySelectorAll('span[data-bnd-index]')) {
        span.replaceWith(...span.childNodes);
      }
    },
    add(range, data) {
      const doc = editor.getDoc();
      const root = range.commonAncestorContainer;
      const texts = [];
      if (root.nodeType === 3) texts.push(root);
      else {
        const w = doc.createTreeWalker(root, 4);
        for (let t = w.nextNode(); t; t = w.nextNode()) if (range.intersectsNode(t)) texts.push(t);
      }
      for (const t of texts) {
        const from = t === range.startContainer ? range.startOffset : 0;
        const to = t === range.endContainer ? range.endOffset : t.data.length;
        if (from >= to) continue;
        if (to < t.data.length) t.splitText(to);
        const part = from > 0 ? t.splitText(from) : t;
        const span = doc.createElement('span');
        span.setAttribute('data-mce-bogus', '1');
        span.setAttribute('data-bnd-index', String(data.index));
        span.className = `bnd-mark bnd-${data.severity}`;
        part.parentNode.insertBefore(span, part);
        span.appendChild(part);
      }
    },
  };
}

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
  constructor(editor, marks) {
    this.editor = editor;
    this.marksApi = marks;
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
        this.marksApi.clear();
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
          this.marksApi.add(r, { index: f.index, severity: f.severity });
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

function addStylesheet(doc, href) {
  if ([...doc.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === href)) return;
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  doc.head.append(link);
}

/** The plugin's options: TinyMCE 6+ registers them, 4 and 5 read them from the settings. */
function readOptions(editor) {
  if (editor.options?.get) return editor.options.get(NAME) || {};
  if (typeof editor.getParam === 'function') return editor.getParam(NAME, {}, 'hash') || {};
  return editor.settings?.[NAME] || {};
}

/**
 * Registers the `banditore` plugin with TinyMCE (pass the global `tinymce`). `assetsUrl`: where the
 * checker's files are (the classic script passes its own folder); else they are found beside this module.
 */
export function registerTinyMcePlugin(tinymce = globalThis.tinymce, { assetsUrl, pageCss = false } = {}) {
  if (!tinymce) throw new Error('TinyMCE non caricato / TinyMCE is not loaded');
  // A function, not an arrow: TinyMCE 4 calls it with `new`.
  tinymce.PluginManager.add(NAME, function banditore(editor) {
    const plugin = { controller: null, adapter: null };
    if (editor.options?.register) editor.options.register(NAME, { processor: 'object', default: {} });
    const options = { ...readOptions(editor) };
    if (assetsUrl && !options.assetsUrl) options.assetsUrl = assetsUrl;
    const t = UI[options.lang] ?? UI.it;
    // The classic script brings the panel's stylesheet along, unless `banditore: { css: false }`.
    if (pageCss && options.assetsUrl && options.css !== false) addStylesheet(document, new URL('checker.css', options.assetsUrl).href);
    const run = async () => {
      const ctl = plugin.controller;
      if (!ctl) return null;
      const verdict = await ctl.gate();
      if (!verdict.allowed && ctl.ordered().length) ctl.go(1);
      return verdict;
    };
    // The command: the pre-send gate; `editor.plugins.banditore.lastVerdict` keeps its answer.
    editor.addCommand('banditoreCheck', () => {
      plugin.pending = run().then((v) => (plugin.lastVerdict = v));
    });
    if (editor.ui?.registry?.addButton) {
      editor.ui.registry.addButton('banditoreCheck', { text: t.button, tooltip: t.tooltip, onAction: () => editor.execCommand('banditoreCheck') });
    } else {
      editor.addButton('banditoreCheck', { text: t.button, tooltip: t.tooltip, onclick: () => editor.execCommand('banditoreCheck') });
    }
    editor.addShortcut('ctrl+f8', t.tooltip, 'banditoreCheck');
    editor.on('init', () => {
      const css = options.assetsUrl ? new URL('checker-content.css', options.assetsUrl) : new URL('./checker-content.css', import.meta.url);
      editor.dom.loadCSS(css.href);
      // TinyMCE 4.8-4.9 have an annotator without removeAll(): bogus spans there too.
      const marks = typeof editor.annotator?.removeAll === 'function' ? annotatorMarks(editor) : bogusMarks(editor);
      plugin.adapter = new TinyAdapter(editor, marks);
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
    // TinyMCE 4 calls this with `new` and keeps the object returned; 5+ keeps the return value.
    return plugin;
  });
}
