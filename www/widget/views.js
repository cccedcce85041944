// Renders a view of the consent flow (computed by the WASM module) as DOM. Pure presentation:
// which step comes next, which acknowledgements exist and every text come from the view.
import { h, link, safeHref, safeSvg, uid } from './dom.js';

export const FLOW_STEPS = ['policy', 'informativa', 'consent', 'join'];

const PLATFORM_NAMES = { whatsapp: 'WhatsApp', telegram: 'Telegram' };

/** Headings start at the embedder's level (attribute heading-level, default 2). */
function heading(ctx, depth, text, attrs = {}) {
  const level = Math.min(6, ctx.headingLevel + depth);
  return h(`h${level}`, attrs, text);
}

/** Interface words in a language other than the content's (a German interface over Italian
 *  content) carry their own lang (WCAG 3.1.2); `ctx.ui` is then that language. */
const ui = (ctx, attrs = {}) => (ctx.ui ? { ...attrs, lang: ctx.ui } : attrs);

function paragraphs(list, cls) {
  return (list || []).filter(Boolean).map((p) => h('p', { class: cls }, p));
}

/** Policy texts mark list items with a leading "- ": shown as a list, never as markup. */
function richParagraphs(list) {
  const out = [];
  let items = null;
  for (const p of list || []) {
    if (/^\s*- /.test(p)) {
      items ??= h('ul', {});
      items.append(h('li', {}, p.replace(/^\s*- /, '')));
      if (!out.includes(items)) out.push(items);
    } else {
      items = null;
      out.push(h('p', {}, p));
    }
  }
  return out;
}

function button(ctx, text, onclick, { kind = 'primary', ...attrs } = {}) {
  return h('button', ui(ctx, { type: 'button', class: `b-btn b-btn-${kind}`, part: `button button-${kind}`, onclick, ...attrs }), text);
}

function actions(...buttons) {
  return h('div', { class: 'b-actions' }, buttons);
}

const isUiTitle = (t, title) => Object.values(t.steps).includes(title) || title === t.declinedTitle || title === t.revokedTitle;

/** The step's section: its heading is the focus target when the step changes. */
function section(ctx, step, title, ...children) {
  const id = uid('b-step');
  return h(
    'section',
    // Named by the step and the channel: two widgets on a page are two distinct landmarks.
    { class: `b-step b-step-${step}`, 'aria-labelledby': ctx.titleId ? `${id} ${ctx.titleId}` : id, 'data-step': step },
    heading(ctx, 1, title, { id, class: 'b-step-title', tabindex: '-1', lang: isUiTitle(ctx.t, title) ? ctx.ui : null }),
    children,
  );
}

function policyStep(ctx, v) {
  const t = ctx.t;
  const { policy } = v;
  const full = h(
    'details',
    { class: 'b-details' },
    h('summary', ui(ctx, { part: 'disclosure' }), t.fullPolicy),
    // The policy's text exists in Italian only.
    h('div', { class: 'b-articles', role: 'region', tabindex: '0', 'aria-label': policy.title || t.fullPolicy, lang: v.lang === 'it' ? null : 'it' }, [
      h('p', { class: 'b-policy-title' }, policy.title),
      policy.approval ? h('p', { class: 'b-muted' }, policy.approval) : null,
      (policy.articles || []).map((a) =>
        h(
          'article',
          { class: 'b-article' },
          heading(ctx, 2, [a.number, a.title].filter(Boolean).join(' – ')),
          richParagraphs(a.paragraphs),
        ),
      ),
    ]),
  );
  return section(
    ctx,
    'policy',
    t.steps.policy,
    v.policy_changed && v.messages.policy_changed
      ? h(
          'div',
          { class: 'b-notice', role: 'note' },
          h('p', {}, v.messages.policy_changed),
          v.messages.revision_message ? h('p', { lang: v.lang === 'it' ? null : 'it', 'data-revision-message': '' }, v.messages.revision_message) : null,
        )
      : null,
    channelPicker(ctx, v),
    h('ul', { class: 'b-summary' }, (policy.summary || []).map((s) => h('li', {}, s))),
    full,
    policy.url ? h('p', {}, link(policy.url, t.policyLink, ui(ctx))) : null,
    actions(
      button(ctx, t.continue, () => ctx.act('next')),
      v.can_decline ? button(ctx, t.notJoin, () => ctx.act('decline'), { kind: 'secondary' }) : null,
    ),
  );
}

