// The checker's WASM behind a small async API, in a Web Worker when the page allows one (a
// check on a long text then never blocks a keystroke), else on the main thread.
//
//   const c = await createCheckerClient(profile, { lang });   // profile: object, JSON text or URL
//   const report = await c.check({ text, category, send_at }); // latest call wins; older ones resolve null
//   c.categories, c.schedule                                   // for the pickers
//
// Whatever fails, a call rejects with a CheckerError and never hangs (issue 12 item 5):
//   code 'crashed'   the WASM trapped (a Rust panic): the instance is thrown away, the next call
//                    runs on a fresh one with the same profile;
//   code 'timeout'   no answer within `timeouts.check` / `timeouts.load` ms: the worker is
//                    terminated (it may be stuck in a loop) and replaced on the next call;
//   code 'destroyed' destroy() was called while the call was pending.

import { WORKER_URL as DEFAULT_WORKER_URL, PKG_URL as DEFAULT_PKG_URL, WASM_URL as DEFAULT_WASM_URL } from './checker-assets.js';

/** Milliseconds: a 64 KB hostile message checks in well under a second; a stalled one never answers. */
export const DEFAULT_TIMEOUTS = { load: 20000, check: 8000 };

const MESSAGES = {
  crashed: 'Il controllo non è riuscito su questo testo / the checker failed on this text',
  timeout: 'Il controllo non ha risposto in tempo su questo testo / the checker timed out on this text',
  destroyed: 'Controllo chiuso / checker destroyed',
};

/** An error of the checker itself (not of the profile): `code` says which, `cause` what the WASM said. */
export class CheckerError extends Error {
  constructor(code, cause) {
    super(MESSAGES[code] ?? code);
    this.name = 'CheckerError';
    this.code = code;
    if (cause) this.cause = cause;
  }
}

/** A profile given as an object, JSON text or URL -> JSON text. Throws a readable error. */
export async function resolveProfile(profile) {
  if (profile == null || profile === '') throw new Error('Nessun profilo indicato / no profile given');
  if (typeof profile === 'object') return JSON.stringify(profile);
  const s = String(profile).trim();
  if (s.startsWith('{')) return s;
  let res;
  try {
    res = await fetch(s, { credentials: 'same-origin' });
  } catch (e) {
    throw new Error(`Profilo non raggiungibile: ${s} / profile unreachable (${e.message})`);
  }
  if (!res.ok) throw new Error(`Profilo non trovato: ${s} (HTTP ${res.status}) / profile not found`);
  return res.text();
}

/** Turns a checker error message into an Error whose message lists the profile's issues. */
function toError(err) {
  if (err.fatal) return new CheckerError('crashed', new Error(err.message));
  // The core's message already lists the profile's errors, one a line.
  const e = new Error(err.message || 'Errore del checker / checker error');
  if (err.issues) e.issues = err.issues;
  return e;
}

class WorkerBackend {
  constructor({ workerUrl = DEFAULT_WORKER_URL, wasmUrl = DEFAULT_WASM_URL, timeouts } = {}) {
    this.workerUrl = workerUrl;
    this.wasm = wasmUrl ? String(wasmUrl) : undefined;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
    this.pending = new Map();
    this.nextId = 1;
    this.restarts = 0;
    this.lastLoad = null; // replayed into a fresh worker after a crash or a timeout
    this.worker = null;
  }

  #spawn() {
    const w = new Worker(this.workerUrl, { type: 'module' });
    w.onmessage = ({ data }) => {
      const p = this.pending.get(data.id);
      if (!p) return;
      this.#settle(data.id);
      if (data.ok) return p.resolve(data);
      const err = toError(data.error);
      // Never call a trapped instance again: drop this worker, the next call gets a fresh one.
      if (err.code === 'crashed') this.#kill(err);
      p.reject(err);
    };
    w.onerror = (ev) => {
      ev.preventDefault?.();
      this.#kill(new CheckerError('crashed', new Error(`Checker worker non avviato / failed: ${ev.message || 'error'}`)));
    };
    this.worker = w;
    return w;
  }

  #settle(id) {
    clearTimeout(this.pending.get(id)?.timer);
    this.pending.delete(id);
  }

  /** Terminates the worker and rejects whatever it still owed. */
  #kill(err) {
    if (this.worker) {
      this.worker.terminate();
      this.worker = null;
      this.restarts++;
    }
    for (const [id, p] of [...this.pending]) {
      this.#settle(id);
      p.reject(err);
    }
  }

  #send(msg) {
    if (this.destroyed) return Promise.reject(new CheckerError('destroyed'));
    const w = this.worker ?? this.#spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const ms = this.timeouts[msg.type] ?? this.timeouts.check;
      const timer = setTimeout(() => {
        if (!this.pending.has(id)) return;
        // A stalled check blocks the worker for good: replace it rather than queue behind it.
        this.#kill(new CheckerError('timeout'));
      }, ms);
      this.pending.set(id, { resolve, reject, timer });
      w.postMessage({ ...msg, id, wasm: this.wasm });
    });
  }

  async call(msg) {
    if (msg.type === 'load') {
      const r = await this.#send(msg);
      this.lastLoad = msg;
      return r;
    }
    // A fresh worker (first call after a crash or a timeout) gets the profile again first.
    if (!this.worker && this.lastLoad) await this.#send(this.lastLoad);
    return this.#send(msg);
  }

  destroy() {
    this.destroyed = true;
    this.#kill(new CheckerError('destroyed'));
  }
}

