// The citizen widget in Chromium: every seed comune's consent flow and join step, decline,
// revoke, remember, keyboard-only use, axe-core at every step, the strict CSP, hostile and
// broken profiles, the network log and cookies, phone and desktop. Screenshots: test-artifacts/.
//
// Run: node --test tests/browser/   (needs www/pkg/ and www/dist/ built by scripts/build-wasm.sh)
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, startHarness, openPage, axeScan, formatViolations, shot, thirdPartyRequests,
} from './harness.mjs';
import { STRICT_CSP } from '../../www/serve.mjs';
import { staleReason } from '../../scripts/build-widget.mjs';

const COMUNI = ['seveso', 'leini', 'concorezzo', 'siracusa', 'sesto-calende'];
const profileOf = (id) => JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg-config', `${id}.json`), 'utf8'));
const jsqrSource = fs.readFileSync(path.join(ROOT, 'node_modules/jsqr/dist/jsQR.js'), 'utf8');

let h;
let lab; // a blank page outside the CSP, where QR SVGs are rasterised and decoded
before(async () => {
  // The pages load the built bundle: a stale one would test another widget than the sources.
  const stale = staleReason();
  if (stale) throw new Error(stale);
  h = await startHarness();
  const ctx = await h.browser.newContext();
  lab = await ctx.newPage();
  await lab.evaluate(jsqrSource);
});
after(async () => {
  await h?.close();
});

// ---- helpers -------------------------------------------------------------------------------

const W = 'banditore-iscrizione';

async function ready(page) {
  await page.waitForSelector(`${W}[data-state]`, { timeout: 15_000 });
  return page.locator(W).first().getAttribute('data-state');
}

const stepOf = (page) => page.locator(W).first().getAttribute('data-step');

/** Clicks a button or link of the widget by its accessible name (Playwright pierces the shadow root). */
async function press(page, name) {
  await page.locator(W).getByRole('button', { name, exact: true }).click();
}

/** axe-core finds nothing, and a screenshot records the step. */
async function checkStep(page, label) {
  const violations = await axeScan(page);
  await shot(page, label);
  assert.equal(violations.length, 0, `axe-core at ${label}:\n${formatViolations(violations)}`);
}

function assertClean(s, label) {
  assert.deepEqual(s.log.pageErrors, [], `${label}: page errors`);
  assert.deepEqual(s.log.consoleErrors, [], `${label}: console errors`);
  assert.deepEqual(thirdPartyRequests(s.log, h.origin), [], `${label}: third-party requests`);
}

async function assertNoCookies(s, label) {
  assert.deepEqual(await s.log.cookies(), [], `${label}: cookies set`);
  assert.equal(await s.page.evaluate(() => document.cookie), '', `${label}: document.cookie`);
}

/** Ticks every acknowledgement checkbox and gives consent. */
async function giveConsent(page, lang = 'it') {
  const boxes = page.locator(`${W} input[type=checkbox]`);
  const n = await boxes.count();
  assert.ok(n >= 2, 'at least two acknowledgements');
  for (let i = 0; i < n; i++) {
    assert.equal(await boxes.nth(i).isChecked(), false, 'nothing pre-ticked');
    await boxes.nth(i).check();
  }
  await press(page, lang === 'en' ? 'I consent, continue' : 'Acconsento e continuo');
}

/** Decodes the QR code shown by the widget: its SVG rasterised on a canvas, read by jsQR. */
async function decodeQr(page) {
  const svg = await page.locator(`${W} .b-qr-code svg`).evaluate((el) => {
    const copy = el.cloneNode(true);
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('width', '400');
    copy.setAttribute('height', '400');
    return new XMLSerializer().serializeToString(copy);
  });
  return lab.evaluate(async (markup) => {
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(markup);
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 440;
    canvas.height = 440;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 440, 440);
    g.drawImage(img, 20, 20, 400, 400);
    const data = g.getImageData(0, 0, 440, 440);
    return window.jsQR(data.data, 440, 440)?.data ?? null;
  }, svg);
}

/** What the join step must offer for this profile's first one-way channel. */
function expectedJoin(profile) {
  const c = profile.channels.find((ch) => !/group/.test(ch.kind));
  if (c.kind === 'whatsapp-channel') return { kind: c.kind, url: c.invite_url };
  if (c.kind === 'telegram-channel') return { kind: c.kind, url: c.url };
  const digits = c.number.replace(/\D/g, '').replace(/^00/, '');
  return { kind: c.kind, number: c.number, digits, keyword: c.subscribe_keyword };
}