/** With more than one channel (say WhatsApp and Telegram) the citizen picks one first: what follows depends on it. */
function channelPicker(ctx, v) {
  const channels = v.channels || [];
  if (channels.length < 2) return null;
  const name = uid('b-channel');
  const items = channels.map((c) => {
    const id = uid('b-channel');
    return h(
      'div',
      { class: 'b-check' },
      h('input', {
        type: 'radio',
        part: 'radio',
        id,
        name,
        value: String(c.index),
        'data-channel': String(c.index),
        checked: c.selected,
        onchange: (e) => e.target.checked && ctx.selectChannel(c.index),
      }),
      h('label', { for: id }, c.label),
    );
  });
  return h('fieldset', { class: 'b-fieldset b-channels' }, h('legend', ui(ctx), ctx.t.channelLegend), items);
}

function informativaStep(ctx, v) {
  const t = ctx.t;
  const inf = v.informativa;
  return section(
    ctx,
    'informativa',
    inf.title || t.steps.informativa,
    inf.intro ? h('p', {}, inf.intro) : null,
    (inf.sections || []).map((s) =>
      h('div', { class: 'b-inf-section', 'data-section': s.id }, heading(ctx, 2, s.heading), paragraphs(s.paragraphs)),
    ),
    inf.url ? h('p', {}, link(inf.url)) : null,
    actions(
      button(ctx, t.continue, () => ctx.act('next')),
      button(ctx, t.back, () => ctx.act('back'), { kind: 'secondary' }),
      v.can_decline ? button(ctx, t.notJoin, () => ctx.act('decline'), { kind: 'secondary' }) : null,
    ),
  );
}

function consentStep(ctx, v) {
  const t = ctx.t;
  const c = v.consent;
  const errorId = uid('b-err');
  const error = h('p', { id: errorId, class: 'b-error-text', role: 'alert' });
  const boxes = [];
  const items = (c.acks || []).map((ack) => {
    const id = uid('b-ack');
    const box = h('input', {
      type: 'checkbox',
      part: 'checkbox',
      id,
      name: ack.id,
      'data-ack': ack.id,
      checked: ack.checked,
      required: ack.required,
      onchange: (e) => {
        ctx.setAck(ack.id, e.target.checked);
        if (e.target.checked) e.target.removeAttribute('aria-invalid');
      },
    });
    boxes.push(box);
    return h(
      'div',
      { class: 'b-check' },
      box,
      h('label', { for: id }, ack.label, ack.source ? h('span', { class: 'b-source' }, ` (${ack.source})`) : null),
    );
  });
  const accept = (e) => {
    e.preventDefault();
    const missing = boxes.filter((b) => b.required && !b.checked);
    if (missing.length) {
      error.textContent = t.consentMissing(missing.length);
      if (ctx.ui) error.lang = ctx.ui;
      for (const b of missing) {
        b.setAttribute('aria-invalid', 'true');
        b.setAttribute('aria-describedby', errorId);
      }
      missing[0].focus();
      return;
    }
    ctx.act('consent');
  };
  return section(
    ctx,
    'consent',
    t.steps.consent,
    h(
      'form',
      { class: 'b-form', novalidate: true, onsubmit: accept },
      c.intro ? h('p', {}, c.intro) : null,
      h('fieldset', { class: 'b-fieldset' }, h('legend', {}, c.legend || t.consentLegend), items),
      h('p', { class: 'b-muted' }, c.note || t.consentHint),
      error,
      actions(
        // No consent to a channel the comune has not opened yet: the notice above says why.
        v.join.available === false ? null : h('button', ui(ctx, { type: 'submit', class: 'b-btn b-btn-primary', part: 'button button-primary' }), t.accept),
        button(ctx, t.decline, () => ctx.act('decline'), { kind: 'secondary' }),
        button(ctx, t.back, () => ctx.act('back'), { kind: 'secondary' }),
      ),
    ),
  );
}

/** A download link for the vCard: a blob: URL, created on demand and released after use. */
function vcardLink(ctx, vcard) {
  const a = h('a', { class: 'b-btn b-btn-secondary', part: 'button button-secondary', download: vcard.file_name || 'contatto.vcf', href: '#' }, vcard.label || ctx.t.saveContact);
  a.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([vcard.text], { type: vcard.mime || 'text/vcard' }));
    a.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  });
  return a;
}

