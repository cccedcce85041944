// Issue 12, the editor's items, in Chromium: the pre-send gate judges exactly what is published
// (item 4), a trap or a stall in the checker's WASM is recovered and keeps the gate closed
// (item 5), a fast profile switch lets the last profile win without leaking a worker, and the
// TinyMCE tooltip of a finding without a fix (item 11).
// Run: node --test tests/browser/editors-robust.test.mjs   (needs bash scripts/build-wasm.sh)
import { test as baseTest, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startHarness, ROOT, VIEWPORTS, axeScan, formatViolations } from './harness.mjs';

const test = (name, fn) => baseTest(name, { timeout: 90000 }, fn);
const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/minimal-profile.json'), 'utf8'));
delete fixture.service_hours;
const TEST_PROFILE = JSON.stringify(fixture);
const PHONE_TEXT = 'Chiamate il 347 123 4567';
const CLEAN_TEXT = 'Buongiorno: domani la biblioteca apre alle 9.';

// Test-only stand-in for the checker's wasm-bindgen glue, served by page routing to this test's
// pages only (nothing of it ships). It loads the real glue and the real WASM and, for a text
// holding ⟦trap⟧, makes the real instance trap: it asks the WASM allocator for 4 GB, which a
// release build answers with an abort, i.e. a WebAssembly `unreachable` trap. From then on this
// instance refuses every call, as a half-unwound Rust instance may: only a fresh instance works.
// ⟦stall⟧ busy-loops for a minute, like the super-linear inputs of item 2 did.
const TRAP_GLUE = `
// A static import: a top-level await would delay the worker's onmessage past its first message.
import * as real from '/pkg/banditore_checker/banditore_checker.js?real';
let exportsOfWasm = null;
let trapped = false;
export const Checker = real.Checker;
export const initSync = real.initSync;
export const check = real.check;
export default async function init(arg) {
  exportsOfWasm = await real.default(arg);
  return exportsOfWasm;
}
const checkReal = real.Checker.prototype.check;
real.Checker.prototype.check = function (draft, now, lang) {
  if (trapped) throw new WebAssembly.RuntimeError('unreachable: this instance trapped before');
  const text = String(draft?.text ?? '');
  if (text.includes('\\u27e6trap\\u27e7')) {
    trapped = true;
    exportsOfWasm.__wbindgen_malloc(0xfffffff0, 8);
    throw new Error('the allocator did not trap');
  }
  if (text.includes('\\u27e6stall\\u27e7')) { const end = Date.now() + 60000; while (Date.now() < end); }
  return checkReal.call(this, draft, now, lang);
};
`;

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