function assertJoinUrl(url, exp, label) {
  if (exp.url) {
    assert.equal(url, exp.url, `${label}: join link`);
  } else {
    const u = new URL(url);
    assert.equal(u.origin, 'https://wa.me', `${label}: wa.me link`);
    assert.equal(u.pathname, `/${exp.digits}`, `${label}: wa.me number`);
    assert.equal(u.searchParams.get('text'), exp.keyword, `${label}: prefilled keyword`);
  }
}

// ---- every seed comune, desktop and phone ------------------------------------------------

for (const id of COMUNI) {
  describe(`comune ${id}`, () => {
    const profile = profileOf(id);
    const exp = expectedJoin(profile);
    const hasLink = Boolean(exp.url || exp.number);

    test(hasLink ? 'desktop: policy, informativa, consent, join with the QR code; axe at every step'
      : 'desktop: the channel is not open yet, said from the first step; no consent to give; axe at every step', async () => {
      const s = await openPage(h, `/comuni/${id}.html`, { device: 'desktop' });
      const res = await s.page.request.get(s.url);
      assert.equal(res.headers()['content-security-policy'], STRICT_CSP);
      const state = await ready(s.page);
      if (!hasLink) {
        // The seed publishes no link yet: the widget says so from the first step, and offers no
        // consent to a channel that does not exist; declining still works.
        assert.equal(state, 'ready');
        const notice = s.page.locator(`${W} [data-unavailable]`);
        assert.match(await notice.textContent(), /.{20,}/, 'says the channel is not open yet');
        await checkStep(s.page, `${id}-desktop-1-unavailable`);
        await press(s.page, 'Continua');
        await press(s.page, 'Continua');
        assert.equal(await stepOf(s.page), 'consent');
        assert.equal(await s.page.locator(W).getByRole('button', { name: 'Acconsento e continuo' }).count(), 0);
        assert.equal(await notice.count(), 1);
        await checkStep(s.page, `${id}-desktop-3-unavailable-consent`);
        await press(s.page, 'Non acconsento');
        assert.equal(await stepOf(s.page), 'declined');
        assertClean(s, id);
        await assertNoCookies(s, id);
        await s.context.close();
        return;
      }
      assert.equal(state, 'ready');
      assert.equal(await stepOf(s.page), 'policy');
      const shadowText = () => s.page.locator(W).evaluate((el) => el.shadowRoot.textContent);
      assert.ok((await shadowText()).includes(profile.comune.name), 'names the comune');
      await checkStep(s.page, `${id}-desktop-1-policy`);

      // The full policy on demand.
      await s.page.locator(`${W} summary`).click();
      const firstArticle = profile.policy.articles[0];
      assert.ok((await shadowText()).includes(firstArticle.title), 'full text shows the articles');
      await checkStep(s.page, `${id}-desktop-1b-policy-full`);

      await press(s.page, 'Continua');
      assert.equal(await stepOf(s.page), 'informativa');
      assert.match(await s.page.evaluate(() => document.activeElement.shadowRoot?.activeElement?.tagName), /^H\d$/, 'focus on the step heading');
      await checkStep(s.page, `${id}-desktop-2-informativa`);

      await press(s.page, 'Continua');
      assert.equal(await stepOf(s.page), 'consent');
      assert.equal(await s.page.locator(`${W} fieldset legend`).count(), 1, 'fieldset with a legend');
      await checkStep(s.page, `${id}-desktop-3-consent`);

      // Consent without the acknowledgements is refused with a message, not silently.
      await press(s.page, 'Acconsento e continuo');
      assert.equal(await stepOf(s.page), 'consent');
      assert.match(await s.page.locator(`${W} [role=alert]`).first().textContent(), /conferm/);
      await checkStep(s.page, `${id}-desktop-3b-consent-missing`);

      await giveConsent(s.page);
      assert.equal(await stepOf(s.page), 'join');
      await checkStep(s.page, `${id}-desktop-4-join`);

      const qr = await decodeQr(s.page);
      assert.ok(qr, 'the QR code decodes');
      const linkUnder = await s.page.locator(`${W} [data-join=link]`).getAttribute('href');
      assert.equal(qr, linkUnder, 'the QR code and the link under it agree');
      assertJoinUrl(qr, exp, id);
      assert.equal(await s.page.locator(`${W} [data-join=open]`).count(), 0, 'no phone button on desktop');

      const text = await shadowText();
      assert.match(text, /Come cancellarti|cancell/i, 'how to unsubscribe');
      assert.match(text, /non sostitui/i, 'does not replace the official channels');
      if (profile.comune.website) assert.ok(text.includes(new URL(profile.comune.website).host), 'official website');

      if (exp.number) {
        assert.equal(await s.page.locator(`${W} [data-number]`).getAttribute('data-number'), exp.number);
        const download = s.page.waitForEvent('download');
        await s.page.locator(W).getByRole('link', { name: 'Salva contatto' }).click();
        const file = await (await download).path();
        const vcard = fs.readFileSync(file, 'utf8');
        assert.match(vcard, /BEGIN:VCARD/);
        assert.ok(vcard.replace(/\D/g, '').includes(exp.digits), 'vCard holds the number');
        const sub = await s.page.locator(`${W} [data-join=subscribe]`).count();
        const subscribeUrl = sub ? await s.page.locator(`${W} [data-join=subscribe]`).getAttribute('href') : linkUnder;
        assertJoinUrl(subscribeUrl, exp, `${id} subscribe`);
      }

      // The demo page logs the consent event (no personal data in it).
      assert.match(await s.page.locator('[data-event-log]').textContent(), /given[\s\S]*policy_version/);
      assertClean(s, id);
      await assertNoCookies(s, id);
      await s.context.close();
    });

    test(hasLink ? 'phone: the join step is an "Apri in WhatsApp" button with the right link'
      : 'phone: no link yet, so no button to open, and nothing to consent to', async () => {
      const s = await openPage(h, `/comuni/${id}.html`, { device: 'phone' });
      assert.equal(await ready(s.page), 'ready');
      const open = s.page.locator(W).getByRole('link', { name: /^Apri in (WhatsApp|Telegram)$/ });
      const overflow = () => s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await checkStep(s.page, `${id}-phone-1-policy`);
      await press(s.page, 'Continua');
      await press(s.page, 'Continua');
      await checkStep(s.page, `${id}-phone-3-consent`);
      if (hasLink) {
        await giveConsent(s.page);
        assert.equal(await stepOf(s.page), 'join');
        assert.equal(await open.count(), 1);
        assertJoinUrl(await open.getAttribute('href'), exp, `${id} phone`);
        assert.equal(await s.page.locator(`${W} .b-qr-code`).count(), 0, 'no QR code on a phone');
        await checkStep(s.page, `${id}-phone-4-join`);
      } else {
        assert.equal(await stepOf(s.page), 'consent');
        assert.match(await s.page.locator(`${W} [data-unavailable]`).textContent(), /.{20,}/, 'says the channel is not open yet');
        assert.equal(await s.page.locator(W).getByRole('button', { name: 'Acconsento e continuo' }).count(), 0);
        assert.equal(await open.count(), 0, 'no button to open a channel that does not exist');
      }
      assert.ok((await overflow()) <= 0, `no horizontal scrolling (${await overflow()}px)`);
      assertClean(s, `${id} phone`);
      await assertNoCookies(s, `${id} phone`);
      await s.context.close();
    });
  });
}

