// The profile builder: a comune's profile written through a form, checked by the WASM validator
// as the person types, previewed in the real widget, exported as JSON with its embed snippet, and
// turned into the disciplinare and the informativa (HTML for print, ODT). It sends nothing
// anywhere: the profile lives in this page, and in localStorage only if the person asks.
import init, * as api from '../pkg/banditore_builder/banditore_builder.js';
import { ART13, DAYS, NEW_CHANNEL, SECTIONS } from './form.js';
import { formPath, get, h, idFor, renderFields, set } from './fields.js';
import { Seen, translationRows } from './traduzioni.js';

const DRAFT_KEY = 'banditore:crea:bozza';
const SEEDS = [
  ['concorezzo', 'Concorezzo (MB) – lista broadcast WhatsApp, ATTIVA ISCRIZIONE, orari lun-ven 9-13'],
  ['seveso', 'Seveso (MB) – disciplinare per canali e liste broadcast (G.C. 78/2026)'],
  ['leini', 'Leini (TO) – come Seveso, con avvisi su strade e servizi e al massimo 5 delegati'],
  ['siracusa', 'Siracusa (SR) – canale WhatsApp con link e QR, sportello e numero verde'],
  ['sesto-calende', 'Sesto Calende (VA) – canale per imprese, commercio e turismo'],
];

const $ = (id) => document.getElementById(id);
/** Sets a status text only when it changes: live regions must not repeat themselves at every keystroke. */
const say = (el, text) => {
  if (el.textContent !== text) el.textContent = text;
};
const state = {
  profile: null, issues: [], validText: null, previewText: null, timer: 0, dirty: false, armed: false,
  // The Italian text under each translation when last seen with it; `textsChanged`: the
  // «Traduzioni» entries show texts edited elsewhere since they were drawn.
  seen: new Seen(), textsChanged: false,
};

/** Which section holds the messages for a top-level key the form shows. */
const SECTION_OF = {
  id: 'comune', comune: 'comune', policy: 'disciplinare', channels: 'canale', platform: 'canale', audience: 'destinatari',
  categories: 'destinatari', forbidden: 'vietati', service_hours: 'orari', electoral_periods: 'elezioni',
  management: 'gestione', help: 'assistenza', institutional_contacts: 'contatti', checker: 'controllo', privacy: 'informativa',
  translations: 'traduzioni', notes: 'note',
};

await init();
setupStart();
setupAside();
setupExport();
registerServiceWorker();

// ---- start: template, empty, file, saved draft

function setupStart() {
  const select = $('modello');
  for (const [id, label] of SEEDS) select.append(h('option', { value: id, text: label }));
  $('parti-modello').addEventListener('click', async () => {
    if (!mayReplace()) return;
    const seed = select.value;
    try {
      const res = await fetch(`/profiles/${seed}.json`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = api.templateProfile(await res.text(), $('nuovo-nome').value, $('nuova-provincia').value, $('nuovo-sito').value);
      start(JSON.parse(text), `Modello: ${SEEDS.find(([s]) => s === seed)[1].split(' – ')[0]}`);
    } catch (e) {
      startError(`Impossibile caricare il modello: ${e.message || e}`);
    }
  });
  $('parti-vuoto').addEventListener('click', () => mayReplace() && start(JSON.parse(api.emptyProfile()), 'Profilo vuoto'));
  $('importa').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    e.target.value = ''; // the same file chosen again is a new import (the File stays readable)
    if (!mayReplace()) return;
    let profile;
    try {
      profile = JSON.parse(await file.text());
    } catch (err) {
      return startError(`${file.name}: non è un file JSON valido (${err.message}).`);
    }
    if (!profile || typeof profile !== 'object' || Array.isArray(profile)) return startError(`${file.name}: il file non contiene un profilo (un oggetto JSON).`);
    start(profile, `Importato: ${file.name}`);
  });

  const draft = readDraft();
  if (draft) {
    $('bozza-salvata').hidden = false;
    $('bozza-data').textContent = new Date(draft.saved_at).toLocaleString('it-IT');
    $('conserva-bozza').checked = true;
    $('riprendi-bozza').addEventListener('click', () => start(draft.profile, 'Bozza ripresa da questo browser'));
  }
}

function startError(message) {
  $('errore-inizio').textContent = message;
}

