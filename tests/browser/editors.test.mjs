// The pre-send checker inside the real editors (CKEditor 5, TinyMCE, a textarea, a
// contenteditable) in Chromium. Run: node --test tests/browser/editors.test.mjs
// Needs the checker bundle: bash scripts/build-wasm.sh
import { test as baseTest, describe, before, after } from 'node:test';

const test = (name, fn) => baseTest(name, { timeout: 60000 }, fn);
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startHarness, shot, thirdPartyRequests, axeScan, formatViolations, ROOT, VIEWPORTS } from './harness.mjs';

// The fixture profile has an electoral period (2026-04-20 .. 2026-05-25); service hours are
// dropped so that the send time only matters for the electoral period.
const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/minimal-profile.json'), 'utf8'));
delete fixture.service_hours;
const TEST_PROFILE = JSON.stringify(fixture);

const EMOJI = '🚨';
const PHONE = '347 123 4567';
const EXPECTED_COPY = `Avviso ${EMOJI} *strada chiusa* domani: per informazioni chiamate il 347 *** ****`;

let h;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

async function open(pagePath) {
  const context = await h.browser.newContext({ ...VIEWPORTS.desktop });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
  await context.route('**/profiles/test.json', (r) => r.fulfill({ body: TEST_PROFILE, contentType: 'application/json' }));
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const log = { requests: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
  await page.goto(`${h.origin}/editor/${pagePath}?profile=test`);
  await page.waitForFunction(() => window.banditoreDemo?.ctl?.report, null, { timeout: 20000 });
  return { context, page, log };
}

/** Waits until the controller's report for the current text has (or lacks) a finding of `rule`. */
async function waitReport(page, [want, rule], ctlName = 'ctl') {
  await page.waitForFunction(
    ([w, r, name]) => {
      const c = window.banditoreDemo[name];
      if (!c.report || c.dirty) return false;
      return c.report.findings.some((f) => f.rule === r) === w;
    },
    [want, rule, ctlName],
    { timeout: 10000 },
  );
}

const hasPhone = [true, 'personal-data.phone'];
const noPhone = [false, 'personal-data.phone'];

// How each editor gets the test message typed, and how its mark is read back.
const EDITORS = {
  ckeditor: {
    page: 'ckeditor.html',
    async focus(page) {
      await page.click('.ck-editor__editable');
    },
    async type(page) {
      await this.focus(page);
      await page.keyboard.type(`Avviso ${EMOJI} `);
      await page.keyboard.press('Control+B');
      await page.keyboard.type('strada chiusa');
      await page.keyboard.press('Control+B');
      await page.keyboard.type(` domani: per informazioni chiamate il ${PHONE}`);
    },
    // The text under the phone finding's model marker.
    markedText: (page) =>
      page.evaluate(() => {
        const { editor, ctl } = window.banditoreDemo;
        const f = ctl.findings.find((x) => x.rule === 'personal-data.phone');
        if (!f) return null;
        const m = [...editor.model.markers].find((x) => x.name === `banditore:${f.severity}:${f.index}`);
        if (!m) return null;
        let s = '';
        for (const item of m.getRange().getItems()) if (item.is('$textProxy')) s += item.data;
        return s;
      }),
    domMarks: (page) => page.evaluate(() => [...document.querySelectorAll('.ck-editor__editable .bnd-mark.bnd-error')].map((e) => e.textContent).join('')),
    setRich: (page, html) => page.evaluate((x) => window.banditoreDemo.editor.setData(x), html),
  },
  tinymce: {
    page: 'tinymce.html',
    async focus(page) {
      await page.frameLocator('iframe.tox-edit-area__iframe').locator('body').click();
    },
    async type(page) {
      await this.focus(page);
      await page.keyboard.type(`Avviso ${EMOJI} `);
      await page.keyboard.press('Control+B');
      await page.keyboard.type('strada chiusa');
      await page.keyboard.press('Control+B');
      await page.keyboard.type(` domani: per informazioni chiamate il ${PHONE}`);
    },
    // The text inside the phone finding's annotation (read through TinyMCE's annotator).
    markedText: (page) =>
      page.evaluate(() => {
        const { editor, ctl } = window.banditoreDemo;
        const f = ctl.findings.find((x) => x.rule === 'personal-data.phone');
        if (!f) return null;
        const all = editor.annotator.getAll('banditore');
        const els = Object.values(all).flat().filter((e) => e.getAttribute('data-bnd-index') === String(f.index));
        return els.length ? els.map((e) => e.textContent).join('') : null;
      }),
    domMarks: (page) =>
      page.evaluate(() => [...window.banditoreDemo.editor.getBody().querySelectorAll('.bnd-mark.bnd-error')].map((e) => e.textContent).join('')),
    setRich: (page, html) => page.evaluate((x) => window.banditoreDemo.editor.setContent(x), html),
  },
  textarea: {
    page: 'textarea.html',
    async focus(page) {
      await page.click('#message');
    },
    async type(page) {
      await this.focus(page);
      await page.keyboard.type(`Avviso ${EMOJI} *strada chiusa* domani: per informazioni chiamate il ${PHONE}`);
    },
    // The mirror's mark must sit over the same characters of the textarea's value.
    markedText: (page) =>
      page.evaluate(() => {
        const { ctl } = window.banditoreDemo;
        const ta = document.getElementById('message');
        const f = ctl.findings.find((x) => x.rule === 'personal-data.phone');
        const mark = f && document.querySelector(`.bnd-mirror mark[data-index="${f.index}"]`);
        if (!mark) return null;
        let before = '';
        for (let n = mark.previousSibling; n; n = n.previousSibling) before = n.textContent + before;
        if (ta.value.slice(0, before.length) !== before) return 'mirror out of step with the textarea';
        return ta.value.slice(before.length, before.length + mark.textContent.length);
      }),
    domMarks: (page) => page.evaluate(() => [...document.querySelectorAll('.bnd-mirror mark.bnd-error')].map((e) => e.textContent).join('')),
  },
};

for (const [name, ed] of Object.entries(EDITORS)) {
  describe(`${name}`, () => {
    test('emoji, bold, then a mobile number: marked exactly, fixed, gated, copied as WhatsApp text', async () => {
      const { context, page, log } = await open(ed.page);
      try {
        await ed.type(page);
        await waitReport(page, hasPhone);
        const text = await page.evaluate(() => window.banditoreDemo.ctl.lastText);
        const marker = '*strada chiusa*';
        assert.ok(text.includes(marker), `bold became WhatsApp markup: ${JSON.stringify(text)}`);
        const f = await page.evaluate(() => window.banditoreDemo.ctl.findings.find((x) => x.rule === 'personal-data.phone'));
        assert.equal(f.severity, 'error');
        assert.equal(text.slice(f.start, f.end), PHONE, 'the UTF-16 span selects the number in the sent text');
        assert.equal(await ed.markedText(page), PHONE, 'the mark covers exactly the number');
        assert.equal(await ed.domMarks(page), PHONE, 'the only error mark drawn is the number');
        const severity = page.locator('.bnd-finding[data-rule="personal-data.phone"] .bnd-sev');
        assert.equal(await severity.textContent(), 'Errore', 'the severity is named in Italian');
        await shot(page, `editors-${name}-marked`);

        // The gate refuses while the error remains: the event is cancelled, the function says no.
        const refused = await page.evaluate(() => {
          const ev = new CustomEvent('banditore:before-send', { cancelable: true, detail: {} });
          const ok = window.banditoreDemo.ctl.host.dispatchEvent(ev);
          return { ok, detail: ev.detail };
        });
        assert.equal(refused.ok, false);
        assert.equal(refused.detail.allowed, false);
        assert.equal(refused.detail.results[0].reason, 'errors');
        const gate1 = await page.evaluate(() => window.banditoreDemo.ctl.gate().then((v) => ({ allowed: v.allowed, rules: v.errors.map((e) => e.rule) })));
        assert.deepEqual(gate1, { allowed: false, rules: ['personal-data.phone'] });
        await page.click('#publish');
        await page.waitForSelector('#publish-result.demo-refused');

        // The fix, applied from the panel, edits the editor's text and clears the mark.
        await page.click(`.bnd-finding[data-rule="personal-data.phone"] .bnd-fix`);
        await waitReport(page, noPhone);
        assert.equal(await ed.domMarks(page), '', 'no error mark left');

        const allowed = await page.evaluate(() => {
          const ev = new CustomEvent('banditore:before-send', { cancelable: true, detail: {} });
          return window.banditoreDemo.ctl.host.dispatchEvent(ev);
        });
        assert.equal(allowed, true, 'the gate allows once the error is fixed');
        assert.equal((await page.evaluate(() => window.banditoreDemo.ctl.gate())).allowed, true);

        // "Copia per WhatsApp" puts the converted text on the clipboard.
        await page.click('.bnd-copy');
        await page.waitForFunction(() => document.querySelector('.bnd-gate-result')?.textContent.includes('copiato'));
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied, EXPECTED_COPY);
        // The preview shows it as WhatsApp does: the bold as bold, no asterisks.
        const bubble = await page.evaluate(() => ({
          bold: document.querySelector('.bnd-wa-bubble strong')?.textContent,
          text: document.querySelector('.bnd-wa-bubble').textContent,
        }));
        assert.equal(bubble.bold, 'strada chiusa');
        assert.equal(bubble.text, EXPECTED_COPY.replace(/\*strada chiusa\*/, 'strada chiusa'));
        await shot(page, `editors-${name}-fixed`);
        assert.deepEqual(thirdPartyRequests({ requests: log.requests }, h.origin), []);
        assert.deepEqual(log.errors, []);
      } finally {
        await context.close();
      }
    });

    // A plain textarea has no toolbar of its own.
    if (name !== 'textarea') test('the editor\'s own toolbar speaks Italian, like the panel', async () => {
      const { context, page } = await open(ed.page);
      try {
        await ed.focus(page);
        assert.ok((await page.getByRole('button', { name: /^Grassetto/ }).count()) >= 1, 'the bold button is "Grassetto"');
        assert.equal(await page.getByRole('button', { name: /^Bold/ }).count(), 0, 'no English toolbar label');
      } finally {
        await context.close();
      }
    });

    test('the electoral-period rule fires only when the send time is inside a period', async () => {
      const { context, page } = await open(ed.page);
      try {
        await ed.focus(page);
        await page.keyboard.type('Abbiamo realizzato la nuova piazza: un altro impegno mantenuto dal Sindaco Mario Bianchi.');
        const electoral = [true, 'electoral-period'];
        const notElectoral = [false, 'electoral-period'];
        const setAt = async (v) => {
          await page.fill('.bnd-send-at', v);
          await page.dispatchEvent('.bnd-send-at', 'change');
        };
        await setAt('2026-06-10T10:00'); // after the period
        await waitReport(page, notElectoral);
        await setAt('2026-05-10T10:00'); // inside
        await waitReport(page, electoral);
        const sendAt = await page.evaluate(() => window.banditoreDemo.ctl.sendAt);
        assert.equal(sendAt, '2026-05-10T10:00:00+02:00', 'Rome wall time, summer offset');
        await setAt('2026-04-20T00:30'); // first day, just after midnight in Rome
        await waitReport(page, electoral);
        await setAt('2026-04-19T23:30'); // the evening before
        await waitReport(page, notElectoral);
        if (name === 'ckeditor') await shot(page, 'editors-ckeditor-electoral');
      } finally {
        await context.close();
      }
    });
  });
}

