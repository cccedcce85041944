// What every editor integration shares: debounced checking, findings mapped to the editor's
// positions, navigation, fixes, the pre-send gate and "Copia per WhatsApp". An adapter
// (textarea, contenteditable, CKEditor 5, TinyMCE) knows its editor; this knows the checker.
//
// Adapter: { host, read() -> { text, map }, onChange(cb), mark(findings), select(f), replace(f, text),
//            caretFinding(findings) -> f | null, rectOf(f), destroy() }
// `map` is a WaText (see whatsapp-format.js), or null when the editor's text is the message itself.

import { createCheckerClient } from './checker-core.js';

/** What a verdict judges: the exact text, category and send time (one string, to compare). */
const keyOf = (draft) => JSON.stringify([draft.text, draft.category ?? '', draft.send_at ?? '']);

// Events already answered by a controller (an event seen on the host and again on the document).
const answered = new WeakMap();
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

export class CheckerController extends EventTarget {
  constructor(adapter, { profile, category = '', sendAt = '', lang = 'it', debounce = 250, worker = true, assetsUrl, checker = {} } = {}) {
    super();
    this.adapter = adapter;
    this.host = adapter.host;
    this.category = category || '';
    this.sendAt = sendAt || '';
    this.lang = lang;
    this.delay = debounce;
    this.worker = worker;
    // Passed to createCheckerClient: workerUrl, wasmUrl, pkgUrl, timeouts (bundled builds set them).
    // `assetsUrl`: the folder holding the checker's worker, glue and .wasm, when a bundler moved
    // the code away from them (see docs/checker-api.md).
    this.checkerOptions = assetsUrl ? { ...checker, baseUrl: assetsUrl } : checker;
    this.checkError = null; // the last check failed (crash, timeout): shown, and the gate stays closed
    this.profileLoads = 0;
    this.report = null;
    this.findings = [];
    this.error = null;
    this.dirty = true;
    this.current = -1;
    this.version = 0;
    this.checkedVersion = -1;
    this.timer = 0;
    this.unsubscribe = adapter.onChange(() => this.#changed());
    this.onBeforeSend = (ev) => this.#beforeSendEvent(ev);
    // On the host (a non-bubbling event dispatched on the editor) and on the document (one
    // event for every editor on the page, or a bubbling one from inside).
    this.host.addEventListener('banditore:before-send', this.onBeforeSend);
    this.host.ownerDocument.addEventListener('banditore:before-send', this.onBeforeSend);
    this.ready = this.setProfile(profile);
  }

  /** Loads (or switches) the profile; a missing or invalid one leaves the gate closed with a clear error. */
  async setProfile(profile) {
    // Only the last profile asked for may win: an older, slower load is cancelled (its worker
    // terminated) and its result, if it still arrives, thrown away (issue 12 item 11).
    const load = ++this.profileLoads;
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    this.client?.destroy();
    this.client = null;
    this.error = null;
    this.checkError = null;
    this.report = null;
    this.reportKey = null;
    this.profile = profile;
    this.#emit('profile');
    let client;
    try {
      client = await createCheckerClient(profile, { ...this.checkerOptions, lang: this.lang, worker: this.worker, signal: loading.signal });
    } catch (e) {
      if (load !== this.profileLoads || this.destroyed) return;
      this.error = e;
      this.report = null;
      this.findings = [];
      this.adapter.mark([]);
      this.#emit('profile');
      this.#emit('report');
      return;
    }
    if (load !== this.profileLoads || this.destroyed) {
      client.destroy();
      return;
    }
    this.client = client;
    const cats = this.client.categories.map((c) => c.id);
    if (this.category && !cats.includes(this.category)) this.category = '';
    this.#emit('profile');
    await this.flush();
  }

  setCategory(id) {
    this.category = id || '';
    this.#changed(0);
  }

  /** `rfc3339` or '' for "now". */
  setSendAt(rfc3339) {
    this.sendAt = rfc3339 || '';
    this.#changed(0);
  }

  /** The message exactly as it will be sent. */
  text() {
    return this.adapter.read().text;
  }

  draft(text) {
    return { text, category: this.category || undefined, send_at: this.sendAt || undefined };
  }

  #changed(delay = this.delay) {
    this.version++;
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), delay);
  }

  /**
   * Checks now; resolves with the report of the text, category and send time as they are when
   * it resolves, or null when no profile is loaded or the check failed. Never an older report.
   */
  flush() {
    clearTimeout(this.timer);
    const run = this.#flush();
    this.latestFlush = run;
    return run;
  }

  async #flush() {
    const client = this.client;
    if (!client) return null;
    const version = this.version;
    const read = this.adapter.read();
    const draft = this.draft(read.text);
    let report;
    try {
      report = await client.check(draft, { lang: this.lang });
    } catch (e) {
      if (client !== this.client || client.destroyed) return null; // the profile changed meanwhile
      this.#failed(e, keyOf(draft));
      return null;
    }
    // A newer check started meanwhile: its answer is the current one.
    if (client !== this.client) return null; // the profile changed meanwhile
    if (!report) return this.latestFlush; // only a newer flush() drops this check
    if (version !== this.version) return this.flush(); // typed meanwhile: positions are stale
    this.error = null;
    this.checkError = null;
    this.#apply(report, read, keyOf(draft));
    this.checkedVersion = version;
    this.dirty = false;
    return report;
  }

  /** A check that crashed or timed out: no marks, a clear message, the gate closed. */
  #failed(e, key) {
    this.checkError = e;
    this.failedKey = key;
    this.report = null;
    this.reportKey = null;
    this.findings = [];
    this.adapter.mark([]);
    this.#emit('report');
  }

  #apply(report, read, key) {
    this.report = report;
    this.reportKey = key;
    this.lastText = read.text;
    this.findings = report.findings
      .map((f, i) => {
        const range = f.end > f.start || f.text ? (read.map ? read.map.mapRange(f.start, f.end) : { start: f.start, end: f.end }) : null;
        return { ...f, id: `${f.rule}@${f.start}-${f.end}#${i}`, range };
      })
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start);
    this.findings.forEach((f, i) => (f.index = i));
    this.adapter.mark(this.findings.filter((f) => f.range));
    if (this.current >= this.findings.length) this.current = -1;
    this.#emit('report');
    this.host.dispatchEvent(new CustomEvent('banditore:report', { detail: { report, text: read.text }, bubbles: true }));
  }

  /** In document order: what F8 walks through. */
  ordered() {
    return this.findings.filter((f) => f.range).sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Moves the editor's selection to the next (+1) or previous (-1) finding. */
  go(step) {
    const list = this.ordered();
    if (!list.length) return null;
    const at = list.findIndex((f) => f.index === this.current);
    const next = list[(at + step + list.length) % list.length] ?? list[0];
    this.focusFinding(next.index);
    return next;
  }

  focusFinding(index) {
    const f = this.findings[index];
    if (!f) return;
    this.current = index;
    if (f.range) this.adapter.select(f);
    this.#emit('focus', { finding: f });
  }

  /** Replaces the finding's text in the editor with its fix, then re-checks. */
  async applyFix(index) {
    const f = this.findings[index];
    if (!f || f.fix == null || !f.range) return false;
    this.adapter.replace(f, f.fix);
    this.#changed(0);
    await this.flush();
    return true;
  }

  /**
   * The pre-send gate. Resolves { allowed, report, errors, reason, draft }: `draft` is exactly what
   * was judged (text, category, send time), and `allowed` is true only if that is still what the
   * editor holds when the verdict is given. Refuses while an error remains, while no profile is
   * loaded, when the check cannot run, or when the message changed during the check ('changed').
   * Each call runs its own check, never dropped for a newer one (issue 12 item 4).
   */
  async gate() {
    const client = this.client;
    if (!client) return this.#verdict(null, this.error ? 'profile' : 'loading');
    const version = this.version;
    const read = this.adapter.read();
    const draft = this.draft(read.text);
    let report;
    try {
      report = await client.checkNow(draft, { lang: this.lang });
    } catch (e) {
      if (client === this.client && !client.destroyed) this.#failed(e, keyOf(draft));
      return this.#verdict(null, 'check-failed', draft);
    }
    if (client !== this.client) return this.#verdict(null, 'changed', draft);
    const now = this.draft(this.adapter.read().text);
    if (keyOf(now) !== keyOf(draft)) return this.#verdict(report, 'changed', draft);
    if (version === this.version) {
      this.error = null;
      this.checkError = null;
      this.#apply(report, read, keyOf(draft));
      this.checkedVersion = version;
      this.dirty = false;
    }
    return this.#verdict(report, report.can_send ? null : 'errors', draft);
  }

  #verdict(report, reason, draft = null) {
    const errors = report ? report.findings.filter((f) => f.severity === 'error') : [];
    const v = { allowed: !!report && report.can_send && !reason, report, errors, reason, draft };
    this.#emit('gate', v);
    return v;
  }

  // The CMS dispatches a cancelable `banditore:before-send` on the editor (or the document);
  // the check it needs is usually done already, so the answer is synchronous. A stale or
  // missing report refuses ("pending") and starts the check: the CMS may retry or await gate().
  #beforeSendEvent(ev) {
    const t = ev.target;
    const doc = this.host.ownerDocument;
    if (t !== doc && t !== this.host && !this.host.contains(t)) return;
    const seen = (answered.get(ev) ?? answered.set(ev, new Set()).get(ev));
    if (seen.has(this)) return;
    seen.add(this);
    const d = ev.detail && typeof ev.detail === 'object' ? ev.detail : {};
    let v;
    // Answered from the last report only if it judged exactly what the editor holds now.
    const draft = this.client ? this.draft(this.adapter.read().text) : null;
    if (!this.client) v = this.#verdict(null, this.error ? 'profile' : 'loading');
    else if (!this.report || this.reportKey !== keyOf(draft)) {
      // The same message already made the checker fail: say so rather than crash it again.
      const failed = this.checkError && this.failedKey === keyOf(draft);
      v = this.#verdict(null, failed ? 'check-failed' : 'pending', draft);
      if (!failed) this.flush();
    } else v = this.#verdict(this.report, this.report.can_send ? null : 'errors', draft);
    if (!v.allowed) ev.preventDefault();
    d.results = [...(d.results || []), v];
    d.allowed = (d.allowed ?? true) && v.allowed;
  }

  /** Copies the message as WhatsApp will receive it; resolves with the text. */
  async copyForWhatsApp() {
    const text = this.text();
    const win = this.host.ownerDocument.defaultView;
    try {
      await win.navigator.clipboard.writeText(text);
    } catch {
      // Older or locked-down browsers: a hidden textarea and the copy command.
      const doc = this.host.ownerDocument;
      const ta = doc.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.style.position = 'fixed';
      ta.style.opacity = '0';
      doc.body.append(ta);
      ta.select();
      const ok = doc.execCommand('copy');
      ta.remove();
      if (!ok) throw new Error('Copia non riuscita / copy failed');
    }
    this.#emit('copied', { text });
    return text;
  }

  /** The finding under the caret, if any (for the keyboard tooltip). */
  caretFinding() {
    return this.adapter.caretFinding?.(this.findings.filter((f) => f.range)) ?? null;
  }

  #emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  destroy() {
    this.destroyed = true;
    this.loading?.abort();
    clearTimeout(this.timer);
    this.unsubscribe?.();
    this.host.removeEventListener('banditore:before-send', this.onBeforeSend);
    this.host.ownerDocument.removeEventListener('banditore:before-send', this.onBeforeSend);
    this.adapter.mark([]);
    this.adapter.destroy?.();
    this.client?.destroy();
    this.panel?.destroy();
  }
}

// Adapters report pointer, caret and keyboard events here; the panel draws the tooltip.
Object.assign(CheckerController.prototype, {
  /** Pointer over a mark (f) or off every mark (null). */
  hover(f, rect) {
    this.dispatchEvent(new CustomEvent('tip', { detail: { finding: f, rect, via: 'pointer' } }));
  },
  /** The caret moved: show the message of the mark it is in, for keyboard users. */
  caret() {
    const f = this.caretFinding();
    const rect = f ? this.adapter.rectOf?.(f) : null;
    if (f) this.current = f.index;
    this.dispatchEvent(new CustomEvent('tip', { detail: { finding: f, rect, via: 'caret' } }));
  },
  /** F8 / Shift+F8 from inside the editor. */
  key(dir) {
    const f = this.go(dir === 'prev' ? -1 : 1);
    if (f) this.dispatchEvent(new CustomEvent('tip', { detail: { finding: f, rect: this.adapter.rectOf?.(f), via: 'caret' } }));
  },
});