/**
 * Starting again would drop edits not yet saved: the first press says so (no modal dialog), a
 * second press goes on. Nothing to lose, nothing to ask.
 */
function mayReplace() {
  if (!state.dirty || state.armed) return true;
  state.armed = true;
  startError('Il profilo in corso ha modifiche non scaricate: scaricalo, anche come bozza. Per sostituirlo comunque, premi di nuovo.');
  return false;
}

function start(profile, origin) {
  state.dirty = false;
  state.armed = false;
  $('errore-inizio').textContent = '';
  state.profile = profile;
  state.seen.reset(profile);
  state.validText = null;
  // Another profile: the previous one's preview and documents must not linger.
  state.previewText = null;
  $('anteprima').replaceChildren();
  $('anteprima-documento').replaceChildren();
  $('stampa').hidden = true;
  $('origine').textContent = origin;
  $('lavoro').hidden = false;
  renderForm();
  validateNow();
  $('titolo-modulo').focus();
}

// ---- the form

function ctx() {
  return {
    profile: () => state.profile,
    days: DAYS,
    seen: state.seen,
    translationRows: (map) => translationRows(SECTIONS, state.profile, map),
    changed,
    structural: (focusId) => {
      renderForm();
      changed();
      $(focusId)?.focus();
    },
    kindChanged: (path, kind) => {
      const old = get(state.profile, path.slice(0, -1));
      set(state.profile, path.slice(0, -1), NEW_CHANNEL[kind](old?.name ?? ''));
      renderForm();
      changed();
      $(idFor(path))?.focus();
    },
  };
}

function renderForm() {
  const c = ctx();
  state.textsChanged = false;
  $('modulo').replaceChildren(...SECTIONS.map((s) => renderSection(s, c)));
}

function renderSection(s, c) {
  return h('section', { class: 'sezione', id: `s-${s.id}`, 'aria-labelledby': `t-s-${s.id}` },
    h('h2', { id: `t-s-${s.id}`, text: s.title }),
    h('p', { class: 'intro', text: s.intro }),
    h('div', { class: 'messaggi', id: `e-s-${s.id}` }),
    ...renderFields(s.fields, s.path, c));
}

/**
 * Redraws «Traduzioni» after an edit elsewhere (an Italian text typed, a language changed), so
 * that its entries show the texts as they are now. The focus and caret stay where they were:
 * ids go by position and survive the redraw.
 */
function refreshTranslations() {
  state.textsChanged = false;
  const old = $('s-traduzioni');
  if (!old || !state.profile?.translations) return;
  const active = old.contains(document.activeElement) ? document.activeElement : null;
  const caret = typeof active?.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
  old.replaceWith(renderSection(SECTIONS.find((s) => s.id === 'traduzioni'), ctx()));
  const again = active?.id ? $(active.id) : null;
  again?.focus();
  if (caret && typeof again?.selectionStart === 'number') again.setSelectionRange(...caret);
}

/**
 * `path`: the field edited (none: the form was just redrawn). A translation typed changes no
 * entry of «Traduzioni»; any other edit may.
 */
function changed(path) {
  if (path && !(path[0] === 'translations' && path.at(-1) === 'testo')) state.textsChanged = true;
  state.dirty = true;
  state.armed = false;
  clearTimeout(state.timer);
  state.timer = setTimeout(validateNow, 150);
}

function validateNow() {
  clearTimeout(state.timer);
  const text = `${JSON.stringify(state.profile, null, 2)}\n`;
  let issues;
  try {
    issues = api.validateProfile(text);
  } catch (e) {
    issues = [{ path: '$', level: 'error', message: { it: String(e.message || e) } }];
  }
  state.issues = issues;
  if (state.textsChanged) refreshTranslations();
  const errors = issues.filter((i) => i.level === 'error').length;
  if (errors === 0) state.validText = text;
  showIssues(issues);
  updateMeter();
  updatePreview(errors);
  updateExport(text, errors);
  saveDraft();
}

/** `$.channels[0].invite_url` -> ['channels', 0, 'invite_url']. */
function tokens(path) {
  const out = [];
  const re = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  let m;
  while ((m = re.exec(path))) out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]));
  return out;
}