describe('rich text to WhatsApp markup', () => {
  const HTML =
    '<h2>Chiusura</h2><p><strong>Grassetto</strong> <em>corsivo</em> <s>barrato</s> <code>codice</code> e <strong><em>tutti e due</em></strong></p>' +
    '<ul><li>primo</li><li>secondo</li></ul><ol><li>uno</li><li>due</li></ol>' +
    '<p>Vedi <a href="https://www.comune.esempio.mb.it/avvisi">il sito</a> e https://www.comune.esempio.mb.it</p>';
  const EXPECTED = [
    '*Chiusura*',
    '*Grassetto* _corsivo_ ~barrato~ ```codice``` e *_tutti e due_*',
    '- primo',
    '- secondo',
    '1. uno',
    '2. due',
    'Vedi il sito (https://www.comune.esempio.mb.it/avvisi) e https://www.comune.esempio.mb.it',
  ].join('\n');
  for (const name of ['ckeditor', 'tinymce']) {
    test(`${name}: headings, bold, italic, strike, code, lists and links`, async () => {
      const { context, page } = await open(EDITORS[name].page);
      try {
        await EDITORS[name].setRich(page, HTML);
        await page.waitForFunction((exp) => window.banditoreDemo.ctl.text() === exp, EXPECTED, { timeout: 5000 }).catch(() => {});
        assert.equal(await page.evaluate(() => window.banditoreDemo.ctl.text()), EXPECTED);
      } finally {
        await context.close();
      }
    });
  }

  test('contenteditable: the highlight covers the number after emoji and bold', async () => {
    const { context, page } = await open('textarea.html');
    try {
      await page.click('#rich');
      await page.keyboard.type(`Avviso ${EMOJI} `);
      await page.keyboard.press('Control+B');
      await page.keyboard.type('strada chiusa');
      await page.keyboard.press('Control+B');
      await page.keyboard.type(` chiamate il ${PHONE}`);
      await waitReport(page, hasPhone, 'richCtl');
      const marked = await page.evaluate(() => {
        const c = window.banditoreDemo.richCtl;
        const f = c.findings.find((x) => x.rule === 'personal-data.phone');
        return c.adapter.rangeOf(f)?.toString();
      });
      assert.equal(marked, PHONE);
      assert.equal(await page.evaluate(() => CSS.highlights.get('bnd-error').size), 1);
    } finally {
      await context.close();
    }
  });
});

