// CKEditor 5 plugin, by CKEditor's conventions: an editing part (model markers, the
// `banditoreCheck` command, keystrokes listed in the editor's keyboard help) and a UI part (a
// toolbar button with the count of problems, from the component factory), glued by
// `BanditoreChecker`. The message is read from the model (not the DOM): bold, italic,
// strikethrough, code, lists, code blocks, quotes and links become WhatsApp markup, each output
// character remembering its model element and offset. Findings become model markers (they move
// with edits, stay out of the data and of undo) drawn by a marker-to-highlight converter.
//
//   import { ClassicEditor, Essentials, Paragraph } from 'ckeditor5';
//   import { BanditoreChecker } from '@banditore/checker/ckeditor5';
//   ClassicEditor.create(el, { plugins: [Essentials, Paragraph, BanditoreChecker], licenseKey: 'GPL',
//     toolbar: ['banditoreCheck'],
//     banditore: { profile: '/profiles/seveso.json', category, sendAt, lang, panel: element } })
//   editor.execute('banditoreCheck')                         // the pre-send gate; resolves its verdict
//   editor.plugins.get('BanditoreChecker').controller         // gate(), copyForWhatsApp(), ...

import { Plugin, Command, ButtonView } from 'ckeditor5';
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

const UI = {
  it: {
    button: (n) => (n === 0 ? 'Verifica: nessun problema' : `Verifica: ${n} ${n === 1 ? 'problema' : 'problemi'}`),
    tooltip: 'Verifica il messaggio prima dell’invio (Ctrl+F8)',
    loading: 'Verifica…',
    group: 'Controllo prima dell’invio (Banditore)',
    next: 'Vai al problema successivo segnalato',
    prev: 'Vai al problema precedente segnalato',
    run: 'Verifica il messaggio prima dell’invio',
  },
  en: {
    button: (n) => (n === 0 ? 'Check: no problems' : `Check: ${n} problem${n === 1 ? '' : 's'}`),
    tooltip: 'Check the message before sending (Ctrl+F8)',
    loading: 'Checking…',
    group: 'Pre-send check (Banditore)',
    next: 'Go to the next problem found',
    prev: 'Go to the previous problem found',
    run: 'Check the message before sending',
  },
};
const uiText = (editor) => UI[editor.config.get('banditore.lang')] ?? UI.it;

/**
 * `banditoreCheck`: runs the pre-send gate on the message as it is now, selects the first problem
 * if there is one, and resolves the gate's verdict. Its value is the number of problems (errors
 * and warnings) in the last report, or null while no report is there.
 */
export class BanditoreCheckCommand extends Command {
  constructor(editor) {
    super(editor);
    // Checking changes nothing: the command works in read-only mode too.
    this.affectsData = false;
    this.value = null;
  }

  refresh() {
    const ctl = this.editor.plugins.get('BanditoreCheckerEditing').controller;
    this.isEnabled = !!ctl;
    this.value = ctl?.report ? ctl.findings.filter((f) => f.severity !== 'info').length : null;
  }

  async execute() {
    const ctl = this.editor.plugins.get('BanditoreCheckerEditing').controller;
    if (!ctl) return null;
    const verdict = await ctl.gate();
    this.refresh();
    if (!verdict.allowed && ctl.ordered().length) ctl.go(1);
    return verdict;
  }
}

/** Markers, the command, keystrokes and the controller that checks as the user types. */
export class BanditoreCheckerEditing extends Plugin {
  static get pluginName() {
    return 'BanditoreCheckerEditing';
  }

  static get isOfficialPlugin() {
    return false;
  }

  constructor(editor) {
    super(editor);
    this.controller = null;
    // Defaults merged under what the integrator gives in `banditore: {...}`.
    editor.config.define('banditore', { lang: 'it', debounce: 250, worker: true, category: '', sendAt: '' });
  }

  init() {
    const editor = this.editor;
    const t = uiText(editor);
    const markerClasses = (name) => {
      const severity = name.slice(PREFIX.length).split(':')[0];
      return { classes: ['bnd-mark', `bnd-${severity}`], attributes: { 'data-bnd-marker': name }, priority: severity === 'error' ? 12 : 11 };
    };
    editor.conversion.for('editingDowncast').markerToHighlight({ model: 'banditore', view: (data) => markerClasses(data.markerName) });
    editor.commands.add('banditoreCheck', new BanditoreCheckCommand(editor));
    const key = (keystroke, fn) =>
      editor.keystrokes.set(keystroke, (ev, cancel) => {
        fn();
        cancel();
      });
    key('F8', () => this.controller?.key('next'));
    key('Shift+F8', () => this.controller?.key('prev'));
    key('Ctrl+F8', () => editor.execute('banditoreCheck'));
    // Listed in CKEditor's keyboard help (Alt+0), like the editor's own shortcuts.
    editor.accessibility.addKeystrokeInfos({
      keystrokes: [
        { label: t.next, keystroke: 'F8' },
        { label: t.prev, keystroke: 'Shift+F8' },
        { label: t.run, keystroke: 'Ctrl+F8' },
      ],
    });
  }

  afterInit() {
    const editor = this.editor;
    const options = { ...editor.config.get('banditore') };
    this.adapter = new CkAdapter(editor);
    this.controller = connect(this.adapter, options);
    const ctl = this.controller;
    const command = editor.commands.get('banditoreCheck');
    ctl.addEventListener('report', () => command.refresh());
    ctl.addEventListener('profile', () => command.refresh());
    command.refresh();
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
    super.destroy();
  }
}

/** The `banditoreCheck` toolbar button: runs the check, shows how many problems are left. */
export class BanditoreCheckerUI extends Plugin {
  static get pluginName() {
    return 'BanditoreCheckerUI';
  }

  static get isOfficialPlugin() {
    return false;
  }

  init() {
    const editor = this.editor;
    const t = uiText(editor);
    editor.ui.componentFactory.add('banditoreCheck', (locale) => {
      const command = editor.commands.get('banditoreCheck');
      const view = new ButtonView(locale);
      view.set({ withText: true, tooltip: t.tooltip, keystroke: 'Ctrl+F8', class: 'bnd-ck-button' });
      view.bind('label').to(command, 'value', (n) => (n == null ? t.loading : t.button(n)));
      view.bind('isEnabled').to(command, 'isEnabled');
      this.listenTo(view, 'execute', () => {
        editor.execute('banditoreCheck');
        editor.editing.view.focus();
      });
      return view;
    });
  }
}

/** The plugin to add: the editing and UI parts. */
export class BanditoreChecker extends Plugin {
  static get pluginName() {
    return 'BanditoreChecker';
  }

  static get requires() {
    return [BanditoreCheckerEditing, BanditoreCheckerUI];
  }

  static get isOfficialPlugin() {
    return false;
  }

  /** The checker's controller: gate(), copyForWhatsApp(), setCategory(), setSendAt(), ... */
  get controller() {
    return this.editor.plugins.get(BanditoreCheckerEditing).controller;
  }
}
