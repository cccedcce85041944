// CKEditor 5 plugin. The message is read from the model (not the DOM): bold, italic,
// strikethrough, code, lists, code blocks, quotes and links become WhatsApp markup, each output
// character remembering its model element and offset. Findings become model markers (they move
// with edits, stay out of the data and of undo) drawn by a marker-to-highlight converter.
//
//   ClassicEditor.create(el, { plugins: [..., BanditoreChecker], licenseKey: 'GPL',
//     banditore: { profile: '/profiles/seveso.json', category, sendAt, lang, panel: element } })
//   editor.plugins.get('BanditoreChecker').controller   // gate(), copyForWhatsApp(), ...
//
// A plain class (no import of CKEditor's Plugin): the file works with any CKEditor 5 build.

import { blocksToWhatsApp } from './whatsapp-format.js';
import { connect } from './attach-checker.js';

const PREFIX = 'banditore:';
const CONTAINERS = new Set(['blockQuote', 'table', 'tableRow', 'tableCell', 'imageBlock', 'imageInline']);

/** The model root -> blocks for blocksToWhatsApp; runs reference (element, offset). */
export function modelToBlocks(root) {
  const blocks = [];
  let prevItem = null;
  const visit = (parent, quote) => {
    for (const el of parent.getChildren()) {
      if (!el.is('element')) continue;
      if (CONTAINERS.has(el.name) || el.name === 'caption') {
        if (el.name === 'caption' || !el.name.startsWith('image')) visit(el, quote || el.name === 'blockQuote');
        else for (const c of el.getChildren()) if (c.is('element', 'caption')) visit(c, quote);
        continue;
      }
      const block = { kind: 'p', runs: [], quote };
      const itemId = el.getAttribute('listItemId');
      if (itemId) {
        // A list item's second paragraph continues the item: no new bullet.
        if (itemId !== prevItem) {
          block.kind = 'li';
          block.list = el.getAttribute('listType') === 'numbered' ? 'numbered' : 'bulleted';
          block.indent = el.getAttribute('listIndent') || 0;
        }
        prevItem = itemId;
      } else {
        prevItem = null;
      }
      if (/^heading\d$/.test(el.name)) block.kind = 'h';
      else if (el.name === 'codeBlock') block.kind = 'pre';
      for (const n of el.getChildren()) {
        if (n.is('$text')) {
          block.runs.push({
            text: n.data,
            ref: el,
            off: n.startOffset,
            bold: n.hasAttribute('bold'),
            italic: n.hasAttribute('italic'),
            strike: n.hasAttribute('strikethrough'),
            code: n.hasAttribute('code'),
            href: n.getAttribute('linkHref') || null,
          });
        } else if (n.is('element', 'softBreak')) {
          block.runs.push({ br: true });
        }
      }
      blocks.push(block);
    }
  };
  visit(root, false);
  return blocks;
}

class CkAdapter {
  constructor(editor) {
    this.editor = editor;
    this.model = editor.model;
    this.host = editor.ui.view.element ?? editor.sourceElement;
    this.marks = [];
    this.shown = '';
  }

  onChange(cb) {
    const doc = this.model.document;
    const fn = () => cb();
    doc.on('change:data', fn);
    return () => doc.off('change:data', fn);
  }

  read() {
    const map = blocksToWhatsApp(modelToBlocks(this.model.document.getRoot()));
    return { text: map.text, map };
  }

  static nameOf(f) {
    return `${PREFIX}${f.severity}:${f.index}`;
  }

  mark(findings) {
    const key = findings.map((f) => `${CkAdapter.nameOf(f)}@${f.start}-${f.end}`).join('|');
    this.marks = findings;
    const model = this.model;
    model.change((writer) => {
      for (const m of [...model.markers]) if (m.name.startsWith(PREFIX)) writer.removeMarker(m);
      for (const f of findings) {
        const { start, end } = f.range;
        let range;
        try {
          range = model.createRange(model.createPositionAt(start.ref, start.off), model.createPositionAt(end.ref, end.off));
        } catch {
          continue; // the element changed since the check: the next report redoes it
        }
        writer.addMarker(CkAdapter.nameOf(f), { range, usingOperation: false, affectsData: false });
      }
    });
    this.shown = key;
  }