/** On the main thread (no Worker): no timeout can stop a synchronous call, but a trap is recovered. */
class MainThreadBackend {
  constructor({ pkgUrl = DEFAULT_PKG_URL, wasmUrl = DEFAULT_WASM_URL, loadModule } = {}) {
    this.pkgUrl = pkgUrl;
    this.wasm = wasmUrl;
    this.loadModule = loadModule;
    this.generation = 0;
    this.restarts = 0;
  }

  // A fresh module instance: a new URL is a new ES module, hence new WASM memory.
  async #module() {
    if (!this.module) {
      const gen = this.generation;
      this.module = (async () => {
        // `loadModule(generation)` (Node, tests) resolves an initialised glue module of its own.
        if (this.loadModule) return this.loadModule(gen);
        const url = String(this.pkgUrl);
        const m = await import(gen ? `${url}${url.includes('?') ? '&' : '?'}instance=${gen}` : url);
        await m.default(this.wasm ? { module_or_path: this.wasm } : undefined);
        return m;
      })();
    }
    return this.module;
  }

  async call(msg) {
    if (this.destroyed) throw new CheckerError('destroyed');
    const { Checker } = await this.#module();
    try {
      if (msg.type === 'load') {
        this.checker?.free();
        this.checker = new Checker(msg.profile, msg.lang);
        this.lastLoad = msg;
        return { categories: this.checker.categories(), schedule: this.checker.schedule() };
      }
      if (!this.checker && this.lastLoad) this.checker = new Checker(this.lastLoad.profile, this.lastLoad.lang);
      const t0 = performance.now();
      const report = this.checker.check(msg.draft, msg.now, msg.lang);
      return { report, ms: performance.now() - t0 };
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        this.checker = null;
        this.module = null;
        this.generation++;
        this.restarts++;
        throw new CheckerError('crashed', e);
      }
      throw toError({ message: String(e?.message ?? e), issues: e?.issues });
    }
  }

  destroy() {
    this.destroyed = true;
    try {
      this.checker?.free();
    } catch {
      // A trapped instance may refuse even this; it is dropped either way.
    }
    this.checker = null;
  }
}

export class CheckerClient {
  constructor(backend) {
    this.backend = backend;
    this.seq = 0;
    this.categories = [];
    this.schedule = { service_hours: null, electoral_periods: [] };
    this.lastMs = null;
  }

  async load(profile, lang) {
    const json = await resolveProfile(profile);
    const r = await this.backend.call({ type: 'load', profile: json, lang });
    this.categories = r.categories || [];
    const [hours, periods] = r.schedule || [null, []];
    this.schedule = { service_hours: hours ?? null, electoral_periods: periods || [] };
    this.profileJson = json;
    return this;
  }

  /** Checks a draft; resolves null when a newer check started meanwhile (its result would be stale). */
  async check(draft, opts) {
    const seq = ++this.seq;
    const report = await this.checkNow(draft, opts);
    return seq === this.seq ? report : null;
  }

  /** Like `check`, but never dropped: for the pre-send gate. */
  async checkNow(draft, { lang, now = Date.now() } = {}) {
    const clean = { text: draft.text ?? '' };
    if (draft.category) clean.category = draft.category;
    if (draft.send_at) clean.send_at = draft.send_at;
    if (draft.attachments?.length) clean.attachments = draft.attachments;
    const r = await this.backend.call({ type: 'check', draft: clean, now, lang });
    this.lastMs = r.ms;
    return r.report;
  }

  /** Stops the checker; pending calls reject with code 'destroyed'. */
  destroy() {
    this.destroyed = true;
    this.backend.destroy();
  }
}

/**
 * Creates a client and loads the profile. `worker: false` keeps everything on the main thread.
 * Options for bundles: baseUrl (the folder of the files below), or each of workerUrl, pkgUrl (the
 * glue, main thread) and wasmUrl; timeouts { load, check }.
 * `signal` (an AbortSignal) cancels a load that is no longer wanted: its worker goes at once.
 */
export async function createCheckerClient(profile, { lang = 'it', worker = true, signal, baseUrl, ...urls } = {}) {
  if (baseUrl) {
    // The same files, looked up in another folder (a bundle that did not carry them along).
    const base = new URL(String(baseUrl).replace(/\/?$/, '/'), globalThis.location?.href);
    const moved = (u) => u && new URL(String(u).split('/').pop(), base);
    urls = { workerUrl: moved(DEFAULT_WORKER_URL), pkgUrl: moved(DEFAULT_PKG_URL), wasmUrl: moved(DEFAULT_WASM_URL), ...urls };
  }
  const guard = (backend) => {
    const stop = () => backend.destroy();
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    return backend;
  };
  let backend;
  if (worker && typeof Worker === 'function') {
    try {
      backend = guard(new WorkerBackend(urls));
      return await new CheckerClient(backend).load(profile, lang);
    } catch (e) {
      backend?.destroy();
      // A profile error is the user's to fix, a cancelled or stalled load is final: no fallback.
      if (e.issues || /profil/i.test(e.message) || e.code === 'destroyed' || e.code === 'timeout') throw e;
    }
  }
  return new CheckerClient(guard(new MainThreadBackend(urls))).load(profile, lang);
}