/** The element an issue belongs to: its field, else the nearest group, section, or the general box. */
function target(issue) {
  const t = formPath(tokens(issue.path));
  for (let k = t.length; k > 0; k--) {
    const el = $(idFor(t.slice(0, k)));
    if (el && $(`e-${el.id}`)) {
      const line = k < t.length && typeof t[k] === 'number' && el.tagName === 'TEXTAREA' ? t[k] : null;
      return { el, box: $(`e-${el.id}`), line };
    }
  }
  const section = SECTION_OF[t[0]];
  if (section) return { el: $(`s-${section}`), box: $(`e-s-${section}`), line: null };
  return { el: null, box: $('messaggi-generali'), line: null };
}

function showIssues(issues) {
  for (const box of document.querySelectorAll('.messaggi')) box.replaceChildren();
  for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const errorLinks = [];
  const warningLinks = [];
  for (const issue of issues) {
    const { el, box, line } = target(issue);
    const error = issue.level === 'error';
    const text = `${line !== null ? `riga ${line + 1}: ` : ''}${issue.message?.it ?? ''}`;
    box.append(h('p', { class: `messaggio ${error ? 'errore' : 'avviso'}` }, h('strong', { text: error ? 'Errore: ' : 'Avviso: ' }), text));
    if (error && el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) el.setAttribute('aria-invalid', 'true');
    const label = el ? fieldLabel(el) : 'Profilo';
    const item = h('li', {}, el
      ? h('a', { href: `#${el.id}`, onclick: (e) => { e.preventDefault(); el.focus(); el.scrollIntoView({ block: 'center' }); } }, label)
      : label, `: ${text}`);
    (error ? errorLinks : warningLinks).push(item);
  }
  const errors = errorLinks.length;
  const warnings = warningLinks.length;
  say($('conteggio'), errors === 0
    ? `Nessun errore${warnings ? `, ${warnings} ${warnings === 1 ? 'avviso' : 'avvisi'}` : ''}: il profilo è valido.`
    : `${errors} ${errors === 1 ? 'errore' : 'errori'} da correggere, ${warnings} ${warnings === 1 ? 'avviso' : 'avvisi'}.`);
  $('elenco-errori').replaceChildren(...errorLinks);
  $('elenco-avvisi').replaceChildren(...warningLinks);
  $('avvisi').hidden = warnings === 0;
  $('numero-avvisi').textContent = String(warnings);
}

/** The field's label, after the item or group it belongs to ("Art. 2 – Contenuti: Paragrafi"). */
function fieldLabel(el) {
  const own = el.labels?.length ? el.labels[0].textContent : el.querySelector(':scope > legend, :scope > h2, :scope > h3')?.textContent ?? el.id;
  const group = el.parentElement?.closest('fieldset.voce, fieldset.gruppo')?.querySelector(':scope > legend')?.textContent;
  return group ? `${group}: ${own}` : own;
}

// ---- completeness of the art. 13 elements

function updateMeter() {
  const privacy = state.profile?.privacy;
  const missing = ART13.filter((e) => !e.has(privacy));
  const have = ART13.length - missing.length;
  $('completezza').value = have;
  $('completezza-testo').textContent = `${have} su ${ART13.length}`;
  $('mancanti').replaceChildren(...missing.map((e) => h('li', {},
    h('a', { href: `#${idFor(e.path)}`, onclick: (ev) => { ev.preventDefault(); $(idFor(e.path))?.focus(); } }, e.label))));
  $('mancanti-titolo').hidden = missing.length === 0;
}

// ---- the widget's preview

function setupAside() {
  for (const radio of document.querySelectorAll('input[name="dispositivo"]')) {
    radio.addEventListener('change', () => {
      const device = document.querySelector('input[name="dispositivo"]:checked').value;
      $('anteprima').dataset.device = device;
      $('anteprima').querySelector('banditore-iscrizione')?.setAttribute('device', device);
    });
  }
  $('conserva-bozza').addEventListener('change', (e) => {
    if (e.target.checked) saveDraft();
    else {
      try {
        localStorage.removeItem(DRAFT_KEY);
      } catch { /* nothing stored */ }
      $('bozza-salvata').hidden = true;
    }
    $('stato-bozza').textContent = e.target.checked
      ? 'La bozza è conservata in questo browser e si aggiorna a ogni modifica.'
      : 'Nessuna bozza conservata: chiudendo la pagina il lavoro non salvato si perde.';
  });
}