describe('profiles', () => {
  test('a missing profile is a clear error and the gate stays closed', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${h.origin}/editor/textarea.html?profile=non-esiste`);
      await page.waitForSelector('.bnd-status.bnd-status-error');
      const status = await page.textContent('.bnd-status');
      assert.match(status, /Profilo non (trovato|caricato)/);
      assert.match(status, /non-esiste\.json/);
      const v = await page.evaluate(() => window.banditoreDemo.ctl.gate());
      assert.equal(v.allowed, false);
      assert.equal(v.reason, 'profile');
    } finally {
      await context.close();
    }
  });

  test('the five seed profiles load in the switcher', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${h.origin}/editor/textarea.html`);
      const ids = await page.evaluate(() => [...document.querySelectorAll('#profile option')].map((o) => o.value));
      assert.deepEqual(ids, ['seveso', 'leini', 'concorezzo', 'siracusa', 'sesto-calende']);
      for (const id of ids) {
        await page.selectOption('#profile', id);
        await page.waitForFunction((x) => {
          const c = window.banditoreDemo.ctl;
          return (c.report || c.error) && c.profile.endsWith(`/${x}.json`);
        }, id);
        const err = await page.evaluate(() => window.banditoreDemo.ctl.error?.message ?? null);
        assert.equal(err, null, `profile ${id} loads`);
        const cats = await page.evaluate(() => [...document.querySelectorAll('.bnd-category option')].length);
        assert.ok(cats > 1, `${id}: the category picker lists the profile's categories`);
      }
    } finally {
      await context.close();
    }
  });
});

