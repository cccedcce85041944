// The <banditore-iscrizione> element (see ../banditore-iscrizione.js for its attributes and
// events, widget.d.ts and custom-elements.json for its API): loads the profile and the flow,
// renders each step, remembers the receipt if asked.
import { h, safeHref } from './dom.js';
import { contentLang, loadLang, normLang, strings } from './i18n.js';
import { FLOW_STEPS, markItalian, renderError, renderView, stepTitle } from './views.js';
import * as store from './storage.js';

const PHONE_QUERY = '(hover: none) and (pointer: coarse), (max-width: 575.98px)';

/**
 * Defines the element. `boot` (from the entry script) owns what is fetched, so downloads start
 * before this module is even loaded: { origin, stylesheet, langs: { de: url }, loadWasm(), fetchProfile(url) }.
 */
export function define(boot) {
  if (!customElements.get('banditore-iscrizione')) customElements.define('banditore-iscrizione', elementClass(boot));
}

/** The hosts a join link may point to: the same rules as the profile's validation (src/links/). */
const JOIN_HOSTS = {
  'whatsapp-channel': (u) => /^(www\.)?whatsapp\.com$/.test(u.hostname) && /^\/channel\/[A-Za-z0-9]{16,40}\/?$/.test(u.pathname),
  'telegram-channel': (u) => /^(www\.)?(t|telegram)\.me$/.test(u.hostname) && /^\/(\+|joinchat\/)?[A-Za-z0-9_-]{4,}\/?$/.test(u.pathname) && !/^\/\+\d+\/?$/.test(u.pathname),
};

