// Runs the checker's WASM off the main thread so that typing never waits for a check.
// Protocol: { id, type: 'load', profile, lang } | { id, type: 'check', draft, now, lang }
//        -> { id, ok: true, ... } | { id, ok: false, error: { message, issues } }
import init, { Checker } from '../pkg/banditore_checker/banditore_checker.js';

const ready = init();
let checker = null;

self.onmessage = async ({ data }) => {
  const { id, type } = data;
  try {
    await ready;
    if (type === 'load') {
      checker?.free();
      checker = null;
      checker = new Checker(data.profile, data.lang);
      self.postMessage({ id, ok: true, categories: checker.categories(), schedule: checker.schedule() });
    } else if (type === 'check') {
      if (!checker) throw new Error('Profilo non caricato / profile not loaded');
      const t0 = performance.now();
      const report = checker.check(data.draft, data.now, data.lang);
      self.postMessage({ id, ok: true, report, ms: performance.now() - t0 });
    }
  } catch (e) {
    self.postMessage({ id, ok: false, error: { message: String(e?.message ?? e), issues: e?.issues ?? null } });
  }
};
