// The profile builder (www/crea/) in Chromium, under the demo's strict CSP:
// - a fictitious comune built from the Concorezzo template through the form with the keyboard,
//   with a deliberate error (a website without https) shown next to its field and fixed; the
//   exported JSON passes `banditore validate`; the previewed widget goes through consent and join;
//   the documents download (HTML, ODT); axe-core finds nothing;
// - each seed profile imported then exported comes back equal (round trip);
// - the draft is kept only when asked; offline after the first load; nothing leaves the page;
// - the pre-send checker's settings (`checker`) set through the form only, exported exactly, valid
//   for the CLI, which then checks a message with them; invalid entries shown at their row;
// - the profile's translations (`translations`) typed through the form only, exported exactly,
//   valid for the CLI, shown by the widget in German; a translation whose text is gone or changed
//   flagged at its entry; a profile with translations round-trips byte for byte.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { ROOT, axeScan, formatViolations, openPage, shot, startHarness, thirdPartyRequests } from './harness.mjs';

const W = 'banditore-iscrizione';
const SEEDS = ['seveso', 'leini', 'concorezzo', 'siracusa', 'sesto-calende'];
const SITE = 'https://www.comune.roccafittizia.mb.it';
let h;

before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** The CLI built by `cargo test` (scripts/test.sh runs it first), else built now. */
function banditore(args, input) {
  const bin = path.join(ROOT, 'target/debug/banditore');
  if (fs.existsSync(bin)) return spawnSync(bin, args, { cwd: ROOT, encoding: 'utf8', input });
  return spawnSync('cargo', ['run', '--quiet', '--', ...args], { cwd: ROOT, encoding: 'utf8', input });
}

function assertClean(s, label) {
  assert.deepEqual(s.log.pageErrors, [], `${label}: page errors`);
  assert.deepEqual(s.log.consoleErrors, [], `${label}: console errors`);
  assert.deepEqual(thirdPartyRequests(s.log, h.origin), [], `${label}: third-party requests`);
}

async function axeClean(page, label) {
  const violations = await axeScan(page);
  await shot(page, `builder-${label}`);
  assert.equal(violations.length, 0, `axe-core at ${label}:\n${formatViolations(violations)}`);
}

async function openBuilder(options) {
  const s = await openPage(h, '/crea/', options);
  await s.page.waitForFunction(() => document.getElementById('modello')?.options.length === 5);
  return s;
}

/** Waits for the validator to catch up with the last keystroke (it runs 150 ms after). */
async function settle(page) {
  await page.waitForTimeout(400);
}

const errorCount = (page) => page.locator('#elenco-errori li').count();

/** Imports a profile file into the builder as a comune would, and waits for the form and the validator. */
async function importFile(page, file) {
  await page.setInputFiles('#importa', file);
  await page.waitForSelector('#lavoro:not([hidden])');
  await settle(page);
}