// ---- decline, revoke, remember -------------------------------------------------------------

const TEST_PAGE = '/__test__/embed.html';
const SOURCE_PAGE = '/__test__/embed-source.html';
const SIRACUSA = '/profiles/siracusa.json';

/** The widget's requests: the bundle is one script plus its stylesheet and WASM, all under /dist/. */
function assertWidgetFiles(log, build) {
  const paths = log.requests.map((u) => new URL(u).pathname);
  const widget = paths.filter((p) => /^\/(dist\/|widget\/|pkg\/banditore_widget\/|banditore-iscrizione\.js)/.test(p));
  const scripts = widget.filter((p) => p.endsWith('.js'));
  if (build === 'bundle') {
    assert.deepEqual(scripts, ['/dist/banditore-iscrizione.js'], 'one script');
    assert.ok(widget.every((p) => p.startsWith('/dist/')), `everything from /dist/: ${widget}`);
    assert.ok(widget.includes('/dist/pkg/banditore_widget/banditore_widget_bg.wasm') && widget.includes('/dist/widget/widget.css'));
  } else {
    assert.ok(scripts.includes('/banditore-iscrizione.js') && scripts.includes('/widget/element.js'), `unbundled: ${scripts}`);
    assert.ok(!widget.some((p) => p.startsWith('/dist/')), 'nothing from the bundle');
  }
}