function joinStep(ctx, v) {
  const t = ctx.t;
  const j = v.join;
  const platform = PLATFORM_NAMES[v.channel.platform] || v.channel.platform;
  const primaryHref = safeHref(j.primary?.url, { https: true });
  const openButton = primaryHref
    ? h('a', { class: 'b-btn b-btn-primary b-open', part: 'button button-primary join-link', href: primaryHref, rel: 'noopener noreferrer', 'data-join': 'open' }, j.platform_action || t.openIn(platform))
    : null;

  let main;
  if (ctx.phone) {
    main = h('div', { class: 'b-join-phone' }, openButton);
  } else {
    const svg = j.qr?.svg ? safeSvg(j.qr.svg) : null;
    const figure = svg
      ? h('figure', { class: 'b-qr', part: 'qr' }, h('div', { class: 'b-qr-code', role: 'img', 'aria-label': j.qr.text_alternative || t.qrLabel }))
      : null;
    if (figure) {
      svg.setAttribute('aria-hidden', 'true');
      svg.setAttribute('focusable', 'false');
      figure.firstChild.append(svg);
    }
    main = h(
      'div',
      { class: 'b-join-desktop' },
      figure,
      h(
        'div',
        {},
        h('p', ui(ctx), t.scanQr),
        primaryHref
          ? h('p', { class: 'b-link-text' }, h('a', { href: primaryHref, part: 'link join-link', rel: 'noopener noreferrer', 'data-join': 'link' }, j.qr?.url || primaryHref))
          : null,
      ),
    );
  }

  const broadcast = j.number
    ? h(
        'div',
        { class: 'b-broadcast' },
        h('p', { class: 'b-number' }, h('span', ui(ctx, { class: 'b-muted' }), `${t.numberLabel}: `), h('strong', { 'data-number': j.number.e164 }, j.number.display)),
        j.vcard ? h('p', ui(ctx), t.saveFirst) : null,
        h(
          'div',
          { class: 'b-actions' },
          j.vcard ? vcardLink(ctx, j.vcard) : null,
          j.subscribe && safeHref(j.subscribe.url, { https: true }) && j.subscribe.url !== j.primary?.url
            ? h('a', { class: 'b-btn b-btn-secondary', part: 'button button-secondary join-link', href: safeHref(j.subscribe.url, { https: true }), rel: 'noopener noreferrer', 'data-join': 'subscribe' }, j.subscribe.label || t.sendKeyword(j.subscribe.keyword))
            : null,
        ),
      )
    : null;

  const receipt = v.receipt;
  return section(
    ctx,
    'join',
    j.title || t.steps.join,
    ctx.restored ? h('p', ui(ctx, { class: 'b-notice' }), t.rememberedNote) : null,
    j.steps?.length ? h('ol', { class: 'b-join-steps' }, j.steps.map((s) => h('li', {}, s))) : null,
    // A broadcast list reaches only saved contacts: the number and "Salva contatto" come first.
    broadcast,
    main,
    unsubscribeBlock(ctx, v),
    helpBlock(ctx, v),
    officialBlock(ctx, v),
    receipt?.consented_at
      ? h('p', ui(ctx, { class: 'b-muted b-receipt' }), (ctx.remember ? t.receiptNote : t.consentNote)(formatDate(receipt.consented_at, ctx.ui || v.lang)))
      : null,
    actions(button(ctx, t.revoke, () => ctx.act('revoke'), { kind: 'secondary' })),
  );
}

function formatDate(iso, lang) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat({ en: 'en-GB', de: 'de-DE' }[lang] || 'it-IT', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(d);
}

function unsubscribeBlock(ctx, v) {
  const u = v.unsubscribe;
  if (!u) return null;
  return h('div', { class: 'b-info b-unsubscribe' }, heading(ctx, 2, u.title || ctx.t.unsubscribeTitle), h('ol', {}, (u.steps || []).map((s) => h('li', {}, s))));
}

function helpBlock(ctx, v) {
  const help = v.help;
  if (!help) return null;
  return h(
    'div',
    { class: 'b-info b-help' },
    heading(ctx, 2, help.title || ctx.t.helpTitle),
    help.text ? h('p', {}, help.text) : null,
    help.contacts?.length
      ? h('ul', { class: 'b-contacts' }, help.contacts.map((c) => h('li', {}, `${c.label}: `, contactLink(c))))
      : null,
  );
}

function officialBlock(ctx, v) {
  const o = v.official;
  if (!o) return null;
  return h(
    'div',
    { class: 'b-info b-official' },
    heading(ctx, 2, ctx.t.officialTitle),
    h('p', {}, o.notice || ctx.t.notReplace),
    o.links?.length ? h('ul', { class: 'b-contacts' }, o.links.map((l) => h('li', {}, `${l.label}: `, contactLink(l)))) : null,
  );
}