async function downloadOf(page, press) {
  const download = page.waitForEvent('download');
  await press();
  const d = await download;
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

/** What a comune clerk would type over each placeholder. */
function fillFor(placeholder) {
  if (/e-mail/.test(placeholder)) return 'comunicazione@comune.roccafittizia.mb.it';
  if (/WhatsApp/.test(placeholder)) return '+393331234567';
  if (/telefono/.test(placeholder)) return '333 1234567';
  if (/pagina/.test(placeholder)) return `${SITE}/canale-whatsapp`;
  return 'Roccafittizia';
}

describe('the profile builder', () => {
  test('a new comune from the Concorezzo template, keyboard only, with an error fixed on the way', async () => {
    const s = await openBuilder();
    const { page } = s;
    await axeClean(page, 'start');

    // The start panel: template (Concorezzo is the first), name, province, a website without https.
    await page.focus('#modello');
    assert.equal(await page.locator('#modello').inputValue(), 'concorezzo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Roccafittizia');
    await page.keyboard.press('Tab');
    await page.keyboard.type('MB');
    await page.keyboard.press('Tab');
    await page.keyboard.type('www.comune.roccafittizia.mb.it');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#lavoro:not([hidden])');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'titolo-modulo', 'focus on the form');
    await settle(page);

    // The deliberate error, next to its field and in the summary.
    const site = page.locator('#f-comune-website');
    assert.equal(await site.inputValue(), 'www.comune.roccafittizia.mb.it');
    assert.equal(await site.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#e-f-comune-website').textContent(), /Errore: .*https/);
    assert.ok((await site.getAttribute('aria-describedby')).includes('e-f-comune-website'), 'the message is tied to the field');
    // The placeholders the template left are errors too, each at its field.
    assert.match(await page.locator('#e-f-channels-0-number').textContent(), /DA COMPILARE/);
    assert.match(await page.locator('#conteggio').textContent(), /errori? da correggere/);
    await axeClean(page, 'template-errors');

    // Fix everything from the summary: Enter on an error's link puts the focus in its field.
    for (let round = 0; round < 30 && (await errorCount(page)) > 0; round++) {
      const link = page.locator('#elenco-errori li a').first();
      const targetId = (await link.getAttribute('href')).slice(1);
      await link.focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), targetId, 'Enter on the summary focuses the field');
      const value = await page.locator(`#${targetId}`).inputValue();
      let fixed;
      // The site typed without https went wherever the template puts the site (the controller's too).
      if (value === 'www.comune.roccafittizia.mb.it') fixed = SITE;
      else {
        fixed = value.replace(/«DA COMPILARE[^»]*»/g, (m) => fillFor(m));
        assert.notEqual(fixed, value, `nothing to fix in ${targetId}: ${value}`);
      }
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(fixed);
      await settle(page);
      if (targetId === 'f-comune-website') {
        assert.equal(await site.getAttribute('aria-invalid'), null, 'fixed: no longer invalid');
        assert.doesNotMatch(await page.locator('#e-f-comune-website').textContent(), /Errore/);
      }
    }
    assert.equal(await errorCount(page), 0, await page.locator('#elenco-errori').textContent());
    assert.match(await page.locator('#conteggio').textContent(), /il profilo è valido/);
    // Concorezzo gives no DPO and no retention: the meter says so.
    assert.match(await page.locator('#completezza-testo').textContent(), /^\d su 8$/);

    // The DPO typed in: the meter counts it.
    const before = Number(await page.locator('#completezza').getAttribute('value') ?? await page.locator('#completezza').evaluate((m) => m.value));
    await page.focus('#f-privacy-dpo-name');
    await page.keyboard.type('Avv. Anna Verdi, Responsabile della protezione dei dati');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('dpo@comune.roccafittizia.mb.it');
    await settle(page);
    assert.equal(await page.locator('#completezza').evaluate((m) => m.value), before + 1);
    await axeClean(page, 'valid');

    // Export: the JSON passes `banditore validate`.
    await page.focus('#scarica-json');
    const json = await downloadOf(page, () => page.keyboard.press('Enter'));
    assert.equal(json.name, 'roccafittizia.json');
    const file = path.join(ROOT, 'test-artifacts', 'builder-roccafittizia.json');
    fs.writeFileSync(file, json.bytes);
    const v = banditore(['validate', file]);
    assert.equal(v.status, 0, `banditore validate: ${v.stdout}${v.stderr}`);
    const profile = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(profile.comune.name, 'Roccafittizia');
    assert.equal(profile.channels[0].number, '+393331234567');
    assert.ok(!JSON.stringify(profile).includes('Concorezzo"'), 'the seed comune is gone');
    assert.match(await page.locator('#codice').textContent(), /profile="\/banditore\/profili\/roccafittizia\.json"/);

    // Documents from the browser.
    const odt = await downloadOf(page, () => page.getByRole('button', { name: 'Scarica ODT' }).first().press('Enter'));
    assert.equal(odt.name, 'disciplinare-roccafittizia.odt');
    assert.equal(odt.bytes.subarray(30, 38).toString(), 'mimetype');
    const html = await downloadOf(page, () => page.getByRole('button', { name: 'Scarica HTML' }).nth(1).press('Enter'));
    assert.equal(html.name, 'informativa-roccafittizia.html');
    assert.match(html.bytes.toString('utf8'), /Avv\. Anna Verdi/);
    // The ODT made in the browser opens in LibreOffice with the comune's text; the HTML prints on A4.
    const odtFile = path.join(ROOT, 'test-artifacts', 'builder-disciplinare-roccafittizia.odt');
    fs.writeFileSync(odtFile, odt.bytes);
    if (process.env.BANDITORE_SKIP_LIBREOFFICE !== '1') {
      const outdir = path.join(ROOT, 'test-artifacts', 'builder-lo');
      const lo = spawnSync('soffice', [`-env:UserInstallation=file://${outdir}/profile`, '--headless', '--norestore',
        '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', outdir, odtFile], { encoding: 'utf8' });
      assert.equal(lo.status, 0, `soffice: ${lo.stderr}`);
      const text = fs.readFileSync(path.join(outdir, 'builder-disciplinare-roccafittizia.txt'), 'utf8');
      assert.match(text, /Comune di Roccafittizia \(MB\)/);
      assert.match(text, /Art\. 3 – Modalità di iscrizione e cancellazione al servizio/);
      assert.match(text, /333 1234567/, 'the number typed over the placeholder');
    }
    const printed = await s.context.newPage();
    await printed.setContent(html.bytes.toString('utf8'));
    const pdf = Buffer.from(await printed.pdf({ preferCSSPageSize: true })).toString('latin1');
    // A4 is 595.3 x 841.9 points; Chromium writes 594.96 x 841.92.
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf);
    assert.ok(box && Math.abs(box[1] - 595.3) < 1 && Math.abs(box[2] - 841.9) < 1, `A4: ${box?.[0]}`);
    await printed.close();
    await page.getByRole('button', { name: 'Anteprima', exact: true }).first().press('Enter');
    assert.match(await page.locator('#anteprima-documento h1').textContent(), /Disciplinare|servizio|WhatsApp/i);
    assert.match(await page.locator('#anteprima-documento').textContent(), /Comune di Roccafittizia/);

    // Printing the previewed document prints the document alone, on A4.
    await page.evaluate(() => document.body.classList.add('stampa-documento'));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#modulo').isVisible(), false, 'the form is not printed');
    assert.equal(await page.locator('.colonna-controllo').isVisible(), false, 'the checks are not printed');
    assert.equal(await page.locator('#anteprima-documento h1').isVisible(), true, 'the document is printed');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('stampa-documento'));
    assert.equal(await page.getByRole('button', { name: 'Stampa il documento' }).isVisible(), true);

    // The preview: the real widget with this profile, consent and join.
    await page.waitForSelector(`${W}[data-state=ready]`, { timeout: 15_000 });
    const wtext = () => page.locator(W).evaluate((el) => el.shadowRoot.textContent);
    assert.match(await wtext(), /Roccafittizia/);
    await page.locator(W).getByRole('button', { name: 'Continua', exact: true }).press('Enter');
    await page.locator(W).getByRole('button', { name: 'Continua', exact: true }).press('Enter');
    assert.equal(await page.locator(W).getAttribute('data-step'), 'consent');
    const boxes = page.locator(`${W} input[type=checkbox]`);
    for (let i = 0; i < (await boxes.count()); i++) {
      await boxes.nth(i).focus();
      await page.keyboard.press('Space');
    }
    await page.locator(W).getByRole('button', { name: 'Acconsento e continuo', exact: true }).press('Enter');
    assert.equal(await page.locator(W).getAttribute('data-step'), 'join');
    assert.match(await wtext(), /333 1234567|3331234567/, 'the number typed in the form');
    await axeClean(page, 'preview-join');

    // Phone width.
    await page.focus('#dispositivo-telefono');
    await page.keyboard.press('Space');
    const width = await page.locator('#anteprima').evaluate((el) => el.getBoundingClientRect().width);
    assert.ok(width <= 360, `phone preview ${width}px wide`);
    assert.equal(await page.locator(W).getAttribute('device'), 'phone');
    await axeClean(page, 'preview-phone');

    // Nothing kept without asking, nothing sent.
    assert.equal(await page.evaluate(() => localStorage.getItem('banditore:crea:bozza')), null);
    assertClean(s, 'builder');
    const posts = s.log.requests.filter((u) => !u.startsWith(h.origin) && !u.startsWith('blob:'));
    assert.deepEqual(posts, []);
    await s.context.close();
  });

  test('each seed profile: import, then export, gives the same profile', async () => {
    const s = await openBuilder();
    for (const id of SEEDS) {
      const file = path.join(ROOT, 'pkg-config', `${id}.json`);
      await s.page.setInputFiles('#importa', file);
      await s.page.waitForFunction((name) => document.getElementById('origine').textContent.includes(name), `${id}.json`);
      await settle(s.page);
      assert.equal(await errorCount(s.page), 0, `${id}: the seed is valid`);
      // The form shows it: a field, an article.
      const original = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(await s.page.locator('#f-comune-name').inputValue(), original.comune.name);
      assert.equal(await s.page.locator('#f-policy-articles-0-title').inputValue(), original.policy.articles[0].title);
      const out = await downloadOf(s.page, () => s.page.click('#scarica-json'));
      assert.equal(out.name, `${id}.json`);
      assert.deepEqual(JSON.parse(out.bytes.toString('utf8')), original, `${id}: round trip`);
      // The seeds are written as the builder writes: the same bytes (the checker's rows included).
      assert.equal(out.bytes.toString('utf8'), fs.readFileSync(file, 'utf8'), `${id}: byte for byte`);
    }
    // A file that is not a profile is refused with a reason.
    const bad = path.join(ROOT, 'test-artifacts', 'non-profilo.json');
    fs.writeFileSync(bad, '{"id": ');
    await s.page.setInputFiles('#importa', bad);
    await s.page.waitForFunction(() => document.getElementById('errore-inizio').textContent !== '');
    assert.match(await s.page.locator('#errore-inizio').textContent(), /non è un file JSON valido/);
    assertClean(s, 'round trip');
    await s.context.close();
  });

  test('the checker section: a comune tunes the pre-send checker through the form, keyboard only', async () => {
    const s = await openBuilder();
    const { page } = s;
    const file = path.join(ROOT, 'pkg-config', 'seveso.json');
    const original = JSON.parse(fs.readFileSync(file, 'utf8'));
    await importFile(page, file);
    assert.equal(await page.locator('#t-s-controllo').textContent(), 'Controllo prima dell’invio');
    // The seed's own entry shows as a row: key and value, each labelled.
    assert.equal(await page.locator('#f-checker-sources-0-chiave').inputValue(), 'official-notice');
    assert.equal(await page.locator('#f-checker-sources-0-valore').inputValue(), 'art. 2.6');
    const typeAt = async (id, text) => {
      await page.focus(`#${id}`);
      await page.keyboard.type(text);
    };
    const press = async (id, key = 'Enter') => {
      await page.focus(`#${id}`);
      await page.keyboard.press(key);
    };
    const focused = () => page.evaluate(() => document.activeElement.id);

    // A rule switched off.
    await typeAt('f-checker-disabled_rules', 'format.shouting');
    // A single finding ignored: the add button puts the focus in the new entry's first field.
    await press('f-checker-ignore-aggiungi');
    assert.equal(await focused(), 'f-checker-ignore-0-rule');
    await page.keyboard.type('personal-data.phone');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0362 517111');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Centralino del Comune, pubblicato sul sito.');
    // The readability threshold.
    await typeAt('f-checker-readability_threshold', '35');
    // An allowed term: a new row takes the first family, the arrows choose another.
    await press('f-checker-allowed_terms-aggiungi');
    assert.equal(await focused(), 'f-checker-allowed_terms-0-chiave');
    assert.equal(await page.locator('#f-checker-allowed_terms-0-chiave').inputValue(), 'political');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#f-checker-allowed_terms-0-chiave').inputValue(), 'offensive');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'f-checker-allowed_terms-0-valore');
    await page.keyboard.type('Bastardo');
    // A severity override: a rule id, then the severity.
    await press('f-checker-severity-aggiungi');
    assert.equal(await focused(), 'f-checker-severity-0-chiave');
    await page.keyboard.type('format.emoji');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'f-checker-severity-0-valore');
    await page.keyboard.press('ArrowDown'); // warning (new rows) -> info
    // The comune's article for a family, after the seed's.
    await press('f-checker-sources-aggiungi');
    assert.equal(await focused(), 'f-checker-sources-1-chiave');
    await page.keyboard.type('schedule');
    await page.keyboard.press('Tab');
    await page.keyboard.type('art. 3');
    await settle(page);
    assert.equal(await errorCount(page), 0, await page.locator('#elenco-errori').textContent());
    await axeClean(page, 'checker');

    const json = await downloadOf(page, () => press('scarica-json'));
    const exported = JSON.parse(json.bytes.toString('utf8'));
    const checker = {
      sources: { 'official-notice': 'art. 2.6', schedule: 'art. 3' },
      disabled_rules: ['format.shouting'],
      ignore: [{ rule: 'personal-data.phone', text: '0362 517111', reason: 'Centralino del Comune, pubblicato sul sito.' }],
      readability_threshold: 35,
      allowed_terms: { offensive: ['Bastardo'] },
      severity: { 'format.emoji': 'info' },
    };
    assert.deepEqual(exported.checker, checker);
    assert.deepEqual(exported, { ...original, checker }, 'nothing else changed');
    const out = path.join(ROOT, 'test-artifacts', 'builder-checker-seveso.json');
    fs.writeFileSync(out, json.bytes);
    const v = banditore(['validate', out]);
    assert.equal(v.status, 0, `banditore validate: ${v.stdout}${v.stderr}`);
    // The CLI's checker reads them: the place name passes, the shouting is off, the emoji informs.
    const message = 'ATTENZIONE: GRANDE FESTA DEL PAESE a Bastardo di Giano dell’Umbria 🎉🎉🎉🎉🎉🎉';
    const check = (profile) => banditore(['check', '--profile', profile, '--category', 'eventi', '--format', 'json', '-'], message);
    const rules = (r) => JSON.parse(r.stdout).findings.map((f) => `${f.rule}:${f.severity}`);
    const before = rules(check(file));
    for (const r of ['offensive:error', 'format.shouting:warning', 'format.emoji:warning']) assert.ok(before.includes(r), before.join(' '));
    const after = rules(check(out));
    assert.ok(!after.some((r) => /^(offensive|format\.shouting):/.test(r)), after.join(' '));
    assert.ok(after.includes('format.emoji:info'), after.join(' '));
    assertClean(s, 'checker');
    await s.context.close();
  });

  test('the checker section: invalid entries show the validator’s message at their row; emptied, nothing is written', async () => {
    const s = await openBuilder();
    const { page } = s;
    const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg-config', 'concorezzo.json'), 'utf8'));
    const file = path.join(ROOT, 'test-artifacts', 'builder-checker-invalid.json');
    fs.writeFileSync(file, `${JSON.stringify({ ...seed, checker: { ...seed.checker,
      severity: { political: 'grave' }, extra_terms: { offensive: ['ok', ' '] } } }, null, 2)}\n`);
    await importFile(page, file);
    // A severity outside the three: the message in its row, which both inputs point to.
    assert.equal(await page.locator('#f-checker-severity-0-valore').inputValue(), 'grave');
    assert.match(await page.locator('#e-f-checker-severity-0').textContent(), /Errore: .*"grave" non è tra i valori ammessi/);
    for (const part of ['chiave', 'valore']) {
      const described = await page.locator(`#f-checker-severity-0-${part}`).getAttribute('aria-describedby');
      assert.ok(described.split(' ').includes('e-f-checker-severity-0'), `${part}: ${described}`);
    }
    await axeClean(page, 'checker-errors');
    // The summary's link goes to the row.
    const link = page.locator('#elenco-errori li a[href="#f-checker-severity-0"]');
    assert.match(await link.textContent(), /Regola 1 – political/);

    // Fixed through the form; the reader stopped at that value, the validator now sees the rest:
    // an empty term, at its line of the family's terms.
    await page.focus('#f-checker-severity-0-valore');
    await page.keyboard.press('Home'); // error, the first option
    await settle(page);
    assert.equal(await page.locator('#f-checker-severity-0-valore').inputValue(), 'error');
    const terms = page.locator('#f-checker-extra_terms-0-valore');
    assert.equal(await terms.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#e-f-checker-extra_terms-0-valore').textContent(), /Errore: riga 2: termine vuoto/);
    await terms.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('ok');
    // A rule id that is not one, typed: the validator's message at that row.
    await page.focus('#f-checker-severity-aggiungi');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Politica');
    await settle(page);
    assert.match(await page.locator('#e-f-checker-severity-1').textContent(), /identificativo di regola non valido "Politica"/);
    assert.equal(await page.locator('#e-f-checker-severity-0').textContent(), '', 'the fixed row is clear');
    // A key another row has is not applied, and the row says so.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('political');
    assert.match(await page.locator('#d-f-checker-severity-1-chiave').textContent(), /«political» è già in un’altra voce/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('format.emoji');
    assert.equal(await page.locator('#d-f-checker-severity-1-chiave').textContent(), '');
    // The threshold in words.
    await page.focus('#f-checker-readability_threshold');
    await page.keyboard.type('quaranta');
    await settle(page);
    const threshold = page.locator('#f-checker-readability_threshold');
    assert.equal(await threshold.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#e-f-checker-readability_threshold').textContent(), /Errore: .*"quaranta"/);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await settle(page);
    assert.equal(await errorCount(page), 0, await page.locator('#elenco-errori').textContent());
    let exported = JSON.parse((await downloadOf(page, () => page.click('#scarica-json'))).bytes.toString('utf8'));
    assert.deepEqual(exported.checker, { ...seed.checker, severity: { political: 'error', 'format.emoji': 'warning' }, extra_terms: { offensive: ['ok'] } });
    assert.ok(!('readability_threshold' in exported.checker), 'an emptied threshold is not written');

    // Rows removed: the focus stays in the list, and no empty map is left behind.
    const remove = (name) => page.getByRole('button', { name }).press('Enter');
    await remove('Rimuovi: Regola 2');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-checker-severity-0', 'the remaining row');
    await remove('Rimuovi: Regola 1 – political');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-checker-severity-aggiungi', 'no row left: the add button');
    await remove('Rimuovi: Famiglia 1 – offensive');
    await settle(page);
    exported = JSON.parse((await downloadOf(page, () => page.click('#scarica-json'))).bytes.toString('utf8'));
    assert.deepEqual(exported, seed, 'back to the seed, without "severity": {} nor "extra_terms": {}');
    assertClean(s, 'checker errors');
    await s.context.close();
  });

  test('a profile without checker settings: a threshold set then emptied leaves none', async () => {
    const s = await openBuilder();
    const { page } = s;
    const { checker, ...seed } = JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg-config', 'leini.json'), 'utf8'));
    assert.ok(checker);
    const file = path.join(ROOT, 'test-artifacts', 'builder-no-checker.json');
    const text = `${JSON.stringify(seed, null, 2)}\n`;
    fs.writeFileSync(file, text);
    await importFile(page, file);
    assert.equal((await downloadOf(page, () => page.click('#scarica-json'))).bytes.toString('utf8'), text, 'byte for byte');
    await page.focus('#f-checker-readability_threshold');
    await page.keyboard.type('50');
    await page.focus('#f-checker-disabled_rules');
    await page.keyboard.type('link');
    await settle(page);
    let exported = JSON.parse((await downloadOf(page, () => page.click('#scarica-json'))).bytes.toString('utf8'));
    assert.deepEqual(exported.checker, { readability_threshold: 50, disabled_rules: ['link'] });
    await page.focus('#f-checker-disabled_rules');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.focus('#f-checker-readability_threshold');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await settle(page);
    exported = (await downloadOf(page, () => page.click('#scarica-json'))).bytes.toString('utf8');
    assert.equal(exported, text, 'no "checker": {} left behind');
    assertClean(s, 'no checker');
    await s.context.close();
  });

  /** «Traduzioni», first language: the entry for a pointer, by the key it carries. */
  const translationEntry = (page, pointer) => page.locator(`#f-translations-0-valore > fieldset.voce[data-chiave="${pointer}"]`);

  test('the translations section: German added and typed through the form only, exported exactly, valid for the CLI', async () => {
    const s = await openBuilder();
    const { page } = s;
    const file = path.join(ROOT, 'pkg-config', 'seveso.json');
    const original = JSON.parse(fs.readFileSync(file, 'utf8'));
    await importFile(page, file);
    assert.equal(await page.locator('#t-s-traduzioni').textContent(), 'Traduzioni');
    const focused = () => page.evaluate(() => document.activeElement.id);

    // A language: German comes first; the focus goes to its choice.
    await page.focus('#f-translations-aggiungi');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'f-translations-0-chiave');
    assert.equal(await page.locator('#f-translations-0-chiave option:checked').textContent(), 'tedesco');
    await settle(page);
    assert.match(await page.locator('#e-f-translations-0').textContent(), /Errore: nessuna traduzione/, 'a language without texts, said at the language');

    // Each text named by its place in the form, the Italian beside its textarea (in German).
    const last = original.policy.articles.length - 1;
    const paragraph = `/policy/articles/${last}/paragraphs/1`;
    const title = translationEntry(page, '/policy/title');
    assert.equal(await title.locator('legend').textContent(), 'Il disciplinare › titolo');
    assert.equal(await title.locator('.originale [lang=it]').textContent(), original.policy.title);
    assert.equal(await title.locator('textarea').getAttribute('lang'), 'de');
    assert.equal(await translationEntry(page, paragraph).locator('legend').textContent(),
      `Il disciplinare › Art. ${original.policy.articles[last].number} – ${original.policy.articles[last].title} › paragrafo 2`);
    assert.equal(await translationEntry(page, '/categories/2/label').locator('legend').textContent(),
      `Destinatari e categorie › Categoria 3 – ${original.categories[2].label} › nome`);
    for (const notText of ['/id', '/comune/website', '/categories/2/id', '/channels/0/kind']) {
      assert.equal(await translationEntry(page, notText).count(), 0, `${notText} is not offered`);
    }
    const de = {
      '/policy/title': 'Regelung über die Nutzung von Instant-Messaging-Anwendungen für institutionelle Zwecke',
      [paragraph]: 'Für alles, was hier nicht geregelt ist, gelten die geltenden Rechtsvorschriften.',
      '/categories/2/label': 'Initiativen und Veranstaltungen',
    };
    for (const [pointer, text] of Object.entries(de)) {
      await translationEntry(page, pointer).locator('textarea').focus();
      await page.keyboard.type(text);
    }
    // One typed then emptied again: not translated, nothing written.
    await translationEntry(page, '/comune/name').locator('textarea').focus();
    await page.keyboard.type('Seveso');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await settle(page);
    assert.equal(await errorCount(page), 0, await page.locator('#elenco-errori').textContent());
    await axeClean(page, 'translations');

    const json = await downloadOf(page, async () => {
      await page.focus('#scarica-json');
      await page.keyboard.press('Enter');
    });
    const exported = JSON.parse(json.bytes.toString('utf8'));
    assert.deepEqual(exported.translations, { de });
    assert.deepEqual(exported, { ...original, translations: { de } }, 'nothing else changed');
    const out = path.join(ROOT, 'test-artifacts', 'builder-translations-seveso.json');
    fs.writeFileSync(out, json.bytes);
    const v = banditore(['validate', out]);
    assert.equal(v.status, 0, `banditore validate: ${v.stdout}${v.stderr}`);

    // The widget on a German page shows the German title.
    await s.context.route('**/__tr__/seveso.json', (route) => route.fulfill({ contentType: 'application/json', body: json.bytes }));
    const widget = await s.context.newPage();
    await widget.goto(`${h.origin}/__test__/api.html?profile=/__tr__/seveso.json&lang=de`);
    await widget.waitForSelector(`${W}[data-state=ready]`, { timeout: 15_000 });
    assert.equal(await widget.locator(W).evaluate((el) => el.shadowRoot.querySelector('.b-policy-title').textContent), de['/policy/title']);
    await widget.close();
    assertClean(s, 'translations');
    await s.context.close();
  });

  test('the translations section: a removed article’s translation shows the validator’s message at its entry, an edited text a notice', async () => {
    const s = await openBuilder();
    const { page } = s;
    const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg-config', 'seveso.json'), 'utf8'));
    const last = seed.policy.articles.length - 1;
    const paragraph = `/policy/articles/${last}/paragraphs/1`;
    const translations = { de: { '/policy/title': 'Regelung', [paragraph]: 'Schlussbestimmung' } };
    const file = path.join(ROOT, 'test-artifacts', 'builder-translations-in.json');
    const text = `${JSON.stringify({ ...seed, translations }, null, 2)}\n`;
    fs.writeFileSync(file, text);
    await importFile(page, file);
    // Imported: shown in their entries, no notice, and exported byte for byte.
    assert.equal(await errorCount(page), 0, await page.locator('#elenco-errori').textContent());
    assert.equal(await translationEntry(page, '/policy/title').locator('textarea').inputValue(), 'Regelung');
    assert.equal(await page.locator('#s-traduzioni .messaggio.avviso:not(:empty)').count(), 0);
    assert.equal((await downloadOf(page, () => page.click('#scarica-json'))).bytes.toString('utf8'), text, 'byte for byte');

    // The Italian title edited: its translation says the text it translated has changed.
    await page.focus('#f-policy-title');
    await page.keyboard.press('End');
    await page.keyboard.type(' (testo coordinato)');
    await settle(page);
    const title = translationEntry(page, '/policy/title');
    assert.match(await title.locator('.originale [lang=it]').textContent(), /testo coordinato\)$/, 'the entry shows the text as it is now');
    const notice = title.locator('.messaggio.avviso');
    assert.match(await notice.textContent(), /Il testo italiano è cambiato da quando è stato tradotto/);
    assert.ok((await title.locator('textarea').getAttribute('aria-describedby')).split(' ').includes(await notice.getAttribute('id')));
    await title.locator('textarea').focus();
    await page.keyboard.type('!');
    assert.equal(await notice.textContent(), '', 'translated again: the notice goes');

    // The last article removed: its paragraph's translation now names nothing, and says so.
    await page.getByRole('button', { name: `Rimuovi: Art. ${seed.policy.articles[last].number} – ${seed.policy.articles[last].title}` }).press('Enter');
    await settle(page);
    const gone = translationEntry(page, paragraph);
    const goneId = await gone.getAttribute('id');
    assert.match(await gone.locator('legend').textContent(), /Testo non più nel profilo/);
    assert.match(await page.locator(`#e-${goneId}`).textContent(), /Errore: .*non indica nulla nel profilo/);
    assert.match(await gone.locator('.messaggio.avviso').textContent(), /non c’è più/);
    assert.match(await gone.locator('.originale').textContent(), new RegExp(`era «${seed.policy.articles[last].paragraphs[1].slice(0, 20)}`));
    const link = page.locator(`#elenco-errori li a[href="#${goneId}"]`);
    assert.match(await link.textContent(), /Lingua 1 – tedesco: Testo non più nel profilo/);
    await axeClean(page, 'translations-errors');
    // Emptied: the error goes, and nothing is written for it.
    await gone.locator('textarea').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await settle(page);
    assert.equal(await errorCount(page), 0, await page.locator('#elenco-errori').textContent());
    const exported = JSON.parse((await downloadOf(page, () => page.click('#scarica-json'))).bytes.toString('utf8'));
    assert.deepEqual(exported.translations, { de: { '/policy/title': 'Regelung!' } });

    // The language removed: no `translations` left behind.
    await page.getByRole('button', { name: 'Rimuovi: Lingua 1 – tedesco' }).press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-translations-aggiungi');
    await settle(page);
    const none = JSON.parse((await downloadOf(page, () => page.click('#scarica-json'))).bytes.toString('utf8'));
    assert.ok(!('translations' in none), 'no "translations": {}');
    assertClean(s, 'translations errors');
    await s.context.close();
  });

  test('Tab alone reaches every control of the form, in page order, without a trap', async () => {
    const s = await openBuilder();
    const { page } = s;
    await importFile(page, path.join(ROOT, 'pkg-config', 'concorezzo.json'));
    const controls = await page.evaluate(() => [...document.querySelectorAll('#modulo input, #modulo select, #modulo textarea, #modulo button')]
      .filter((el) => !el.disabled && el.offsetParent !== null).map((el) => el.id || el.textContent));
    assert.ok(controls.length > 100, `${controls.length} controls`);
    await page.focus('#titolo-modulo');
    const seen = [];
    for (let i = 0; i < controls.length + 10; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement;
        return el.closest('#modulo') ? el.id || el.textContent : null;
      });
      if (id === null && seen.length) break; // past the form
      if (id !== null) seen.push(id);
    }
    assert.deepEqual(seen, controls, 'every control once, in order');
    assertClean(s, 'tab order');
    await s.context.close();
  });

  test('the draft stays in the browser only when asked; an error maps to its field', async () => {
    const s = await openBuilder();
    const { page } = s;
    await page.click('#parti-vuoto');
    await settle(page);
    await page.fill('#f-comune-name', 'Prova');
    await settle(page);
    assert.equal(await page.evaluate(() => localStorage.getItem('banditore:crea:bozza')), null, 'nothing stored unasked');
    await page.check('#conserva-bozza');
    await page.fill('#f-comune-province', 'mb');
    await settle(page);
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('banditore:crea:bozza')));
    assert.equal(saved.profile.comune.name, 'Prova');
    // The lowercase province is an error at its field.
    assert.equal(await page.locator('#f-comune-province').getAttribute('aria-invalid'), 'true');
    // An error inside a list item (a category without id) lands on that item's field.
    await page.click('#f-categories-aggiungi');
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-categories-0-id', 'focus on the new item');
    assert.match(await page.locator('#e-f-categories-0-id').textContent(), /Errore/);
    // Reload: the draft is offered back.
    await page.reload();
    await page.waitForSelector('#bozza-salvata:not([hidden])');
    await page.click('#riprendi-bozza');
    assert.equal(await page.locator('#f-comune-name').inputValue(), 'Prova');
    await page.uncheck('#conserva-bozza');
    assert.equal(await page.evaluate(() => localStorage.getItem('banditore:crea:bozza')), null, 'forgotten on request');
    // Edits not downloaded are not dropped by a new start without a word: the first press warns.
    await page.fill('#f-comune-name', 'Prova due');
    await settle(page);
    await page.click('#parti-vuoto');
    assert.match(await page.locator('#errore-inizio').textContent(), /modifiche non scaricate/);
    assert.equal(await page.locator('#f-comune-name').inputValue(), 'Prova due');
    await page.click('#parti-vuoto');
    assert.equal(await page.locator('#f-comune-name').inputValue(), '');
    assertClean(s, 'draft');
    await s.context.close();
  });

  test('works offline once loaded, reload included', async () => {
    const s = await openBuilder();
    const { page, context } = s;
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The worker takes over once it is active; the cache holds the files after install.
    await page.waitForFunction(async () => (await caches.keys()).length > 0 && (await (await caches.open((await caches.keys())[0])).keys()).length >= 20);
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => document.getElementById('modello')?.options.length === 5);
    await page.selectOption('#modello', 'siracusa');
    await page.fill('#nuovo-nome', 'Senzarete');
    await page.click('#parti-modello');
    await page.waitForSelector('#lavoro:not([hidden])');
    await settle(page);
    assert.equal(await page.locator('#f-comune-name').inputValue(), 'Senzarete');
    assert.match(await page.locator('#conteggio').textContent(), /errori? da correggere/);
    await context.setOffline(false);
    assert.deepEqual(s.log.pageErrors, []);
    await context.close();
  });
});

// Keeps the CLI check honest: the helper above must find a real binary or build one.
test('the CLI used by these tests runs', () => {
  const out = banditore(['validate', path.join(ROOT, 'pkg-config', 'seveso.json')]);
  assert.equal(out.status, 0, out.stderr);
  assert.ok(execFileSync('node', ['--version']).toString().startsWith('v'));
});