describe('consent choices', () => {
  test('declining is a normal outcome, with the official channels; the event says so', async () => {
    const s = await openPage(h, `${TEST_PAGE}?profile=${SIRACUSA}`);
    assert.equal(await ready(s.page), 'ready');
    await press(s.page, 'Continua');
    await press(s.page, 'Continua');
    await s.page.locator(`${W} input[type=checkbox]`).first().check();
    await press(s.page, 'Non acconsento');
    assert.equal(await stepOf(s.page), 'declined');
    const text = await s.page.locator(W).evaluate((el) => el.shadowRoot.textContent);
    assert.match(text, /Albo Pretorio|PEC|sito/i, 'points to the official channels');
    await checkStep(s.page, 'declined');
    const events = await s.page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => e.action), ['declined']);
    assert.equal(events[0].receipt, null);
    // Starting again: nothing is pre-ticked.
    await press(s.page, 'Ricomincia');
    assert.equal(await stepOf(s.page), 'policy');
    await press(s.page, 'Continua');
    await press(s.page, 'Continua');
    const boxes = await s.page.locator(`${W} input[type=checkbox]`).all();
    assert.ok(boxes.length >= 2, `the acknowledgements are back (${boxes.length})`);
    for (const b of boxes) assert.equal(await b.isChecked(), false);
    assertClean(s, 'decline');
    await s.context.close();
  });

  // Once with the shipped bundle, once with the unbundled sources it is built from.
  for (const [build, pagePath] of [['bundle', TEST_PAGE], ['sources', SOURCE_PAGE]]) test(`revoking explains how to leave and forgets the stored receipt (${build})`, async () => {
    const s = await openPage(h, `${pagePath}?profile=${SIRACUSA}&remember=1`);
    assert.equal(await ready(s.page), 'ready');
    assertWidgetFiles(s.log, build);
    await press(s.page, 'Continua');
    await press(s.page, 'Continua');
    await giveConsent(s.page);
    assert.equal(await stepOf(s.page), 'join');
    const stored = await s.page.evaluate(() => ({ ...localStorage }));
    assert.deepEqual(Object.keys(stored), ['banditore:receipt:siracusa']);
    const saved = JSON.parse(stored['banditore:receipt:siracusa']);
    assert.deepEqual(Object.keys(saved).sort(), ['acknowledgements', 'consented_at', 'lang', 'policy_version', 'profile_id'], 'only the receipt');
    await press(s.page, 'Revoca il consenso');
    assert.equal(await stepOf(s.page), 'revoked');
    const text = await s.page.locator(W).evaluate((el) => el.shadowRoot.textContent);
    assert.match(text, /Non seguire più|DISATTIVA ISCRIZIONE|abbandon/i, 'how to actually leave the channel');
    await checkStep(s.page, `revoked-${build}`);
    assert.deepEqual(await s.page.evaluate(() => ({ ...localStorage })), {}, 'receipt forgotten');
    const events = await s.page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => e.action), ['given', 'revoked']);
    assertClean(s, `revoke (${build})`);
    await s.context.close();
  });

  test('the consent event carries a receipt without personal data', async () => {
    const s = await openPage(h, `${TEST_PAGE}?profile=/profiles/concorezzo.json`);
    assert.equal(await ready(s.page), 'ready');
    await press(s.page, 'Continua');
    await press(s.page, 'Continua');
    await giveConsent(s.page);
    const [event] = await s.page.evaluate(() => window.__events);
    assert.equal(event.action, 'given');
    assert.deepEqual(Object.keys(event.receipt).sort(), ['acknowledgements', 'consented_at', 'lang', 'policy_version', 'profile_id']);
    assert.equal(event.receipt.profile_id, 'concorezzo');
    assert.match(event.receipt.policy_version, /^sha256:[0-9a-f]{64}$/);
    assert.ok(event.receipt.acknowledgements.includes('contact-list'), 'a broadcast list asks about the contact list');
    assert.ok(Math.abs(Date.parse(event.receipt.consented_at) - Date.now()) < 120_000, 'consent time is now');
    await s.context.close();
  });

  test('without `remember` nothing is stored; with it a returning visitor goes straight to joining', async () => {
    const plain = await openPage(h, `${TEST_PAGE}?profile=${SIRACUSA}`);
    await ready(plain.page);
    await press(plain.page, 'Continua');
    await press(plain.page, 'Continua');
    await giveConsent(plain.page);
    assert.deepEqual(await plain.page.evaluate(() => ({ ...localStorage })), {}, 'no storage without opt-in');
    await plain.page.reload();
    await ready(plain.page);
    assert.equal(await stepOf(plain.page), 'policy', 'forgotten on reload');
    await plain.context.close();

    const s = await openPage(h, `${TEST_PAGE}?profile=${SIRACUSA}&remember=1`);
    await ready(s.page);
    await press(s.page, 'Continua');
    await press(s.page, 'Continua');
    await giveConsent(s.page);
    await s.page.reload();
    assert.equal(await ready(s.page), 'ready');
    assert.equal(await stepOf(s.page), 'join', 'returning visitor sees the join step');
    await checkStep(s.page, 'remembered-join');

    // The policy changed since (another policy version in the stored receipt): ask again.
    await s.page.evaluate(() => {
      const key = 'banditore:receipt:siracusa';
      const r = JSON.parse(localStorage.getItem(key));
      r.policy_version = 'sha256:' + '0'.repeat(64);
      localStorage.setItem(key, JSON.stringify(r));
    });
    await s.page.reload();
    await ready(s.page);
    assert.equal(await stepOf(s.page), 'policy', 'a changed policy asks again');
    assert.equal(await s.page.locator(`${W} .b-notice`).count(), 1, 'and says why');
    await checkStep(s.page, 'policy-changed');
    assertClean(s, 'remember');
    await assertNoCookies(s, 'remember');
    await s.context.close();
  });
});

