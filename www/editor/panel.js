// The findings panel and the editor's checker controls: category and send-time pickers bound
// to the profile, the findings by severity (source, fix, keyboard navigation), the pre-send
// check, "Copia per WhatsApp" with a WhatsApp-style preview, and the tooltip on marks.
// Everything from the profile or the message is set as text, never as HTML.

import { renderWhatsAppPreview } from './whatsapp-format.js';
import { romeLocalToRfc3339, romeLocalString } from './rome-time.js';

const L = {
  it: {
    title: 'Verifica prima dell’invio', category: 'Categoria', noCategory: '— nessuna —', sendAt: 'Invio previsto (ora di Roma)',
    now: 'Adesso', check: 'Verifica invio', copy: 'Copia per WhatsApp', copied: 'Testo copiato per WhatsApp.',
    preview: 'Anteprima WhatsApp', error: 'Errori', warning: 'Avvisi', info: 'Informazioni', fix: 'Correggi in',
    source: 'Fonte', none: 'Nessun problema trovato.', loading: 'Caricamento del controllo…', blocked: 'Invio bloccato',
    ok: 'Si può inviare', allowed: 'Verifica superata: il messaggio si può inviare.', refused: 'Invio rifiutato',
    pending: 'il controllo non è aggiornato, riprova tra un istante', profile: 'profilo non disponibile',
    hours: 'Orario del servizio', periods: 'Periodi elettorali', nav: 'F8 / Maiusc+F8: problema successivo / precedente',
    profileError: 'Profilo non caricato', checking: 'verifica in corso…', whole: 'intero messaggio',
    crashed: 'Il controllo non è riuscito su questo testo: l’invio resta bloccato. Modifica il testo o riprova.',
    timeout: 'Il controllo non ha risposto in tempo su questo testo: l’invio resta bloccato. Modifica il testo o riprova.',
    'check-failed': 'il controllo non è riuscito su questo testo', changed: 'il messaggio è cambiato durante la verifica, riprova',
    counts: (e, w, i) => `${e} ${e === 1 ? 'errore' : 'errori'}, ${w} ${w === 1 ? 'avviso' : 'avvisi'}, ${i} info`,
    sev: { error: 'Errore', warning: 'Avviso', info: 'Info' },
    quotes: ['«', '»'],
  },
  en: {
    title: 'Pre-send check', category: 'Category', noCategory: '— none —', sendAt: 'Scheduled send (Rome time)',
    now: 'Now', check: 'Check before sending', copy: 'Copy for WhatsApp', copied: 'Text copied for WhatsApp.',
    preview: 'WhatsApp preview', error: 'Errors', warning: 'Warnings', info: 'Information', fix: 'Change to',
    source: 'Source', none: 'No problems found.', loading: 'Loading the checker…', blocked: 'Sending blocked',
    ok: 'Ready to send', allowed: 'Check passed: the message can be sent.', refused: 'Sending refused',
    pending: 'the check is not up to date, retry in a moment', profile: 'profile not available',
    hours: 'Service hours', periods: 'Electoral periods', nav: 'F8 / Shift+F8: next / previous problem',
    profileError: 'Profile not loaded', checking: 'checking…', whole: 'whole message',
    crashed: 'The checker failed on this text: sending stays blocked. Edit the text or retry.',
    timeout: 'The checker timed out on this text: sending stays blocked. Edit the text or retry.',
    'check-failed': 'the checker failed on this text', changed: 'the message changed during the check, retry',
    counts: (e, w, i) => `${e} error(s), ${w} warning(s), ${i} info`,
    sev: { error: 'Error', warning: 'Warning', info: 'Info' },
    quotes: ['“', '”'],
  },
};
const DAYS = { mon: 'lun', tue: 'mar', wed: 'mer', thu: 'gio', fri: 'ven', sat: 'sab', sun: 'dom' };

let uid = 0;

function el(doc, tag, props = {}, ...children) {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children.filter((c) => c != null));
  return e;
}

