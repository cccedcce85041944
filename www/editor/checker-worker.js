// Runs the checker's WASM off the main thread so that typing never waits for a check.
// Protocol: { id, type: 'load', profile, lang } | { id, type: 'check', draft, now, lang }
//        -> { id, ok: true, ... } | { id, ok: false, error: { message, issues, fatal } }
// `fatal` means the WASM trapped (a Rust panic is an `unreachable` trap): the instance may be left
// half-way through a call (borrowed objects, a moved stack pointer), so it is never used again.
// The client terminates this worker and starts a fresh one (see checker-core.js).
import init, { Checker } from '../pkg/banditore_checker/banditore_checker.js';

// The WASM's URL may come with the first message (a bundle with a content-hashed file name);
// otherwise the glue finds its .wasm beside itself.
let ready = null;
let checker = null;
let broken = false;

self.onmessage = async ({ data }) => {
  const { id, type } = data;
  try {
    await (ready ??= init(data.wasm ? { module_or_path: data.wasm } : undefined));
    if (broken) throw Object.assign(new Error('checker instance broken'), { fatal: true });
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
    const fatal = e instanceof WebAssembly.RuntimeError || e?.fatal === true;
    if (fatal) broken = true;
    self.postMessage({ id, ok: false, error: { message: String(e?.message ?? e), issues: e?.issues ?? null, fatal } });
  }
};