// ---- keyboard only -------------------------------------------------------------------------

describe('keyboard only', () => {
  /**
   * Presses Tab until the focused element inside the widget matches `want` ({ text },
   * { uncheckedBox: true } or { radio: channelIndex }), and checks it shows a focus ring.
   */
  async function tabTo(page, want, max = 60) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate((w) => {
        const el = document.activeElement?.shadowRoot?.activeElement;
        if (!el) return null;
        const ok = w.uncheckedBox
          ? el.type === 'checkbox' && !el.checked
          : w.radio !== undefined
            ? el.type === 'radio' && el.dataset.channel === w.radio
            : el.textContent.trim() === w.text;
        if (!ok) return null;
        const cs = getComputedStyle(el);
        return { outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
      }, want);
      if (hit) {
        assert.ok(hit.outline !== 'none' && hit.width >= 2, `visible focus ring (${JSON.stringify(hit)})`);
        return;
      }
    }
    assert.fail(`Tab never reached ${JSON.stringify(want)}`);
  }

  test('Tab, Space and Enter take a citizen from the policy to the join link, and back out', async () => {
    const s = await openPage(h, `${TEST_PAGE}?profile=/profiles/concorezzo.json&remember=1`);
    assert.equal(await ready(s.page), 'ready');
    await tabTo(s.page, { text: 'Continua' });
    await s.page.keyboard.press('Enter');
    assert.equal(await stepOf(s.page), 'informativa');
    const focused = await s.page.evaluate(() => document.activeElement.shadowRoot.activeElement.textContent);
    assert.match(focused, /informativa|privacy/i, 'focus moved to the new step heading');
    const live = await s.page.locator(`${W} [aria-live]`).first().textContent();
    assert.match(live, /Informativa/i, 'the live region announces the step');
    await tabTo(s.page, { text: 'Continua' });
    await s.page.keyboard.press('Enter');
    assert.equal(await stepOf(s.page), 'consent');
    const n = await s.page.locator(`${W} input[type=checkbox]`).count();
    for (let i = 0; i < n; i++) {
      await tabTo(s.page, { uncheckedBox: true });
      await s.page.keyboard.press('Space');
    }
    await tabTo(s.page, { text: 'Acconsento e continuo' });
    await s.page.keyboard.press('Enter');
    assert.equal(await stepOf(s.page), 'join');
    await tabTo(s.page, { text: 'Salva contatto' });
    await tabTo(s.page, { text: 'Revoca il consenso' });
    await s.page.keyboard.press('Space');
    assert.equal(await stepOf(s.page), 'revoked');
    await shot(s.page, 'keyboard-revoked');
    assertClean(s, 'keyboard');
    await s.context.close();
  });

  test('two channels: arrow keys pick Telegram on the first step, focus stays on the choice, a return visit keeps it', async () => {
    const s = await openPage(h, `${TEST_PAGE}?profile=/__test__/two-channels.json&remember=1`, { device: 'desktop' });
    assert.equal(await ready(s.page), 'ready');
    const radios = s.page.locator(`${W} input[type=radio]`);
    assert.equal(await radios.count(), 2, 'one choice per channel');
    assert.equal(await s.page.locator(`${W} fieldset.b-channels legend`).textContent(), 'Dove vuoi ricevere le comunicazioni del Comune?');
    await tabTo(s.page, { radio: '0' });
    await s.page.keyboard.press('ArrowDown');
    await s.page.waitForFunction(() => document.querySelector('banditore-iscrizione').view?.channel.kind === 'telegram-channel');
    const focused = await s.page.evaluate(() => document.activeElement.shadowRoot.activeElement?.dataset.channel);
    assert.equal(focused, '1', 'focus stays on the chosen channel after the re-render');
    assert.equal(await radios.nth(1).isChecked(), true);
    assert.equal(await stepOf(s.page), 'policy');
    await checkStep(s.page, 'two-channels-policy');
    await press(s.page, 'Continua');
    assert.equal(await s.page.locator(`${W} input[type=radio]`).count(), 0, 'the choice is made on the first step only');
    await press(s.page, 'Continua');
    await giveConsent(s.page);
    assert.equal(await stepOf(s.page), 'join');
    assertJoinUrl(await s.page.locator(`${W} [data-join=link]`).getAttribute('href'), { url: 'https://t.me/comuneesempio' }, 'telegram');
    await checkStep(s.page, 'two-channels-join');
    await s.page.reload();
    await ready(s.page);
    assert.equal(await stepOf(s.page), 'join', 'the stored receipt brings the citizen back to the Telegram channel');
    assertJoinUrl(await s.page.locator(`${W} [data-join=link]`).getAttribute('href'), { url: 'https://t.me/comuneesempio' }, 'telegram, again');
    assertClean(s, 'two channels');
    await s.context.close();
  });
});

