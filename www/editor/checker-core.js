// The checker's WASM behind a small async API, in a Web Worker when the page allows one (a
// check on a long text then never blocks a keystroke), else on the main thread.
//
//   const c = await createCheckerClient(profile, { lang });   // profile: object, JSON text or URL
//   const report = await c.check({ text, category, send_at }); // latest call wins; older ones resolve null
//   c.categories, c.schedule                                   // for the pickers

const PKG_URL = new URL('../pkg/banditore_checker/banditore_checker.js', import.meta.url);
const WORKER_URL = new URL('./checker-worker.js', import.meta.url);

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

/** Turns a checker error into an Error whose message lists the profile's issues. */
function toError(err) {
  // The core's message already lists the profile's errors, one a line.
  const e = new Error(err.message || 'Errore del checker / checker error');
  if (err.issues) e.issues = err.issues;
  return e;
}

class WorkerBackend {
  constructor() {
    this.worker = new Worker(WORKER_URL, { type: 'module' });
    this.pending = new Map();
    this.nextId = 1;
    this.worker.onmessage = ({ data }) => {
      const p = this.pending.get(data.id);
      if (!p) return;
      this.pending.delete(data.id);
      data.ok ? p.resolve(data) : p.reject(toError(data.error));
    };
    this.worker.onerror = (ev) => {
      const err = new Error(`Checker worker non avviato / failed: ${ev.message || 'error'}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
  }

  call(msg) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...msg, id });
    });
  }

  destroy() {
    this.worker.terminate();
  }
}

let modulePromise;
class MainThreadBackend {
  async call(msg) {
    modulePromise ??= import(PKG_URL.href).then(async (m) => {
      await m.default();
      return m;
    });
    const { Checker } = await modulePromise;
    try {
      if (msg.type === 'load') {
        this.checker?.free();
        this.checker = new Checker(msg.profile, msg.lang);
        return { categories: this.checker.categories(), schedule: this.checker.schedule() };
      }
      const t0 = performance.now();
      const report = this.checker.check(msg.draft, msg.now, msg.lang);
      return { report, ms: performance.now() - t0 };
    } catch (e) {
      throw toError({ message: String(e?.message ?? e), issues: e?.issues });
    }
  }

  destroy() {
    this.checker?.free();
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

  destroy() {
    this.backend.destroy();
  }
}

/** Creates a client and loads the profile. `worker: false` keeps everything on the main thread. */
export async function createCheckerClient(profile, { lang = 'it', worker = true } = {}) {
  let backend;
  if (worker && typeof Worker === 'function') {
    try {
      backend = new WorkerBackend();
      return await new CheckerClient(backend).load(profile, lang);
    } catch (e) {
      backend?.destroy();
      // A profile error is the user's to fix: do not hide it behind a fallback.
      if (e.issues || /profil/i.test(e.message)) throw e;
    }
  }
  return new CheckerClient(new MainThreadBackend()).load(profile, lang);
}