/** Builds the panel into `container` and keeps it in sync with `ctl`. */
export function createPanel(ctl, container, { lang = ctl.lang, panelLabel = '' } = {}) {
  const t = L[lang] || L.it;
  const quote = (x) => `${t.quotes[0]}${x}${t.quotes[1]}`;
  const doc = container.ownerDocument;
  const id = `bnd${++uid}`;
  const h = (tag, props, ...kids) => el(doc, tag, props, ...kids);

  const catSelect = h('select', { id: `${id}-cat`, class: 'bnd-category' });
  const sendInput = h('input', { id: `${id}-at`, class: 'bnd-send-at', type: 'datetime-local' });
  const nowButton = h('button', { type: 'button', class: 'bnd-now', text: t.now });
  const schedule = h('p', { class: 'bnd-schedule' });
  const status = h('p', { class: 'bnd-status', role: 'status', 'aria-live': 'polite' });
  const gateButton = h('button', { type: 'button', class: 'bnd-gate', text: t.check });
  const copyButton = h('button', { type: 'button', class: 'bnd-copy', text: t.copy });
  const gateResult = h('p', { class: 'bnd-gate-result', role: 'alert' });
  const list = h('div', { class: 'bnd-findings' });
  const previewBody = h('div', { class: 'bnd-wa-bubble', lang: 'it' });
  const preview = h('figure', { class: 'bnd-wa-preview' }, h('figcaption', { text: t.preview }), previewBody);
  const tip = h('div', { class: 'bnd-tip', role: 'tooltip', id: `${id}-tip`, hidden: true });
  const live = h('p', { class: 'bnd-sr-only', 'aria-live': 'polite' });

  const root = h(
    'section',
    // Named by its heading, which says which editor it serves when a page has several panels.
    { class: 'bnd-panel', 'aria-labelledby': `${id}-title` },
    h('h2', { class: 'bnd-title', id: `${id}-title`, text: panelLabel ? `${t.title}: ${panelLabel}` : t.title }),
    h(
      'div',
      { class: 'bnd-controls' },
      h('label', { for: catSelect.id, text: t.category }),
      catSelect,
      h('label', { for: sendInput.id, text: t.sendAt }),
      h('span', { class: 'bnd-send-row' }, sendInput, nowButton),
      schedule,
    ),
    status,
    h('div', { class: 'bnd-actions' }, gateButton, copyButton),
    gateResult,
    list,
    h('p', { class: 'bnd-hint', text: t.nav }),
    preview,
    live,
    // Inside the panel's landmark (WCAG: no content outside landmarks), placed with fixed coordinates.
    tip,
  );
  container.append(root);

  catSelect.addEventListener('change', () => ctl.setCategory(catSelect.value));
  sendInput.addEventListener('change', () => ctl.setSendAt(romeLocalToRfc3339(sendInput.value) || ''));
  nowButton.addEventListener('click', () => {
    sendInput.value = '';
    ctl.setSendAt('');
  });
  gateButton.addEventListener('click', () => ctl.gate());
  copyButton.addEventListener('click', async () => {
    try {
      await ctl.copyForWhatsApp();
      gateResult.textContent = t.copied;
    } catch (e) {
      gateResult.textContent = e.message;
    }
  });

  const renderControls = () => {
    const cats = ctl.client?.categories || [];
    catSelect.replaceChildren(h('option', { value: '', text: t.noCategory }), ...cats.map((c) => h('option', { value: c.id, text: c.label })));
    catSelect.value = ctl.category;
    sendInput.value = ctl.sendAt ? romeLocalString(Date.parse(ctl.sendAt)) : '';
    const s = ctl.client?.schedule;
    const parts = [];
    if (s?.service_hours?.slots?.length) {
      const slots = s.service_hours.slots.map((x) => `${x.days.map((d) => DAYS[d] || d).join(' ')} ${x.from}–${x.to}`);
      parts.push(`${t.hours}: ${slots.join('; ')}`);
    }
    if (s?.electoral_periods?.length) {
      parts.push(`${t.periods}: ${s.electoral_periods.map((p) => `${p.label} (${p.from} → ${p.to})`).join('; ')}`);
    }
    schedule.textContent = parts.join(' · ');
  };

  const findingItem = (f) => {
    const where = f.range ? quote(f.text) : t.whole;
    const focusBtn = h(
      'button',
      { type: 'button', class: 'bnd-finding-go', 'data-index': f.index, 'aria-describedby': `${id}-f${f.index}` },
      h('span', { class: 'bnd-sev', text: t.sev[f.severity] ?? f.severity }),
      ' ',
      h('span', { class: 'bnd-msg', text: f.message }),
    );
    focusBtn.addEventListener('click', () => ctl.focusFinding(f.index));
    const details = h(
      'p',
      { class: 'bnd-finding-meta', id: `${id}-f${f.index}` },
      h('code', { class: 'bnd-rule', text: f.rule }),
      ' · ',
      h('span', { class: 'bnd-where', text: where }),
      ' · ',
      h('span', { class: 'bnd-source', text: `${t.source}: ${f.source}` }),
    );
    const item = h('li', { class: `bnd-finding bnd-${f.severity}`, 'data-rule': f.rule }, focusBtn, details);
    if (f.fix != null && f.range) {
      const [open, close] = t.quotes;
      const fixBtn = h('button', { type: 'button', class: 'bnd-fix', 'data-index': f.index }, `${t.fix} ${open}`, h('span', { text: f.fix }), close);
      fixBtn.addEventListener('click', () => ctl.applyFix(f.index));
      item.append(fixBtn);
    }
    return item;
  };

  const renderReport = () => {
    if (ctl.error) {
      status.textContent = `${t.profileError}: ${ctl.error.message}`;
      status.className = 'bnd-status bnd-status-error';
      list.replaceChildren();
      renderPreview();
      return;
    }
    if (ctl.checkError) {
      status.textContent = t[ctl.checkError.code] ?? `${t['check-failed']}: ${ctl.checkError.message}`;
      status.className = 'bnd-status bnd-status-error';
      list.replaceChildren();
      renderPreview();
      return;
    }
    if (!ctl.report) {
      status.textContent = t.loading;
      status.className = 'bnd-status';
      return;
    }
    const by = { error: [], warning: [], info: [] };
    for (const f of ctl.findings) (by[f.severity] || by.info).push(f);
    status.textContent = `${ctl.report.can_send ? t.ok : t.blocked} — ${t.counts(by.error.length, by.warning.length, by.info.length)}`;
    status.className = `bnd-status ${ctl.report.can_send ? 'bnd-status-ok' : 'bnd-status-error'}`;
    const groups = [];
    for (const sev of ['error', 'warning', 'info']) {
      if (!by[sev].length) continue;
      const hid = `${id}-h-${sev}`;
      groups.push(
        h('h3', { id: hid, class: `bnd-group bnd-${sev}`, text: `${t[sev]} (${by[sev].length})` }),
        h('ul', { 'aria-labelledby': hid, class: 'bnd-list' }, ...by[sev].map(findingItem)),
      );
    }
    list.replaceChildren(...(groups.length ? groups : [h('p', { class: 'bnd-none', text: t.none })]));
    renderPreview();
  };

  const renderPreview = () => renderWhatsAppPreview(ctl.lastText ?? '', previewBody);

  // Arrow keys move between the findings' buttons; Home/End jump to the ends.
  list.addEventListener('keydown', (ev) => {
    const buttons = [...list.querySelectorAll('.bnd-finding-go, .bnd-fix')];
    const at = buttons.indexOf(doc.activeElement);
    if (at < 0) return;
    const go = { ArrowDown: 1, ArrowUp: -1 }[ev.key];
    let next = null;
    if (go) {
      const items = [...list.querySelectorAll('.bnd-finding-go')];
      const cur = doc.activeElement.closest('li').querySelector('.bnd-finding-go');
      next = items[(items.indexOf(cur) + go + items.length) % items.length];
    } else if (ev.key === 'Home') next = buttons[0];
    else if (ev.key === 'End') next = buttons[buttons.length - 1];
    if (next) {
      ev.preventDefault();
      next.focus();
    }
  });

  ctl.addEventListener('profile', () => {
    renderControls();
    renderReport();
  });
  ctl.addEventListener('report', renderReport);
  ctl.addEventListener('gate', ({ detail: v }) => {
    if (v.allowed) gateResult.textContent = t.allowed;
    else if (v.reason === 'errors') gateResult.textContent = `${t.refused}: ${v.errors.map((f) => `${f.rule} «${f.text}»`).join(', ')}`;
    else gateResult.textContent = `${t.refused}: ${t[v.reason] || v.reason}`;
    gateResult.className = `bnd-gate-result ${v.allowed ? 'bnd-ok' : 'bnd-refused'}`;
  });
  ctl.addEventListener('focus', ({ detail: { finding } }) => {
    live.textContent = `${finding.message} (${finding.rule}, ${t.source}: ${finding.source})`;
  });
  let tipVia = null;
  ctl.addEventListener('tip', ({ detail: { finding, rect, via } }) => {
    // The pointer leaving a mark must not hide the message the caret asked for.
    if (!finding || !rect) {
      if (via === 'caret' || tipVia !== 'caret') tip.hidden = true;
      return;
    }
    tipVia = via;
    // replaceChildren() would print a null child as the text "null" (issue 12 item 11).
    const parts = [
      h('strong', { text: finding.message }),
      h('span', { class: 'bnd-tip-meta', text: `${finding.rule} · ${t.source}: ${finding.source}` }),
    ];
    if (finding.fix != null) parts.push(h('span', { class: 'bnd-tip-fix', text: `${t.fix} ${quote(finding.fix)}` }));
    tip.replaceChildren(...parts);
    tip.className = `bnd-tip bnd-${finding.severity}`;
    tip.hidden = false;
    const view = doc.defaultView;
    tip.style.left = `${Math.max(4, Math.min(rect.left, view.innerWidth - 340))}px`;
    tip.style.top = `${rect.bottom + 6}px`;
    if (via === 'caret') live.textContent = `${finding.message} (${t.source}: ${finding.source})`;
  });

  renderControls();
  renderReport();
  return { root, tip, destroy: () => root.remove() };
}