// ---- languages and widths ------------------------------------------------------------------

describe('language and width', () => {
  test('English with lang="en"', async () => {
    const s = await openPage(h, `${TEST_PAGE}?profile=${SIRACUSA}&lang=en`);
    assert.equal(await ready(s.page), 'ready');
    await press(s.page, 'Continue');
    await press(s.page, 'Continue');
    await giveConsent(s.page, 'en');
    assert.equal(await stepOf(s.page), 'join');
    const text = await s.page.locator(W).evaluate((el) => el.shadowRoot.textContent);
    assert.match(text, /How to leave|leave/i);
    await checkStep(s.page, 'english-join');
    await s.context.close();
  });

  test('themeable with CSS custom properties from the page', async () => {
    // Reduced motion: no colour transition to wait for.
    const s = await openPage(h, `${TEST_PAGE}?profile=${SIRACUSA}`, { reducedMotion: 'reduce' });
    assert.equal(await ready(s.page), 'ready');
    const button = s.page.locator(W).getByRole('button', { name: 'Continua', exact: true });
    const bg = () => button.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(await bg(), 'rgb(0, 102, 204)', 'Bootstrap Italia primary by default');
    // CSSOM, not a style attribute in markup: allowed by the page's CSP.
    await s.page.locator(W).evaluate((el) => el.style.setProperty('--banditore-primary', '#8a1538'));
    assert.equal(await bg(), 'rgb(138, 21, 56)', 'the comune colour');
    assertClean(s, 'theme');
    await s.context.close();
  });

  test('usable at 320 px wide', async () => {
    const s = await openPage(h, `/comuni/concorezzo.html`, { device: 'phone', viewport: { width: 320, height: 640 } });
    assert.equal(await ready(s.page), 'ready');
    await press(s.page, 'Continua');
    await press(s.page, 'Continua');
    await giveConsent(s.page);
    const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 320 px (${overflow}px)`);
    await checkStep(s.page, 'concorezzo-320-join');
    await s.context.close();
  });
});

// ---- broken and hostile profiles -----------------------------------------------------------

describe('never a blank box', () => {
  async function errorText(page) {
    assert.equal(await ready(page), 'error');
    const text = await page.locator(W).evaluate((el) => el.shadowRoot.textContent);
    assert.ok(text.trim().length > 20, 'a message, not a blank box');
    return text;
  }

  test('a missing profile file', async () => {
    const s = await openPage(h, `${TEST_PAGE}?profile=/profiles/non-esiste.json`);
    assert.match(await errorText(s.page), /404/);
    await checkStep(s.page, 'error-404');
    await s.context.close();
  });

  test('a profile that is not JSON', async () => {
    const s = await openPage(h, `${TEST_PAGE}?profile=/__test__/not-json.json`);
    assert.match(await errorText(s.page), /JSON/);
    await s.context.close();
  });

  test('an invalid profile lists the validation messages', async () => {
    const s = await openPage(h, `${TEST_PAGE}?profile=/__test__/invalid.json`);
    const text = await errorText(s.page);
    assert.match(text, /non è valido/);
    assert.ok((await s.page.locator(`${W} .b-issues li`).count()) >= 1, 'the issues are listed');
    assert.match(text, /\$\.channels/);
    await checkStep(s.page, 'error-invalid');
    await s.context.close();
  });

  test('a profile with only a group (not one-way) is refused', async () => {
    const s = await openPage(h, `${TEST_PAGE}?profile=/__test__/group-only.json`);
    assert.match(await errorText(s.page), /\$\.channels/);
    await s.context.close();
  });

  test('a profile on another host is refused before any request', async () => {
    const s = await openPage(h, `${TEST_PAGE}?profile=https://example.org/p.json`);
    assert.match(await errorText(s.page), /stesso sito/);
    assert.deepEqual(thirdPartyRequests(s.log, h.origin), []);
    await s.context.close();
  });

  // Issue 12 item 6: the seeds publish no policy or informativa page, so no join link either
  // (widget-api.test.mjs checks the order policy, informativa, join link on a profile that has them).
  test('without WebAssembly: a message, the comune\'s site, and no join link without the policy and informativa pages', async () => {
    const s = await h.browser.newContext();
    const page = await s.newPage();
    await page.addInitScript(() => {
      delete window.WebAssembly;
    });
    await page.goto(`${h.origin}${TEST_PAGE}?profile=${SIRACUSA}`);
    assert.equal(await ready(page), 'error');
    const text = await page.locator(W).evaluate((el) => el.shadowRoot.textContent);
    assert.match(text, /WebAssembly/);
    assert.equal(await page.locator(`${W} [data-join]`).count(), 0, 'no join link');
    const site = page.locator(W).getByRole('link', { name: profileOf('siracusa').comune.website });
    assert.equal(await site.count(), 1, 'the comune\'s site');
    await checkStep(page, 'error-no-wasm');
    await s.close();
  });

  /** What the shadow root holds now: its text, element names, links and inline handlers. */
  const inspect = (page) =>
    page.locator(W).evaluate((el) => ({
      text: el.shadowRoot.textContent,
      tags: [...el.shadowRoot.querySelectorAll('*')].map((n) => n.localName),
      hrefs: [...el.shadowRoot.querySelectorAll('[href]')].map((n) => n.getAttribute('href')),
      handlers: [...el.shadowRoot.querySelectorAll('*')].flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
    }));
  const assertInert = (dom, label) => {
    for (const tag of ['img', 'script', 'iframe', 'b']) assert.ok(!dom.tags.includes(tag), `${label}: no <${tag}> element`);
    assert.deepEqual(dom.handlers, [], `${label}: no inline handlers`);
    assert.ok(dom.hrefs.every((u) => !/^\s*javascript:/i.test(u)), `${label}: no javascript: link`);
  };

  test('a hostile profile is refused, its markup named as text and never run', async () => {
    const cases = {
      // Markup in eight texts: each is an error naming its field, the tag quoted as text.
      'hostile-text': { paths: ['$.comune.name', '$.policy.articles[0].paragraphs[0]', '$.help.name'], literal: ['<script>', '<img src=x onerror='] },
      // javascript: as the join link and the website: errors, and no fallback link to them.
      'hostile-link': { paths: ['$.channels[0].invite_url', '$.comune.website'], literal: ['javascript'] },
    };
    for (const [file, exp] of Object.entries(cases)) {
      const s = await openPage(h, `${TEST_PAGE}?profile=/__test__/${file}.json`);
      assert.equal(await ready(s.page), 'error', `${file}: refused`);
      const dom = await inspect(s.page);
      await shot(s.page, `hostile-${file}-error`);
      assertInert(dom, file);
      assert.ok(!dom.tags.includes('svg'), `${file}: no <svg> (an error box draws no QR code)`);
      assert.match(dom.text, /non è valido/, `${file}: says the profile is invalid`);
      for (const p of exp.paths) assert.ok(dom.text.includes(p), `${file}: names ${p}`);
      for (const l of exp.literal) assert.ok(dom.text.includes(l), `${file}: shows ${l} as text`);
      assert.equal(await s.page.evaluate(() => window.__pwned ?? null), null, `${file}: nothing ran`);
      assert.deepEqual(s.log.pageErrors, []);
      assert.deepEqual(thirdPartyRequests(s.log, h.origin), [], `${file}: no third-party request`);
      await s.context.close();
    }
  });

  test('text that looks like markup but is valid is shown literally at every step', async () => {
    // A valid profile whose texts hold <, >, &, quotes and escaped entities: rendered through
    // innerHTML, "&lt;b&gt;" would turn into "<b>" and "&#60;script&#62;" into "<script>".
    const s = await openPage(h, `${TEST_PAGE}?profile=/__test__/tricky-text.json`);
    assert.equal(await ready(s.page), 'ready');
    const seen = [];
    await s.page.locator(`${W} summary`).click(); // the full policy, with the articles
    seen.push(await inspect(s.page));
    await press(s.page, 'Continua');
    seen.push(await inspect(s.page));
    await press(s.page, 'Continua');
    await giveConsent(s.page);
    assert.equal(await stepOf(s.page), 'join');
    seen.push(await inspect(s.page));
    await shot(s.page, 'tricky-text-join');
    seen.forEach((dom, i) => assertInert(dom, `step ${i}`));
    const text = seen.map((d) => d.text).join('\n');
    for (const literal of [
      'Disciplinare: 3 < 5 & 5 > 3',
      'Art. 1 &lt;b&gt;grassetto&lt;/b&gt;',
      'Testo con &amp; e &#60;script&#62; scritti per esteso, e <3 cuori.',
      "Finalità «informative» & 'istituzionali' > 0",
      'Ufficio relazioni col pubblico (URP) < 2 km',
    ]) {
      assert.ok(text.includes(literal), `shown literally: ${literal}`);
    }
    assertClean(s, 'tricky text');
    await s.context.close();
  });
});