function elementClass(boot) {
  return class BanditoreIscrizione extends HTMLElement {
  static get observedAttributes() {
    return ['profile', 'lang', 'device', 'remember', 'loading'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._generation = 0;
    this._sub = null;
    this._view = null;
    this._translations = null;
  }

  // ---- attributes reflected as properties (lang is HTMLElement's own, left to the platform)

  get profile() {
    return this.getAttribute('profile') ?? '';
  }

  set profile(value) {
    this.setAttribute('profile', value);
  }

  get remember() {
    return this.hasAttribute('remember');
  }

  set remember(value) {
    this.toggleAttribute('remember', Boolean(value));
  }

  get loading() {
    return this.getAttribute('loading') === 'lazy' ? 'lazy' : 'eager';
  }

  set loading(value) {
    this.setAttribute('loading', value === 'lazy' ? 'lazy' : 'eager');
  }

  /** Interface strings overriding the built-in ones, per language: { de: { continue: 'Weiter' } }. */
  get translations() {
    return this._translations;
  }

  set translations(value) {
    this._translations = value && typeof value === 'object' ? value : null;
    if (this._view) this._render({ focus: false, announce: false });
  }

  /** The current view of the flow (read-only copy), or null before the profile is loaded. */
  get view() {
    return this._view ? structuredClone(this._view) : null;
  }

  /** The current step ("policy" … "join", "declined", "revoked"), or null before ready. */
  get step() {
    return this._view?.step ?? null;
  }

  connectedCallback() {
    if (!this._started) {
      this._started = true;
      this._phoneQuery = matchMedia(PHONE_QUERY);
      this._onDevice = () => this._view?.step === 'join' && this._render({ focus: false });
      this._phoneQuery.addEventListener('change', this._onDevice);
      if (boot.isLazy(this)) this._loadWhenNear();
      else this._load();
    }
  }

  disconnectedCallback() {
    this._phoneQuery?.removeEventListener('change', this._onDevice);
    this._near?.disconnect();
    this._near = null;
    this._started = false;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this._started || oldValue === newValue) return;
    if (name === 'loading') {
      // eager while still waiting to come near: load now.
      if (this._near && newValue !== 'lazy') {
        this._near.disconnect();
        this._near = null;
        this._load();
      }
      return;
    }
    if (this._near) return;
    if (name === 'device') this._view && this._render({ focus: false });
    else if (name === 'remember') this._view && this._render({ focus: false, announce: false });
    else this._load();
  }

  // ---- methods

  /** Withdraws the consent (join step only, as the widget's own button); false elsewhere. */
  revoke() {
    if (this._view?.step !== 'join') return false;
    this._act('revoke', { focus: false });
    return true;
  }

  /** Forgets the consent remembered on this device and starts the flow over. */
  reset() {
    store.clear(this._storeKey ?? store.keyFor(this._view?.comune?.id));
    return this._load();
  }

  /**
   * Goes to `step` along the flow's own transitions: between "policy", "informativa" and
   * "consent" (never past the consent), and back to "policy" from "declined" or "revoked".
   * Returns whether the widget is now at `step`.
   */
  show(step) {
    const v = this._view;
    if (!v || v.step === step) return Boolean(v);
    const target = FLOW_STEPS.indexOf(step);
    if (target < 0 || step === 'join') return false;
    if (v.step === 'declined' || v.step === 'revoked') {
      if (step !== 'policy') return false;
      return this._act('restart', { focus: false });
    }
    let at = FLOW_STEPS.indexOf(v.step);
    if (at < 0 || at > 2) return false;
    while (at !== target) {
      if (!this._act(at < target ? 'next' : 'back', { focus: false })) return false;
      at = FLOW_STEPS.indexOf(this._view.step);
    }
    return true;
  }

  /**
   * The profile itself, as JSON text or a plain object, instead of the `profile` URL: for a page
   * that writes the profile as it goes (the builder's live preview, www/crea/). Nothing is
   * fetched for it; setting it reloads the widget, `null` goes back to the attribute.
   */
  set profileData(value) {
    this._profileData = value == null ? null : typeof value === 'string' ? value : JSON.stringify(value);
    if (this._started && !this._near) this._load();
  }

  get profileData() {
    return this._profileData ?? null;
  }

  // ---- internals

  /** The interface language: the element's lang, else the nearest ancestor's (the page's <html lang>). */
  _lang() {
    return normLang(this._pageLang());
  }

  /** The page's own language ("fr" too, which has no interface strings): the profile's texts may have it. */
  _pageLang() {
    return (this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'it').toLowerCase().slice(0, 2);
  }

  _ctx() {
    const device = this.getAttribute('device');
    const lang = this._lang();
    return {
      t: strings(lang, this._translations),
      // The content (from the WASM module) is in Italian or English; a German interface marks its own words.
      ui: contentLang(lang) === lang ? null : lang,
      headingLevel: Math.max(1, Math.min(5, Number(this.getAttribute('heading-level')) || 2)),
      phone: device === 'phone' || (device !== 'desktop' && this._phoneQuery?.matches),
      restored: this._restored,
      remember: this.hasAttribute('remember'),
      act: (action) => this._act(action),
      setAck: (id, checked) => this._setAck(id, checked),
      selectChannel: (index) => this._selectChannel(index),
    };
  }

  /** Shadow root skeleton: the stylesheet (same-origin file, allowed by style-src 'self'), a live
   *  region, the body, and a slot showing the page's own content (the fallback) until ready. */
  _frame() {
    const lang = this._lang();
    const t = strings(lang, this._translations);
    const root = this.shadowRoot;
    if (!this._body) {
      this._live = h('p', { class: 'b-sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
      this._body = h('div', { class: 'b-body' });
      this._box = h('div', { class: 'b-root', role: 'region', part: 'box' }, this._live, this._body);
      this._slot = h('slot', {});
      // Unstyled content would flash before the stylesheet arrives: the box shows once it has
      // loaded (or failed, or after 3 s: never a box that stays invisible). Meanwhile the
      // page's own content inside the element stays visible through the slot.
      const sheet = h('link', { rel: 'stylesheet', href: boot.stylesheet });
      const show = () => {
        this._box.hidden = false;
      };
      sheet.addEventListener('load', show, { once: true });
      sheet.addEventListener('error', show, { once: true });
      setTimeout(show, 3000);
      this._box.hidden = true;
      root.append(sheet, this._box, this._slot);
    }
    this._box.setAttribute('aria-label', t.region);
    this._box.setAttribute('lang', contentLang(lang));
    if (contentLang(lang) !== lang) this._live.setAttribute('lang', lang);
    else this._live.removeAttribute('lang');
  }

  /** The page's fallback content: shown while loading and after an error, hidden once ready. */
  _fallback(shown) {
    this._slot.hidden = !shown;
  }

  /** loading="lazy": a frame saying it will load, then the real load once the box is within
   *  a screen of the viewport, so that it is ready by the time the citizen reaches it. */
  _loadWhenNear() {
    const lang = this._lang();
    const loading = () => this._body.replaceChildren(h('p', { class: 'b-loading' }, strings(lang, this._translations).loading));
    this._frame();
    this._fallback(true);
    loading();
    loadLang(lang, boot.langs?.[lang]).then(() => this._near && loading());
    this._near = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this._near.disconnect();
      this._near = null;
      this._load();
    }, { rootMargin: '100% 0px' });
    this._near.observe(this);
  }

  async _load() {
    const generation = ++this._generation;
    const lang = this._lang();
    const stale = () => generation !== this._generation;
    await loadLang(lang, boot.langs?.[lang]);
    if (stale()) return;
    const t = strings(lang, this._translations);
    const ctx = this._ctx();
    this._frame();
    this._fallback(true);
    this._sub?.free?.();
    this._sub = null;
    this._view = null;
    this._restored = false;
    this.removeAttribute('data-state');
    this._body.replaceChildren(h('p', { class: 'b-loading', role: 'status' }, t.loading));

    let text = this._profileData ?? null;
    let profileUrl;
    if (text === null) {
      const attr = this.getAttribute('profile');
      if (!attr) return this._fail(t.errNoProfile);
      try {
        profileUrl = new URL(attr, document.baseURI);
      } catch {
        return this._fail(t.errBadUrl(attr)); // this element only: the others on the page go on
      }
      // Only the host that serves the widget: no request to a third party, ever.
      if (profileUrl.origin !== boot.origin) return this._fail(t.errCrossOrigin(profileUrl.href));
    }

    const wasm = boot.loadWasm().then((m) => ({ m }), (error) => ({ error }));
    if (text === null) {
      try {
        text = await boot.fetchProfile(profileUrl.href);
        performance.mark('banditore:profile');
      } catch (e) {
        if (!stale()) this._fail(t.errFetch(profileUrl.pathname, e.message));
        return;
      }
      if (stale()) return;
    }
    let raw;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return this._fail(t.errJson(e.message));
    }
    // The profile's texts in the page's language (issue 14 item 6), applied to a copy that the WASM
    // then reads and validates like any other profile; `validate` has checked the pointers.
    const page = this._pageLang();
    const { profile, own } = translate(raw, page);
    if (own.size) text = JSON.stringify((raw = profile));

    const { m, error } = await wasm;
    performance.mark('banditore:wasm');
    if (stale()) return;
    if (error) {
      return this._fail(error.code === 'no-wasm' ? t.errWasm : t.errModule(error.message), { fallback: plainJoin(ctx, raw) });
    }
    this._storeKey = store.keyFor(raw?.id);
    const saved = this.hasAttribute('remember') ? store.load(this._storeKey) : null;
    try {
      this._sub = new m.Subscription(text, contentLang(lang), saved, Date.now());
    } catch (e) {
      const issues = Array.isArray(e.issues) ? e.issues.filter((i) => i.level === 'error') : [];
      const ml = contentLang(lang);
      const details = issues.map((i) => `${i.path}: ${i.message?.[ml] ?? i.message?.it ?? ''}`);
      // A newer profile format is not a broken profile: the same safe fallback as without
      // WebAssembly. An invalid profile never yields a join link (issue 12 item 6).
      const newer = issues.some((i) => i.path === '$.format');
      return this._fail(newer ? t.errNewer : t.errInvalid, {
        details: details.length ? details : [String(e.message || e)],
        fallback: newer ? plainJoin(ctx, raw) : [],
      });
    }
    this._view = this._sub.view();
    // Inside an English view the untranslated texts are Italian; the translated ones are in the
    // page's language wherever they sit inside Italian (a German page's view, the articles) (WCAG 3.1.2).
    this._italian = this._view.lang === 'it' ? [] : italianPhrases(raw).filter((p) => !own.has(p));
    this._own = own.size ? { lang: page, phrases: [...own].sort((a, b) => b.length - a.length) } : null;
    performance.mark('banditore:flow');
    this._restored = this._view.step === 'join';
    if (saved && this._view.step !== 'join') store.clear(this._storeKey); // another policy version: ask again
    this._render({ focus: false, announce: false });
    performance.mark('banditore:ready');
    // For the comune's web editor: the art. 13 elements the profile is silent on (the notice tells citizens so).
    const gaps = this._view.informativa?.gaps ?? [];
    if (gaps.length) console.warn(`banditore: l'informativa non indica / the notice does not state: ${gaps.join(', ')}`);
    this.dispatchEvent(new CustomEvent('banditore:ready', { bubbles: true, composed: true, detail: { step: this._view.step, gaps } }));
  }

  _fail(message, opts) {
    this._frame();
    this._view = null;
    this._body.replaceChildren(renderError(this._ctx(), message, opts));
    this._fallback(true);
    this.setAttribute('data-state', 'error');
    this.dispatchEvent(new CustomEvent('banditore:error', { bubbles: true, composed: true, detail: { message } }));
  }

  _render({ focus = true, announce = true } = {}) {
    const ctx = this._ctx();
    const v = this._view;
    const before = this.getAttribute('data-step');
    this._frame();
    this._body.replaceChildren(...renderView(ctx, v).filter(Boolean));
    this._box.setAttribute('aria-label', `${ctx.t.region}: ${v.channel.label || v.channel.name}`);
    markItalian(this._body, this._italian);
    if (this._own) markItalian(this._body, this._own.phrases, this._own.lang);
    this._fallback(false);
    this.setAttribute('data-step', v.step);
    this.setAttribute('data-state', 'ready');
    if (announce) this._live.textContent = stepTitle(ctx.t, v);
    // Focus follows the step only after the citizen acted, never on page load.
    if (focus) this._body.querySelector('.b-step-title')?.focus();
    if (before !== v.step || !this._stepSent) {
      this._stepSent = true;
      this.dispatchEvent(new CustomEvent('banditore:step', { bubbles: true, composed: true, detail: { step: v.step, previous: before } }));
    }
  }

  _setAck(id, checked) {
    try {
      this._view = this._sub.setAck(id, checked);
    } catch (e) {
      this._flowError(e);
    }
  }

  _selectChannel(index) {
    try {
      this._view = this._sub.selectChannel(index);
    } catch (e) {
      return this._flowError(e);
    }
    // The step stays the same: keep the focus on the choice (arrow keys move between radios).
    this._render({ focus: false, announce: false });
    this._body.querySelector(`input[data-channel="${Number(index)}"]`)?.focus();
  }

  _act(action, { focus = true } = {}) {
    try {
      this._view = action === 'consent' ? this._sub.consent(Date.now()) : this._sub[action]();
    } catch (e) {
      this._flowError(e);
      return false;
    }
    this._restored = false;
    this._afterTransition(action);
    this._render({ focus });
    return true;
  }

  _afterTransition(action) {
    const remember = this.hasAttribute('remember');
    if (action === 'consent') {
      if (remember) store.save(this._storeKey, this._sub.receiptJson());
      this._emit('given', this._view.receipt);
    } else if (action === 'revoke') {
      store.clear(this._storeKey);
      this._emit('revoked', null);
    } else if (action === 'decline') {
      store.clear(this._storeKey);
      this._emit('declined', null);
    }
  }

  _emit(action, receipt) {
    const detail = { action, profile_id: this._view.comune.id, receipt: receipt ? structuredClone(receipt) : null };
    this.dispatchEvent(new CustomEvent('banditore:consent', { bubbles: true, composed: true, detail }));
  }

  _flowError(e) {
    const t = strings(this._lang(), this._translations);
    const current = this._body.querySelector('.b-flow-error');
    const msg = h('p', { class: 'b-error-text b-flow-error', role: 'alert' }, t.errFlow(e?.message || String(e)));
    if (current) current.replaceWith(msg);
    else this._body.append(msg);
  }
  };
}