async function open(pagePath, { trapGlue = false, routes = {} } = {}) {
  const context = await h.browser.newContext({ ...VIEWPORTS.desktop });
  await context.route('**/profiles/test.json', (r) => r.fulfill({ body: TEST_PROFILE, contentType: 'application/json' }));
  for (const [glob, handler] of Object.entries(routes)) await context.route(glob, handler);
  if (trapGlue) {
    await context.route(
      (url) => url.pathname === '/pkg/banditore_checker/banditore_checker.js' && !url.search.startsWith('?real'),
      (r) => r.fulfill({ body: TRAP_GLUE, contentType: 'text/javascript' }),
    );
  }
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${h.origin}/editor/${pagePath}?profile=test`);
  await page.waitForFunction(() => window.banditoreDemo?.ctl?.report, null, { timeout: 20000 });
  return { context, page, errors };
}

/** Types into the demo's textarea the way a user does (value + input event). */
const setText = (page, text) =>
  page.evaluate((t) => {
    const ta = document.getElementById('message');
    ta.value = t;
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);

/** Waits until the controller has a current report for exactly `text`. */
/** Playwright drops a terminated worker asynchronously: poll for the count. */
async function workersSettle(page, n) {
  for (let i = 0; i < 50 && page.workers().length !== n; i++) await page.waitForTimeout(100);
  return page.workers().length;
}

const settled = (page, text) =>
  page.waitForFunction((t) => {
    const c = window.banditoreDemo.ctl;
    return c.report && !c.dirty && c.lastText === t;
  }, text);

describe('item 4: the gate judges exactly what is published', () => {
  test('a change of text, category or send time during the gate\'s check refuses; a newer check never lends its report', async () => {
    const { context, page, errors } = await open('textarea.html');
    try {
      await setText(page, CLEAN_TEXT);
      await settled(page, CLEAN_TEXT);
      assert.equal(await page.evaluate(() => window.banditoreDemo.ctl.report.can_send), true);

      // Typing while the gate's check runs: the clean text was judged, another is in the editor.
      const typed = await page.evaluate(async ([phone]) => {
        const { ctl } = window.banditoreDemo;
        const ta = document.getElementById('message');
        const g = ctl.gate();
        ta.value = phone;
        ta.dispatchEvent(new Event('input', { bubbles: true }));
        const v = await g;
        return { allowed: v.allowed, reason: v.reason, judged: v.draft.text };
      }, [PHONE_TEXT]);
      assert.deepEqual(typed, { allowed: false, reason: 'changed', judged: CLEAN_TEXT });

      // The old defect: with the clean report still current, a newer check started during the
      // gate's made flush() hand the gate the previous (clean) report.
      await setText(page, CLEAN_TEXT);
      await settled(page, CLEAN_TEXT);
      const overtaken = await page.evaluate(async ([phone]) => {
        const { ctl } = window.banditoreDemo;
        const ta = document.getElementById('message');
        ta.value = phone;
        ta.dispatchEvent(new Event('input', { bubbles: true }));
        const g = ctl.gate();
        const newer = ctl.flush(); // what the debounce, a picker or a second click starts
        const [v, r] = await Promise.all([g, newer]);
        return { allowed: v.allowed, reason: v.reason, judged: v.draft.text, rules: v.errors.map((f) => f.rule), flushed: r?.can_send };
      }, [PHONE_TEXT]);
      assert.deepEqual(overtaken, { allowed: false, reason: 'errors', judged: PHONE_TEXT, rules: ['personal-data.phone'], flushed: false });

      // Category and send time are part of what is judged.
      await setText(page, CLEAN_TEXT);
      await settled(page, CLEAN_TEXT);
      const recategorised = await page.evaluate(async () => {
        const { ctl } = window.banditoreDemo;
        const g = ctl.gate();
        ctl.setCategory('eventi');
        const v = await g;
        return { allowed: v.allowed, reason: v.reason, judged: v.draft.category ?? null };
      });
      assert.deepEqual(recategorised, { allowed: false, reason: 'changed', judged: null });
      const rescheduled = await page.evaluate(async () => {
        const { ctl } = window.banditoreDemo;
        const g = ctl.gate();
        ctl.setSendAt('2026-05-04T10:00:00+02:00');
        const v = await g;
        return { allowed: v.allowed, reason: v.reason, judged: v.draft.send_at ?? null };
      });
      assert.deepEqual(rescheduled, { allowed: false, reason: 'changed', judged: null });
      // Once nothing moves, the same gate judges the new category and time and allows.
      const steady = await page.evaluate(async () => {
        const v = await window.banditoreDemo.ctl.gate();
        return { allowed: v.allowed, draft: v.draft };
      });
      assert.deepEqual(steady, { allowed: true, draft: { text: CLEAN_TEXT, category: 'eventi', send_at: '2026-05-04T10:00:00+02:00' } });

      // The synchronous event never answers from a report of another text.
      await setText(page, PHONE_TEXT);
      const event = await page.evaluate(() => {
        const ev = new CustomEvent('banditore:before-send', { cancelable: true, detail: {} });
        const ok = window.banditoreDemo.ctl.host.dispatchEvent(ev);
        return { ok, reason: ev.detail.results[0].reason };
      });
      assert.deepEqual(event, { ok: false, reason: 'pending' });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a double click on "Pubblica" right after typing an error never publishes', async () => {
    const { context, page } = await open('textarea.html');
    try {
      await setText(page, CLEAN_TEXT);
      await settled(page, CLEAN_TEXT);
      await page.evaluate(() => {
        const out = document.getElementById('publish-result');
        window.publishLog = [];
        new MutationObserver(() => window.publishLog.push(out.className)).observe(out, { attributes: true, childList: true, characterData: true, subtree: true });
      });
      await setText(page, PHONE_TEXT);
      await page.dblclick('#publish');
      await page.waitForFunction(() => window.publishLog.length >= 2);
      await page.waitForTimeout(500);
      const log = await page.evaluate(() => window.publishLog);
      assert.ok(log.length >= 2 && log.every((c) => c === 'demo-refused'), `every answer refused: ${log}`);
    } finally {
      await context.close();
    }
  });
});

describe('item 5: a trap or a stall in the WASM', () => {
  test('a trap shows «Il controllo non è riuscito su questo testo», keeps the gate closed, and the next text runs on a fresh instance', async () => {
    const { context, page } = await open('textarea.html', { trapGlue: true });
    try {
      await setText(page, 'Avviso \u27e6trap\u27e7 per tutti');
      await page.waitForFunction(() => window.banditoreDemo.ctl.checkError?.code === 'crashed');
      assert.match(await page.textContent('.bnd-status'), /Il controllo non è riuscito su questo testo/);
      const cause = await page.evaluate(() => String(window.banditoreDemo.ctl.checkError.cause?.message));
      assert.match(cause, /unreachable|RuntimeError/i, 'a real trap of the WASM instance');
      const v = await page.evaluate(async () => {
        const g = await window.banditoreDemo.ctl.gate();
        const ev = new CustomEvent('banditore:before-send', { cancelable: true, detail: {} });
        const ok = window.banditoreDemo.ctl.host.dispatchEvent(ev);
        return { allowed: g.allowed, reason: g.reason, event: ok, eventReason: ev.detail.results[0].reason };
      });
      assert.deepEqual(v, { allowed: false, reason: 'check-failed', event: false, eventReason: 'check-failed' });
      await page.click('#publish');
      await page.waitForSelector('#publish-result.demo-refused');
      const violations = await axeScan(page);
      assert.deepEqual(violations, [], `the failure state is accessible too:\n${formatViolations(violations)}`);

      // The trapped instance refuses every call: only a fresh one can check the next text.
      await setText(page, PHONE_TEXT);
      await settled(page, PHONE_TEXT);
      const after = await page.evaluate(() => {
        const c = window.banditoreDemo.ctl;
        return { rules: c.findings.map((f) => f.rule), error: c.checkError, restarts: c.client.backend.restarts };
      });
      assert.ok(after.rules.includes('personal-data.phone'));
      assert.equal(after.error, null);
      assert.ok(after.restarts >= 1, 'the worker was replaced');
      // The demo page has two checkers (textarea and rich text): one worker each, none left over.
      assert.equal(await workersSettle(page, 2), 2, 'the trapped worker is gone');
      assert.doesNotMatch(await page.textContent('.bnd-status'), /non è riuscito/);
    } finally {
      await context.close();
    }
  });

  test('a stalled check times out, the gate stays closed, the worker is replaced; destroy() rejects pending calls', async () => {
    const { context, page } = await open('textarea.html', { trapGlue: true });
    try {
      await page.evaluate(() => (window.banditoreDemo.ctl.client.backend.timeouts.check = 1500));
      await setText(page, 'Avviso \u27e6stall\u27e7');
      const t0 = Date.now();
      const gate = await page.evaluate(async () => {
        const v = await window.banditoreDemo.ctl.gate();
        return { allowed: v.allowed, reason: v.reason, code: window.banditoreDemo.ctl.checkError?.code };
      });
      assert.deepEqual(gate, { allowed: false, reason: 'check-failed', code: 'timeout' });
      assert.ok(Date.now() - t0 < 10000, 'the gate answered within the timeout, not after the stall');
      assert.match(await page.textContent('.bnd-status'), /non ha risposto in tempo/);
      await setText(page, PHONE_TEXT);
      await settled(page, PHONE_TEXT);
      assert.equal(await workersSettle(page, 2), 2, 'the stalled worker was terminated (one worker per checker on the page)');

      // A separate client: destroy() while a call is pending rejects it at once.
      const code = await page.evaluate(async (profile) => {
        const { createCheckerClient } = await import('/editor/checker-core.js');
        const c = await createCheckerClient(profile);
        const pending = c.checkNow({ text: 'x \u27e6stall\u27e7' }).then(
          () => 'resolved',
          (e) => e.code,
        );
        c.destroy();
        const later = await c.checkNow({ text: 'ciao' }).then(
          () => 'resolved',
          (e) => e.code,
        );
        return [await pending, later];
      }, TEST_PROFILE);
      assert.deepEqual(code, ['destroyed', 'destroyed']);
    } finally {
      await context.close();
    }
  });
});

describe('item 11: the editor\'s smaller defects', () => {
  test('switching profiles fast: the last one wins even when an earlier load is slower, and no worker leaks', async () => {
    const slow = async (route) => {
      await new Promise((ok) => setTimeout(ok, 1500));
      await route.fulfill({ body: TEST_PROFILE, contentType: 'application/json' }).catch(() => {});
    };
    const { context, page } = await open('textarea.html', { routes: { '**/profiles/slow.json': slow } });
    try {
      const leini = JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg-config/leini.json'), 'utf8')).categories.map((c) => c.id);
      await page.evaluate(() => {
        const { ctl } = window.banditoreDemo;
        ctl.setProfile('/profiles/slow.json');
        window.lastLoad = ctl.setProfile('/profiles/leini.json');
      });
      await page.evaluate(() => window.lastLoad);
      await page.waitForTimeout(2500); // the slow profile has arrived by now
      const state = await page.evaluate(() => {
        const c = window.banditoreDemo.ctl;
        return { profile: c.profile, cats: c.client?.categories.map((x) => x.id), error: c.error?.message ?? null };
      });
      assert.deepEqual(state, { profile: '/profiles/leini.json', cats: leini, error: null });
      assert.equal(await workersSettle(page, 2), 2, 'one checker worker for each of the page\'s two checkers');
      const options = await page.evaluate(() => [...document.querySelectorAll('#panel .bnd-category option')].map((o) => o.value).filter(Boolean));
      assert.deepEqual(options, leini, 'the picker shows the last profile');
      // Five switches in a row, then: still one worker.
      await page.evaluate(async () => {
        const { ctl } = window.banditoreDemo;
        const ids = ['seveso', 'concorezzo', 'siracusa', 'sesto-calende', 'leini'];
        await Promise.all(ids.map((id) => ctl.setProfile(`/profiles/${id}.json`)));
      });
      assert.equal(await workersSettle(page, 2), 2, 'still one worker per checker after five fast switches');
    } finally {
      await context.close();
    }
  });

  test('TinyMCE: the tooltip of a finding without a fix shows no "null"', async () => {
    const { context, page } = await open('tinymce.html');
    try {
      // Electoral-period content in the period: a finding on the whole message, with no fix.
      await page.evaluate(() => {
        const { editor, ctl } = window.banditoreDemo;
        ctl.setSendAt('2026-05-04T10:00:00+02:00');
        editor.setContent('<p>Abbiamo realizzato la nuova piazza: un altro impegno mantenuto dal Sindaco Mario Bianchi. Chiamate il 347 123 4567</p>');
      });
      await page.waitForFunction(() => {
        const c = window.banditoreDemo.ctl;
        return !c.dirty && c.findings.some((f) => f.fix == null && f.range) && c.findings.some((f) => f.fix != null && f.range);
      });
      const tips = await page.evaluate(() => {
        const { ctl } = window.banditoreDemo;
        const out = [];
        for (const f of ctl.findings.filter((x) => x.range)) {
          ctl.hover(f, new DOMRect(10, 10, 10, 10));
          const tip = document.querySelector('.bnd-tip');
          out.push({ fix: f.fix ?? null, text: tip.textContent, hidden: tip.hidden });
        }
        return out;
      });
      for (const t of tips) {
        assert.equal(t.hidden, false);
        assert.doesNotMatch(t.text, /null|undefined/, t.text); // the old tooltip ended in "art. 9null"
        if (t.fix != null) assert.ok(t.text.includes(t.fix), `the fix is shown: ${t.text}`);
      }
      // Through the real path too: the caret inside each mark in TinyMCE's iframe.
      const caretTips = await page.evaluate(async () => {
        const { editor, ctl } = window.banditoreDemo;
        const out = [];
        for (const el of editor.getBody().querySelectorAll('[data-bnd-index]')) {
          editor.focus();
          editor.selection.setCursorLocation(el.firstChild, 1);
          editor.nodeChanged();
          ctl.caret();
          await new Promise((ok) => setTimeout(ok, 50));
          out.push(document.querySelector('.bnd-tip').textContent);
        }
        return out;
      });
      assert.ok(caretTips.length >= 2, `marks in the editor: ${caretTips.length}`);
      for (const t of caretTips) assert.doesNotMatch(t, /null|undefined/, t);
    } finally {
      await context.close();
    }
  });
});