async function updatePreview(errors) {
  const status = $('stato-anteprima');
  if (errors > 0) {
    say(status, state.previewText
      ? 'Anteprima dell’ultimo profilo senza errori: correggi gli errori per aggiornarla.'
      : 'L’anteprima compare quando il profilo non ha più errori.');
  } else {
    say(status, 'Anteprima del profilo attuale.');
  }
  if (errors > 0 || state.validText === state.previewText) return;
  state.previewText = state.validText;
  await customElements.whenDefined('banditore-iscrizione');
  let el = $('anteprima').querySelector('banditore-iscrizione');
  if (!el) {
    // Created once defined, so that `profileData` reaches the element's setter.
    el = document.createElement('banditore-iscrizione');
    el.setAttribute('lang', 'it');
    el.setAttribute('heading-level', '3');
    el.setAttribute('device', $('anteprima').dataset.device);
    el.profileData = state.previewText;
    $('anteprima').replaceChildren(el);
  } else {
    el.profileData = state.previewText;
  }
}

// ---- export: JSON, embed snippet, documents

function setupExport() {
  $('scarica-json').addEventListener('click', () => {
    download(state.validText, `${fileId()}.json`, 'application/json');
    state.dirty = false;
  });
  $('scarica-bozza').addEventListener('click', () => {
    download(`${JSON.stringify(state.profile, null, 2)}\n`, `${fileId()}-bozza.json`, 'application/json');
    state.dirty = false;
  });
  $('copia-codice').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('codice').textContent);
      $('stato-copia').textContent = 'Codice copiato.';
    } catch {
      getSelection().selectAllChildren($('codice'));
      $('stato-copia').textContent = 'Codice selezionato: copialo con Ctrl+C.';
    }
  });
  for (const button of document.querySelectorAll('[data-documento]')) {
    button.addEventListener('click', () => documentAction(button.dataset.documento, button.dataset.formato));
  }
  $('stampa').addEventListener('click', () => {
    document.body.classList.add('stampa-documento');
    window.print();
  });
  window.addEventListener('afterprint', () => document.body.classList.remove('stampa-documento'));
}

function fileId() {
  const id = String(state.profile?.id ?? '').trim();
  return /^[a-z0-9-]+$/.test(id) ? id : 'profilo';
}

function updateExport(text, errors) {
  $('scarica-json').disabled = errors > 0;
  say($('stato-esporta'), errors > 0
    ? `Il profilo ha ${errors} ${errors === 1 ? 'errore' : 'errori'}: correggili per scaricarlo pronto da pubblicare (o scarica la bozza per continuare più tardi).`
    : `Il profilo è valido: scaricalo e pubblicalo sul sito come /banditore/profili/${fileId()}.json.`);
  $('codice').textContent = `<script type="module" src="/banditore/banditore-iscrizione.js"></script>\n<banditore-iscrizione profile="/banditore/profili/${fileId()}.json" lang="it"></banditore-iscrizione>`;
}

function documentAction(kind, format) {
  const text = JSON.stringify(state.profile);
  const status = $('stato-documenti');
  try {
    if (format === 'odt') {
      download(api.documentOdt(text, kind, 'it'), `${kind}-${fileId()}.odt`, 'application/vnd.oasis.opendocument.text');
    } else if (format === 'html') {
      download(api.documentHtml(text, kind, 'it'), `${kind}-${fileId()}.html`, 'text/html');
    } else {
      const doc = new DOMParser().parseFromString(api.documentArticle(text, kind, 'it'), 'text/html');
      $('anteprima-documento').replaceChildren(...doc.body.childNodes);
      $('stampa').hidden = false;
      $('anteprima-documento').focus();
    }
    const errors = state.issues.filter((i) => i.level === 'error').length;
    status.textContent = errors ? `Bozza: il profilo ha ancora ${errors} ${errors === 1 ? 'errore' : 'errori'}, il documento può contenere segnaposto «DA COMPILARE».` : '';
  } catch (e) {
    status.textContent = `Documento non generato: ${e.message || e}`;
  }
}

function download(data, name, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- draft (opt-in) and offline

function readDraft() {
  try {
    const d = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
    return d && typeof d.profile === 'object' ? d : null;
  } catch {
    return null;
  }
}

function saveDraft() {
  if (!$('conserva-bozza').checked || !state.profile) return;
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ saved_at: new Date().toISOString(), profile: state.profile }));
  } catch {
    $('stato-bozza').textContent = 'Il browser non permette di conservare la bozza.';
  }
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => { /* works online all the same */ });
}
