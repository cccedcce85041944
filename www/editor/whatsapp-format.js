// Rich text -> the text WhatsApp will receive, with a map from every output character back to
// the editor's own position (a DOM text node or a CKEditor model element, and an offset).
//
// Editors give us blocks of inline runs; we emit WhatsApp markup (*bold*, _italic_, ~strike~,
// ```code```, "- " and "1. " lists, "> " quotes, links as their URL). The checker reports UTF-16
// offsets in that output; `mapRange` turns them back into editor positions so the mark lands on
// exactly the characters the finding is about, whatever markup was added before it.

const MARKS = { bold: '*', italic: '_', strike: '~', code: '```' };
// Nesting order, outermost first: WhatsApp renders nothing inside ```code```, so code is innermost.
const ORDER = ['bold', 'italic', 'strike', 'code'];
const WS = /\s/;

/** Output text plus, per UTF-16 unit, where it came from (or null for added markup). */
export class WaText {
  constructor() {
    this.text = '';
    this.refs = [];
    this.offs = [];
    // Characters that stand for a whole source range (a link's URL stands for its text).
    this.spanEnds = new Map();
  }

  get length() {
    return this.text.length;
  }

  /** Appends `str`; char i maps to (ref, off + i). With `end`, every char maps to the range (ref, off)..end. */
  push(str, ref = null, off = 0, end = null) {
    this.insert(this.text.length, str, ref, off, end);
  }

  insert(at, str, ref = null, off = 0, end = null) {
    if (!str) return;
    if (at === this.text.length) {
      // Appending is the common case: no copying of what is already there.
      for (let i = 0; i < str.length; i++) {
        this.refs.push(ref);
        this.offs.push(ref == null ? -1 : end ? off : off + i);
      }
      this.text += str;
    } else {
      const refs = new Array(str.length);
      const offs = new Array(str.length);
      for (let i = 0; i < str.length; i++) {
        refs[i] = ref;
        offs[i] = ref == null ? -1 : end ? off : off + i;
      }
      this.text = this.text.slice(0, at) + str + this.text.slice(at);
      this.refs.splice(at, 0, ...refs);
      this.offs.splice(at, 0, ...offs);
    }
    if (this.spanEnds.size || end) this.#shiftSpans(at, str.length, end);
  }

  #shiftSpans(at, n, end) {
    const moved = new Map();
    for (const [i, e] of this.spanEnds) moved.set(i >= at ? i + n : i, e);
    if (end) for (let i = at; i < at + n; i++) moved.set(i, end);
    this.spanEnds = moved;
  }

  /** Source range `{ start: {ref, off}, end: {ref, off} }` of output [start, end), or null if it is all markup. */
  mapRange(start, end) {
    let i = Math.max(0, start);
    const stop = Math.min(end, this.text.length);
    while (i < stop && this.refs[i] == null) i++;
    let j = stop - 1;
    while (j >= i && this.refs[j] == null) j--;
    if (i >= stop || j < i) return this.#collapsed(start);
    const endPoint = this.spanEnds.get(j) ?? { ref: this.refs[j], off: this.offs[j] + 1 };
    return { start: { ref: this.refs[i], off: this.offs[i] }, end: endPoint };
  }

  // A range on markup only (a finding on a bare "*"): the nearest source point before it.
  #collapsed(at) {
    for (let k = Math.min(at, this.text.length) - 1; k >= 0; k--) {
      if (this.refs[k] != null) {
        const p = this.spanEnds.get(k) ?? { ref: this.refs[k], off: this.offs[k] + 1 };
        return { start: p, end: p };
      }
    }
    for (let k = at; k < this.text.length; k++) {
      if (this.refs[k] != null) {
        const p = { ref: this.refs[k], off: this.offs[k] };
        return { start: p, end: p };
      }
    }
    return null;
  }
}

/**
 * Blocks -> WhatsApp text.
 * block: { kind: 'p' | 'h' | 'li' | 'pre' | 'quote', list?: 'bulleted' | 'numbered', indent?: n, quote?: bool, runs }
 * run:   { text, ref, off, bold?, italic?, strike?, code?, href? } | { br: true }
 */
export function blocksToWhatsApp(blocks) {
  const out = new WaText();
  const counters = [];
  blocks.forEach((block, n) => {
    if (n > 0) out.push('\n');
    if (block.quote) out.push('> ');
    if (block.kind === 'li') {
      const indent = block.indent || 0;
      counters.length = indent + 1;
      out.push('   '.repeat(indent));
      if (block.list === 'numbered') {
        counters[indent] = (counters[indent] || 0) + 1;
        out.push(`${counters[indent]}. `);
      } else {
        counters[indent] = 0;
        out.push('- ');
      }
    } else {
      counters.length = 0;
    }
    const runs = trimTrailingBreaks(block.runs);
    if (block.kind === 'pre') {
      out.push('```');
      for (const r of runs) r.br ? out.push('\n') : out.push(r.text, r.ref, r.off);
      out.push('```');
    } else if (block.kind === 'h') {
      emitInline(out, runs.map((r) => (r.br ? r : { ...r, bold: true })));
    } else {
      emitInline(out, runs);
    }
  });
  return out;
}