/** https:, mailto: and tel: links as the view validated them; anything else as text. */
function contactLink(c) {
  const url = String(c.url || '');
  if (/^(mailto|tel):/i.test(url)) return h('a', { href: url, part: 'link' }, c.value || url);
  if (url) return link(url, c.value || url);
  return h('span', {}, c.value);
}

function declinedStep(ctx, v) {
  return section(
    ctx,
    'declined',
    ctx.t.declinedTitle,
    h('p', {}, v.messages.declined),
    officialBlock(ctx, v),
    helpBlock(ctx, v),
    actions(button(ctx, ctx.t.restart, () => ctx.act('restart'), { kind: 'secondary' })),
  );
}

function revokedStep(ctx, v) {
  return section(
    ctx,
    'revoked',
    ctx.t.revokedTitle,
    h('p', {}, v.messages.revoked),
    unsubscribeBlock(ctx, v),
    officialBlock(ctx, v),
    helpBlock(ctx, v),
    actions(button(ctx, ctx.t.restart, () => ctx.act('restart'), { kind: 'secondary' })),
  );
}

const STEPS = {
  policy: policyStep,
  informativa: informativaStep,
  consent: consentStep,
  join: joinStep,
  declined: declinedStep,
  revoked: revokedStep,
};

/** The step title used by the live region and the progress list. */
export function stepTitle(t, v) {
  if (v.step === 'declined') return t.declinedTitle;
  if (v.step === 'revoked') return t.revokedTitle;
  return t.steps[v.step];
}

function progress(ctx, v) {
  const current = FLOW_STEPS.indexOf(v.step);
  if (current < 0) return null;
  return h(
    'ol',
    ui(ctx, { class: 'b-progress', 'aria-label': ctx.t.stepOf(current + 1, FLOW_STEPS.length, ctx.t.steps[v.step]) }),
    FLOW_STEPS.map((s, i) =>
      h(
        'li',
        { class: i < current ? 'b-done' : i === current ? 'b-current' : '', 'aria-current': i === current ? 'step' : null },
        h('span', { class: 'b-progress-n', 'aria-hidden': 'true' }, String(i + 1)),
        h('span', { class: 'b-progress-label' }, ctx.t.steps[s]),
      ),
    ),
  );
}

/**
 * Marks the profile's Italian phrases (longest first) inside a view in another language with
 * lang="it" (or its texts translated into `lang` inside an Italian view), splitting text nodes:
 * the text itself is never re-parsed.
 */
export function markItalian(root, phrases, lang = 'it') {
  if (!phrases?.length) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (let node of nodes) {
    if (node.parentElement?.closest('[lang]')?.lang === lang) continue; // already in that language
    for (;;) {
      let best = null;
      for (const p of phrases) {
        const i = node.data.indexOf(p);
        if (i >= 0 && (!best || i < best.i)) best = { i, p };
      }
      if (!best) break;
      const hit = node.splitText(best.i);
      node = hit.splitText(best.p.length);
      hit.replaceWith(h('span', { lang }, hit.data));
    }
  }
}

/** The whole widget body for a view: the channel's header, the progress, the step. */
export function renderView(ctx, v) {
  ctx.titleId = uid('b-title');
  return [
    h(
      'header',
      { class: 'b-head' },
      h('p', { class: 'b-kicker' }, v.comune.official_name || v.comune.name),
      heading(ctx, 0, v.channel.label || v.channel.name, { class: 'b-title', id: ctx.titleId }),
    ),
    progress(ctx, v),
    v.join.available === false && FLOW_STEPS.includes(v.step)
      ? h('p', { class: 'b-notice b-unavailable', 'data-unavailable': '' }, v.join.unavailable)
      : null,
    STEPS[v.step](ctx, v),
  ];
}

/** The error box: never a blank widget. `details` are plain strings; `fallback` extra nodes. */
export function renderError(ctx, message, { details = [], fallback = [] } = {}) {
  return h(
    'div',
    { class: 'b-error', role: 'alert' },
    heading(ctx, 0, ctx.t.errorTitle, ui(ctx, { class: 'b-title', tabindex: '-1' })),
    h('p', {}, message),
    details.length ? h('ul', { class: 'b-issues' }, details.map((d) => h('li', {}, d))) : null,
    fallback,
  );
}
