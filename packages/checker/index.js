// @banditore/checker: the pre-send checker as a library for any editor.
//
//   import { createChecker } from '@banditore/checker';
//   const checker = await createChecker({ profile: '/banditore/profiles/mio-comune.json', worker: true });
//   const report = await checker.check(text, { category: 'eventi', at: '2026-05-04T10:00:00+02:00' });
//   const verdict = await checker.gate(text, { category, at });   // { allowed, reason, errors, report, draft }
//
// The same code as the editors' demo (www/editor/checker-core.js): a Web Worker when the page has
// one, else the main thread (Node, or `worker: false`); every call has a timeout; a trap of the
// WASM is recovered on a fresh instance. See docs/checker-api.md.
import { createCheckerClient, CheckerError, DEFAULT_TIMEOUTS } from '../../www/editor/checker-core.js';
import { PKG_URL, WASM_URL } from '../../www/editor/checker-assets.js';

export { CheckerError, DEFAULT_TIMEOUTS };
export { attachChecker } from '../../www/editor/attach-checker.js';

export const VERSION = __BANDITORE_VERSION__;

const isNode = typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined';

// Node has no fetch() for file: URLs: read the .wasm from disk. The module names are variables so
// that a web bundler (Vite, webpack) neither follows nor polyfills them.
async function nodeModule(generation) {
  const fsName = 'node:fs/promises';
  const { readFile } = await import(/* @vite-ignore */ /* webpackIgnore: true */ fsName);
  const url = String(PKG_URL);
  const m = await import(/* @vite-ignore */ /* webpackIgnore: true */ generation ? `${url}?instance=${generation}` : url);
  m.initSync({ module: await readFile(new URL(WASM_URL ?? new URL('banditore_checker_bg.wasm', url))) });
  return m;
}

/** `at`: a Date, milliseconds, or RFC 3339 text with its offset; undefined for "now". */
function sendAt(at) {
  if (at == null || at === '') return undefined;
  if (at instanceof Date || typeof at === 'number') {
    const d = new Date(at);
    if (Number.isNaN(d.getTime())) throw new RangeError('at: data non valida / invalid date');
    return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return String(at);
}

class Checker {
  #client;
  #lang;

  constructor(client, lang) {
    this.#client = client;
    this.#lang = lang;
    this.categories = client.categories;
    this.schedule = client.schedule;
  }

  #draft(text, { category, at, attachments } = {}) {
    if (typeof text !== 'string') throw new TypeError('check: il testo deve essere una stringa / text must be a string');
    const draft = { text };
    if (category) draft.category = category;
    const when = sendAt(at);
    if (when) draft.send_at = when;
    if (attachments?.length) draft.attachments = attachments;
    return draft;
  }

  /** Checks `text` as it would be sent; never dropped for a newer call. */
  async check(text, options = {}) {
    const draft = this.#draft(text, options);
    return this.#client.checkNow(draft, { lang: options.lang ?? this.#lang, now: options.now ?? Date.now() });
  }

  /**
   * The pre-send gate for exactly this text, category and time: allowed only when the check ran
   * and found no error. A failed check (crash, timeout, destroyed) refuses, it never throws.
   */
  async gate(text, options = {}) {
    const draft = this.#draft(text, options);
    try {
      const report = await this.#client.checkNow(draft, { lang: options.lang ?? this.#lang, now: options.now ?? Date.now() });
      const errors = report.findings.filter((f) => f.severity === 'error');
      return { allowed: report.can_send, reason: report.can_send ? null : 'errors', errors, report, draft };
    } catch (error) {
      return { allowed: false, reason: 'check-failed', errors: [], report: null, draft, error };
    }
  }

  /** Stops the worker; pending calls reject with CheckerError code 'destroyed'. */
  destroy() {
    this.#client.destroy();
  }
}

/**
 * Loads a profile (object, JSON text or URL; in Node an object or JSON text) and resolves a checker.
 * Rejects with an Error whose `issues` list the profile's problems when it is invalid.
 */
export async function createChecker({ profile, worker = true, lang = 'it', timeouts } = {}) {
  const options = { lang, worker: worker && !isNode, timeouts };
  if (isNode) options.loadModule = nodeModule;
  const client = await createCheckerClient(profile, options);
  return new Checker(client, lang);
}