function trimTrailingBreaks(runs) {
  let end = runs.length;
  while (end > 0 && runs[end - 1].br) end--;
  return end === runs.length ? runs : runs.slice(0, end);
}

/** Inline runs with flat attributes -> nested WhatsApp markers, whitespace kept outside them. */
function emitInline(out, runs) {
  const stack = []; // { kind, at: output index after the opening marker, pending }
  const close = () => {
    const m = stack.pop();
    if (m.pending) return; // opened on whitespace only: nothing to wrap
    let end = out.length;
    while (end > m.at && WS.test(out.text[end - 1])) end--;
    if (end === m.at) {
      // Only whitespace inside: drop the opening marker instead of emitting "**".
      out.text = out.text.slice(0, m.at - MARKS[m.kind].length) + out.text.slice(m.at);
      out.refs.splice(m.at - MARKS[m.kind].length, MARKS[m.kind].length);
      out.offs.splice(m.at - MARKS[m.kind].length, MARKS[m.kind].length);
      return;
    }
    out.insert(end, MARKS[m.kind]);
  };
  const flushPending = () => {
    for (const m of stack) {
      if (m.pending) {
        out.push(MARKS[m.kind]);
        m.pending = false;
        m.at = out.length;
      }
    }
  };
  const text = (str, ref, off, end = null) => {
    let lead = 0;
    if (stack.some((m) => m.pending)) {
      while (lead < str.length && WS.test(str[lead])) lead++;
      if (lead) out.push(str.slice(0, lead), ref, off, end);
      if (lead === str.length) return;
      flushPending();
    }
    out.push(str.slice(lead), ref, end ? off : off + lead, end);
  };

  for (const group of linkGroups(runs)) {
    for (const r of group.runs) {
      if (r.br) {
        // WhatsApp markers do not span lines.
        while (stack.length) close();
        out.push('\n');
        continue;
      }
      const want = r.code ? ['code'] : ORDER.filter((k) => r[k]);
      let k = 0;
      while (k < stack.length && k < want.length && stack[k].kind === want[k]) k++;
      while (stack.length > k) close();
      for (const kind of want.slice(k)) stack.push({ kind, at: out.length, pending: true });
      if (group.prefix && r === group.runs[0]) text(group.prefix, r.ref, r.off, { ref: r.ref, off: r.off });
      text(r.text, r.ref, r.off);
    }
    if (group.suffix) {
      while (stack.length) close();
      const first = group.runs[0];
      const last = group.runs[group.runs.length - 1];
      out.push(group.suffix, first.ref, first.off, { ref: last.ref, off: last.off + last.text.length });
    }
  }
  while (stack.length) close();
}

/** Consecutive runs sharing a link become one group: a link is sent as its URL. */
function linkGroups(runs) {
  const groups = [];
  for (const r of runs) {
    const last = groups[groups.length - 1];
    if (last && r.href && last.href === r.href) last.runs.push(r);
    else groups.push({ href: r.br ? null : r.href || null, runs: [r] });
  }
  for (const g of groups) {
    if (!g.href) continue;
    const label = g.runs.map((r) => r.text).join('');
    const href = g.href;
    if (label === href) continue;
    const scheme = href.match(/^[a-z][a-z0-9+.-]*:(\/\/)?/i)?.[0] || '';
    if (scheme && scheme + label === href) g.prefix = scheme;
    else if (href.startsWith('mailto:') && label === href.slice(7)) continue;
    else g.suffix = ` (${href.replace(/^mailto:/, '')})`;
  }
  return groups;
}

// ---- DOM (contenteditable, TinyMCE's body) -> blocks -------------------------------------

const BLOCK = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'TABLE', 'TBODY', 'THEAD',
  'TR', 'TD', 'TH', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'DL', 'DT', 'DD', 'HR', 'ADDRESS',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IMG', 'VIDEO', 'AUDIO', 'IFRAME', 'OBJECT', 'SVG']);
// Zero-width characters editors use as caret containers; never sent.
const INVISIBLE = /[\uFEFF\u200B]/;

function inlineAttrs(el) {
  const a = {};
  switch (el.nodeName) {
    case 'B': case 'STRONG': a.bold = true; break;
    case 'I': case 'EM': a.italic = true; break;
    case 'S': case 'STRIKE': case 'DEL': a.strike = true; break;
    case 'CODE': case 'KBD': case 'SAMP': case 'TT': a.code = true; break;
    case 'A': if (el.getAttribute('href')) a.href = el.getAttribute('href'); break;
  }
  const st = el.style;
  if (st) {
    if (st.fontWeight === 'bold' || Number(st.fontWeight) >= 600) a.bold = true;
    if (st.fontStyle === 'italic') a.italic = true;
    if ((st.textDecoration || st.textDecorationLine || '').includes('line-through')) a.strike = true;
  }
  return a;
}