  marker(f) {
    return this.model.markers.get(CkAdapter.nameOf(f));
  }

  /** The text the marker covers now (for tests and the tooltip). */
  markedText(f) {
    const m = this.marker(f);
    if (!m) return null;
    let s = '';
    for (const item of m.getRange().getItems()) if (item.is('$textProxy') || item.is('$text')) s += item.data;
    return s;
  }

  domElements(f) {
    const view = this.editor.editing;
    const els = view.mapper.markerNameToElements(CkAdapter.nameOf(f));
    if (!els) return [];
    return [...els].map((v) => view.view.domConverter.mapViewToDom(v)).filter(Boolean);
  }

  rectOf(f) {
    const el = this.domElements(f)[0];
    return el ? el.getBoundingClientRect() : this.host.getBoundingClientRect();
  }

  caretFinding(findings) {
    const pos = this.model.document.selection.getFirstPosition();
    if (!pos) return null;
    // Boundaries count: a caret right before or after the number is "on" it.
    return (
      findings.find((f) => {
        const r = this.marker(f)?.getRange();
        return r && (r.containsPosition(pos) || r.start.isEqual(pos) || r.end.isEqual(pos));
      }) ?? null
    );
  }

  select(f) {
    const m = this.marker(f);
    if (!m) return;
    this.model.change((writer) => writer.setSelection(m.getRange()));
    this.editor.editing.view.focus();
    this.editor.editing.view.scrollToTheSelection();
  }

  replace(f, text) {
    const m = this.marker(f);
    if (!m) return;
    const range = m.getRange();
    const first = [...range.getItems()].find((i) => i.is('$textProxy'));
    const attrs = first ? Object.fromEntries(first.getAttributes()) : {};
    this.model.change((writer) => {
      this.model.insertContent(writer.createText(text, attrs), range);
    });
  }

  destroy() {}
}

export class BanditoreChecker {
  static get pluginName() {
    return 'BanditoreChecker';
  }

  constructor(editor) {
    this.editor = editor;
  }

  init() {
    const editor = this.editor;
    const markerClasses = (name) => {
      const severity = name.slice(PREFIX.length).split(':')[0];
      return { classes: ['bnd-mark', `bnd-${severity}`], attributes: { 'data-bnd-marker': name }, priority: severity === 'error' ? 12 : 11 };
    };
    editor.conversion.for('editingDowncast').markerToHighlight({ model: 'banditore', view: (data) => markerClasses(data.markerName) });
    editor.keystrokes.set('F8', (ev, cancel) => {
      this.controller?.key('next');
      cancel();
    });
    editor.keystrokes.set('Shift+F8', (ev, cancel) => {
      this.controller?.key('prev');
      cancel();
    });
  }

  afterInit() {
    const editor = this.editor;
    const options = editor.config.get('banditore') || {};
    this.adapter = new CkAdapter(editor);
    this.controller = connect(this.adapter, options);
    const ctl = this.controller;
    editor.model.document.selection.on('change:range', () => ctl.caret());
    // Hover: the highlight's view elements carry the marker's name.
    editor.ui.once('ready', () => this.#bindHover());
    if (editor.ui.getEditableElement()) this.#bindHover();
    options.onReady?.(ctl, editor);
  }

  #bindHover() {
    const dom = this.editor.ui.getEditableElement();
    if (!dom || this.hoverBound) return;
    this.hoverBound = true;
    dom.addEventListener('mousemove', (ev) => {
      const el = ev.target.closest?.('[data-bnd-marker]');
      const f = el && this.adapter.marks.find((x) => CkAdapter.nameOf(x) === el.getAttribute('data-bnd-marker'));
      this.controller.hover(f ?? null, f ? el.getBoundingClientRect() : null);
    });
    dom.addEventListener('mouseleave', () => this.controller.hover(null));
  }

  destroy() {
    this.controller?.destroy();
  }
}