// ---- loading="lazy" ------------------------------------------------------------------------

describe('loading="lazy"', () => {
  test('nothing is downloaded until the widget comes near the viewport; then it loads as usual', async () => {
    const s = await openPage(h, '/__test__/lazy.html');
    const fetched = () => s.log.requests.map((u) => new URL(u).pathname).filter((p) => p.endsWith('.wasm') || p.startsWith('/profiles/'));
    await s.page.waitForTimeout(600);
    assert.deepEqual(fetched(), [], 'no WASM and no profile while the widget is three screens away');
    assert.equal(await s.page.locator(W).getAttribute('data-state'), null, 'not started');
    assert.match(await s.page.locator(W).evaluate((el) => el.shadowRoot.textContent), /Caricamento/, 'never a blank box');
    await s.page.locator(W).scrollIntoViewIfNeeded();
    assert.equal(await ready(s.page), 'ready');
    assert.deepEqual(fetched().sort(), ['/dist/pkg/banditore_widget/banditore_widget_bg.wasm', '/profiles/siracusa.json']);
    assert.equal(await stepOf(s.page), 'policy');
    await checkStep(s.page, 'lazy-ready');
    assertClean(s, 'lazy');
    await s.context.close();
  });
});

// ---- demo pages ----------------------------------------------------------------------------

describe('demo site', () => {
  test('the home and the embed page pass axe-core with no console errors', async () => {
    for (const p of ['/index.html', '/embed.html']) {
      const s = await openPage(h, p);
      // Both embed a widget: the home page with the demo's default profile (Siracusa).
      assert.equal(await ready(s.page), 'ready');
      assertWidgetFiles(s.log, 'bundle');
      if (p === '/index.html') {
        assert.equal(await s.page.locator(W).first().getAttribute('profile'), '/profiles/siracusa.json');
        // Playwright's text locators pierce the open shadow root.
        assert.ok((await s.page.locator(W).getByText(/Comune di Siracusa/).count()) > 0, 'the widget shows the comune');
      }
      await checkStep(s.page, `demo${p.replace(/\W+/g, '-')}`);
      assertClean(s, p);
      await assertNoCookies(s, p);
      await s.context.close();
    }
  });
});