/** Reads a contenteditable root into blocks; text runs reference the DOM text nodes. */
export function domToBlocks(root) {
  const blocks = [];
  let cur = null;
  const open = (c, kind, extra = {}) => {
    cur = { kind, runs: [], quote: c.quote, ...extra };
    blocks.push(cur);
    return cur;
  };
  const ensure = (c) => cur || open(c, c.pre ? 'pre' : 'p');
  const addText = (node, attrs, c) => {
    const data = node.data;
    if (!data) return;
    const b = ensure(c);
    // Source HTML whitespace is collapsed by the browser outside <pre>; mirror that.
    let from = 0;
    for (let i = 0; i <= data.length; i++) {
      if (i === data.length || INVISIBLE.test(data[i])) {
        if (i > from) pushPiece(b, data.slice(from, i), node, from, attrs, c);
        from = i + 1;
      }
    }
  };
  const pushPiece = (b, str, node, off, attrs, c) => {
    let s = str.replace(/\u00A0/g, ' ');
    if (!c.pre) s = s.replace(/[\t\n\r]/g, ' ');
    if (c.pre && s.includes('\n')) {
      const parts = s.split('\n');
      let o = off;
      parts.forEach((p, k) => {
        if (k) b.runs.push({ br: true });
        if (p) b.runs.push({ text: p, ref: node, off: o, ...attrs });
        o += p.length + 1;
      });
      return;
    }
    b.runs.push({ text: s, ref: node, off, ...attrs });
  };
  const walk = (node, attrs, c) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        addText(child, attrs, c);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.nodeName.toUpperCase();
      if (SKIP.has(tag) || child.getAttribute('data-mce-bogus') === 'all' || child.hidden) continue;
      if (tag === 'BR') {
        if (child.getAttribute('data-mce-bogus')) continue;
        ensure(c).runs.push({ br: true });
        continue;
      }
      if (!BLOCK.has(tag)) {
        walk(child, { ...attrs, ...inlineAttrs(child) }, c);
        continue;
      }
      cur = null;
      let c2 = c;
      if (tag === 'UL' || tag === 'OL') {
        c2 = { ...c, list: tag === 'OL' ? 'numbered' : 'bulleted', indent: c.list ? c.indent + 1 : 0 };
      } else if (tag === 'BLOCKQUOTE') {
        c2 = { ...c, quote: true };
      } else if (tag === 'PRE') {
        c2 = { ...c, pre: true };
        open(c2, 'pre');
      } else if (tag === 'LI') {
        open(c, 'li', { list: c.list || 'bulleted', indent: c.indent || 0 });
      } else if (/^H[1-6]$/.test(tag)) {
        open(c, 'h');
      }
      walk(child, tag === 'PRE' ? { ...attrs } : attrs, c2);
      cur = null;
    }
  };
  walk(root, {}, { quote: false, list: null, indent: 0, pre: false });
  // Empty lines typed as empty blocks are kept (they are blank lines in the message).
  return blocks;
}

/** DOM root -> { text, map } ready for the checker. */
export function domToWhatsApp(root) {
  return blocksToWhatsApp(domToBlocks(root));
}

// ---- WhatsApp text -> preview nodes (always text nodes, never HTML) -----------------------

const INLINE = [
  { re: /```([\s\S]+?)```/y, tag: 'code' },
  { re: /\*(?=[^\s*])([^*\n]*?[^\s*])\*/y, tag: 'strong' },
  { re: /_(?=[^\s_])([^_\n]*?[^\s_])_/y, tag: 'em' },
  { re: /~(?=[^\s~])([^~\n]*?[^\s~])~/y, tag: 's' },
];

/** Renders WhatsApp-formatted text into `container` as WhatsApp shows it. */
export function renderWhatsAppPreview(text, container) {
  const doc = container.ownerDocument;
  container.replaceChildren();
  const lines = text.split('\n');
  lines.forEach((line, n) => {
    if (n) container.append(doc.createElement('br'));
    let target = container;
    const q = line.match(/^> /);
    if (q) {
      target = doc.createElement('span');
      target.className = 'bnd-wa-quote';
      container.append(target);
      line = line.slice(2);
    }
    appendInline(line, target, doc);
  });
}

function appendInline(str, parent, doc) {
  let plain = '';
  const flush = () => {
    if (plain) parent.append(doc.createTextNode(plain));
    plain = '';
  };
  for (let i = 0; i < str.length; ) {
    const prev = i ? str[i - 1] : ' ';
    let matched = false;
    // WhatsApp only opens a marker at a word boundary.
    if (!/[\p{L}\p{N}]/u.test(prev)) {
      for (const { re, tag } of INLINE) {
        re.lastIndex = i;
        const m = re.exec(str);
        if (m) {
          // Read lastIndex before recursing: the nested call reuses these regexes.
          const next = re.lastIndex;
          flush();
          const el = doc.createElement(tag);
          if (tag === 'code') el.textContent = m[1];
          else appendInline(m[1], el, doc);
          parent.append(el);
          i = next;
          matched = true;
          break;
        }
      }
    }
    if (!matched) plain += str[i++];
  }
  flush();
}
