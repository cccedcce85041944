// The editors' checker client (www/editor/checker-core.js) in Node, on its main-thread backend
// (Node has no Web Worker): a trap of the WASM instance (issue 12 item 5) is reported as
// `crashed`, and the next call runs on a fresh instance with the same profile.
// Run: node --test tests/node/checker-client.test.mjs   (needs bash scripts/build-wasm.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createCheckerClient, CheckerError } from '../../www/editor/checker-core.js';

const root = new URL('../../', import.meta.url);
const glue = new URL('www/pkg/banditore_checker/banditore_checker.js', root);
const wasmBytes = fs.readFileSync(new URL('www/pkg/banditore_checker/banditore_checker_bg.wasm', root));
const fixture = fs.readFileSync(new URL('tests/fixtures/minimal-profile.json', root), 'utf8');
const TRAP = '\u27e6trap\u27e7';

// Each generation imports the glue under its own URL: a new module, a new WASM instance. A text
// holding TRAP makes that real instance trap (its allocator aborts on a 4 GB request) and the
// instance is then refused for good, as a half-unwound Rust instance may be.
const instances = [];
async function loadModule(generation) {
  const m = await import(`${glue.href}?generation=${generation}`);
  const wasm = m.initSync({ module: wasmBytes });
  const state = { generation, trapped: false };
  instances.push(state);
  class Checker extends m.Checker {
    check(draft, now, lang) {
      if (state.trapped) throw new WebAssembly.RuntimeError('unreachable: this instance trapped before');
      if (draft.text.includes(TRAP)) {
        state.trapped = true;
        wasm.__wbindgen_malloc(0xfffffff0, 8);
      }
      return super.check(draft, now, lang);
    }
  }
  return { Checker };
}

test('a trap rejects with code "crashed", then the next check runs on a fresh instance with the same profile', async () => {
  const c = await createCheckerClient(fixture, { worker: false, loadModule });
  const ok = await c.checkNow({ text: 'Chiamate il 347 123 4567' });
  assert.ok(ok.findings.some((f) => f.rule === 'personal-data.phone'));
  await assert.rejects(c.checkNow({ text: `Avviso ${TRAP}` }), (e) => {
    assert.ok(e instanceof CheckerError);
    assert.equal(e.code, 'crashed');
    assert.match(e.message, /Il controllo non è riuscito su questo testo/);
    assert.ok(e.cause instanceof WebAssembly.RuntimeError, 'the cause is the real trap');
    return true;
  });
  assert.equal(instances.at(-1).trapped, true);
  const again = await c.checkNow({ text: 'Chiamate il 347 123 4567' });
  assert.ok(again.findings.some((f) => f.rule === 'personal-data.phone'), 'checks again after the trap');
  assert.equal(instances.length, 2, 'on a second instance');
  assert.equal(c.backend.restarts, 1);
  c.destroy();
  await assert.rejects(c.checkNow({ text: 'ciao' }), (e) => e.code === 'destroyed');
});

test('a profile error is not a crash: it names the profile and no instance is replaced', async () => {
  const broken = JSON.parse(fixture);
  broken.channels[0].invite_url = 'javascript:alert(1)';
  const before = instances.length;
  await assert.rejects(createCheckerClient(JSON.stringify(broken), { worker: false, loadModule }), (e) => !(e instanceof CheckerError) && Array.isArray(e.issues));
  assert.equal(instances.length, before + 1);
});