/**
 * The profile's own phrases, which exist in Italian only, longest first: quoted inside an English
 * view they are marked lang="it" (WCAG 3.1.2). Read from the profile that has just passed
 * validation; links and addresses are not phrases.
 */
function italianPhrases(raw) {
  const out = new Set();
  const walk = (v) => {
    if (typeof v === 'string') {
      const s = v.trim();
      if (s.includes(' ') && /[a-z]/i.test(s) && !/:\/\/|@/.test(s)) out.add(s);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const k of ['comune', 'audience', 'categories', 'forbidden', 'service_hours', 'privacy', 'channels', 'management', 'help']) walk(raw[k]);
  walk(raw.policy?.title);
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * A copy of the profile with its `translations[lang]` applied: each JSON pointer (RFC 6901) that
 * names a text is given its translation. `own`: the translated texts, trimmed as `italianPhrases`
 * keeps them.
 */
function translate(raw, lang) {
  const out = new Set();
  const map = raw?.translations?.[lang];
  if (!map || typeof map !== 'object' || lang === 'it') return { profile: raw, own: out };
  const profile = structuredClone(raw);
  for (const [pointer, value] of Object.entries(map)) {
    const keys = pointer.split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop();
    let at = profile;
    for (const k of keys.slice(1)) at = at && typeof at === 'object' && Object.hasOwn(at, k) ? at[k] : null;
    if (pointer[0] === '/' && typeof value === 'string' && at && Object.hasOwn(at, last) && typeof at[last] === 'string') {
      at[last] = value;
      if (value.trim()) out.add(value.trim());
    }
  }
  return { profile, own: out };
}

/** A join link from the profile only when it passes the validation's host rules. */
function checkedJoin(c) {
  const href = safeHref(c.invite_url || c.url, { https: true });
  const ok = href && JOIN_HOSTS[c.kind]?.(new URL(href));
  return ok ? href : null;
}

/**
 * Without the WASM module (or for a profile newer than it) the widget cannot run the consent
 * flow, but a citizen can still be pointed at the comune's policy and informativa, and after
 * them at the official join link: only when both pages exist (https), and only a link that
 * passes the same host rules as validation (issue 12 item 6).
 */
function plainJoin(ctx, raw) {
  const t = ctx.t;
  const out = [];
  const policy = safeHref(raw?.policy?.url, { https: true });
  const informativa = safeHref(raw?.privacy?.informativa_url, { https: true });
  const a = (href, text, attrs) => h('a', { href, rel: 'noopener noreferrer', part: 'link', ...attrs }, text);
  if (policy) out.push(h('p', {}, a(policy, t.plainPolicy, { 'data-plain': 'policy' })));
  if (informativa) out.push(h('p', {}, a(informativa, t.plainInformativa, { 'data-plain': 'informativa' })));
  const channels = policy && informativa && Array.isArray(raw?.channels) ? raw.channels : [];
  for (const c of channels) {
    if (!c || typeof c !== 'object') continue;
    const url = checkedJoin(c);
    if (url) {
      out.push(h('p', {}, t.plainJoin, ' ', a(url, url, { 'data-join': 'plain' })));
    } else if (c.kind === 'whatsapp-broadcast' && /^\+?[\d\s]{6,20}$/.test(String(c.number || ''))) {
      out.push(h('p', { 'data-join': 'plain-number' }, t.plainNumber(String(c.number), String(c.subscribe_keyword || 'ATTIVA ISCRIZIONE'))));
    }
  }
  const site = safeHref(raw?.comune?.website, { https: true });
  if (site) out.push(h('p', {}, t.contactComune, ' ', a(site, site)));
  return out;
}