describe('keyboard and pointer', () => {
  test('F8 selects the next finding and shows its message; hovering a mark shows it too', async () => {
    const { context, page } = await open('ckeditor.html');
    try {
      await EDITORS.ckeditor.focus(page);
      await page.keyboard.type(`Chiamate il ${PHONE} oppure visitate http://www.comune.esempio.mb.it`);
      await waitReport(page, hasPhone);
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('F8');
      const sel = await page.evaluate(() => window.getSelection().toString());
      assert.equal(sel, PHONE, 'F8 selected the first finding in the text');
      await page.waitForSelector('.bnd-tip:not([hidden])');
      assert.match(await page.textContent('.bnd-tip'), /personal-data\.phone/);
      await page.keyboard.press('F8');
      assert.equal(await page.evaluate(() => window.getSelection().toString()), 'http://www.comune.esempio.mb.it');
      await page.mouse.move(0, 0);
      const marker = await page.evaluate(() => {
        const f = window.banditoreDemo.ctl.findings.find((x) => x.rule === 'personal-data.phone');
        return `banditore:${f.severity}:${f.index}`;
      });
      const box = await page.locator(`.ck-editor__editable [data-bnd-marker="${marker}"]`).first().boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction(() => /personal-data\.phone/.test(document.querySelector('.bnd-tip:not([hidden])')?.textContent ?? ''));
    } finally {
      await context.close();
    }
  });
});

describe('accessibility', () => {
  test('every editor demo, with a finding in its panel, has no axe-core violation', async () => {
    for (const p of ['index.html', 'textarea.html', 'ckeditor.html', 'tinymce.html']) {
      const context = await h.browser.newContext({ ...VIEWPORTS.desktop });
      await context.route('**/profiles/test.json', (r) => r.fulfill({ body: TEST_PROFILE, contentType: 'application/json' }));
      const page = await context.newPage();
      try {
        await page.goto(`${h.origin}/editor/${p}?profile=test`);
        if (p !== 'index.html') {
          await page.waitForFunction(() => window.banditoreDemo?.ctl?.report, null, { timeout: 20000 });
          // A finding in the panel, so its list, fix button and marks are scanned too.
          const text = 'Chiamate il 347 123 4567';
          if (p === 'textarea.html') await page.fill('#message', text);
          else if (p === 'ckeditor.html') await page.evaluate((t) => window.banditoreDemo.editor.setData(`<p>${t}</p>`), text);
          else await page.evaluate((t) => window.banditoreDemo.editor.setContent(`<p>${t}</p>`), text);
          await waitReport(page, hasPhone);
        }
        const violations = await axeScan(page);
        assert.deepEqual(violations, [], `${p}:\n${formatViolations(violations)}`);
      } finally {
        await context.close();
      }
    }
  });
});
