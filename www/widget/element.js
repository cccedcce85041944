// The <banditore-iscrizione> element (see ../banditore-iscrizione.js for its attributes and
// events): loads the profile and the flow, renders each step, remembers the receipt if asked.
import { h, safeHref } from './dom.js';
import { normLang, strings } from './i18n.js';
import { renderError, renderView, stepTitle } from './views.js';
import * as store from './storage.js';

const PHONE_QUERY = '(hover: none) and (pointer: coarse), (max-width: 575.98px)';

/**
 * Defines the element. `boot` (from the entry script) owns what is fetched, so downloads start
 * before this module is even loaded: { origin, stylesheet, loadWasm(), fetchProfile(url) }.
 */
export function define(boot) {
  if (!customElements.get('banditore-iscrizione')) customElements.define('banditore-iscrizione', elementClass(boot));
}

function elementClass(boot) {
  return class BanditoreIscrizione extends HTMLElement {
  static get observedAttributes() {
    return ['profile', 'lang', 'device'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._generation = 0;
    this._sub = null;
    this._view = null;
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
    if (!this._started || this._near || oldValue === newValue) return;
    if (name === 'device') this._view && this._render({ focus: false });
    else this._load();
  }

  get lang() {
    return normLang(this.getAttribute('lang') || 'it');
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

  /** The current view of the flow (read-only copy), or null before the profile is loaded. */
  get view() {
    return this._view ? structuredClone(this._view) : null;
  }

  _ctx() {
    const device = this.getAttribute('device');
    return {
      t: strings(this.lang),
      headingLevel: Math.max(1, Math.min(5, Number(this.getAttribute('heading-level')) || 2)),
      phone: device === 'phone' || (device !== 'desktop' && this._phoneQuery.matches),
      restored: this._restored,
      remember: this.hasAttribute('remember'),
      act: (action) => this._act(action),
      setAck: (id, checked) => this._setAck(id, checked),
      selectChannel: (index) => this._selectChannel(index),
    };
  }

  /** Shadow root skeleton: the stylesheet (same-origin file, allowed by style-src 'self'), a live region, the body. */
  _frame() {
    const t = strings(this.lang);
    const root = this.shadowRoot;
    if (!this._body) {
      this._live = h('p', { class: 'b-sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
      this._body = h('div', { class: 'b-body' });
      this._box = h('div', { class: 'b-root', role: 'region' }, this._live, this._body);
      // Unstyled content would flash before the stylesheet arrives: the box shows once it has
      // loaded (or failed, or after 3 s: never a box that stays invisible).
      const sheet = h('link', { rel: 'stylesheet', href: boot.stylesheet });
      const show = () => {
        this._box.hidden = false;
      };
      sheet.addEventListener('load', show, { once: true });
      sheet.addEventListener('error', show, { once: true });
      setTimeout(show, 3000);
      this._box.hidden = true;
      root.append(sheet, this._box);
    }
    this._box.setAttribute('aria-label', t.region);
    this._box.setAttribute('lang', this.lang);
  }

  /** loading="lazy": a frame saying it will load, then the real load once the box is within
   *  a screen of the viewport, so that it is ready by the time the citizen reaches it. */
  _loadWhenNear() {
    this._frame();
    this._body.replaceChildren(h('p', { class: 'b-loading' }, strings(this.lang).loading));
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
    const t = strings(this.lang);
    const ctx = this._ctx();
    this._frame();
    this._sub?.free?.();
    this._sub = null;
    this._view = null;
    this._restored = false;
    this._body.replaceChildren(h('p', { class: 'b-loading', role: 'status' }, t.loading));
    const stale = () => generation !== this._generation;

    let text = this._profileData ?? null;
    let profileUrl;
    if (text === null) {
      const attr = this.getAttribute('profile');
      if (!attr) return this._fail(t.errNoProfile);
      profileUrl = new URL(attr, document.baseURI);
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

    const { m, error } = await wasm;
    performance.mark('banditore:wasm');
    if (stale()) return;
    if (error) {
      return this._fail(error.code === 'no-wasm' ? t.errWasm : t.errModule(error.message), { fallback: plainJoin(ctx, raw) });
    }
    this._storeKey = store.keyFor(raw?.id);
    const saved = this.hasAttribute('remember') ? store.load(this._storeKey) : null;
    try {
      this._sub = new m.Subscription(text, this.lang, saved, Date.now());
    } catch (e) {
      const issues = Array.isArray(e.issues) ? e.issues.filter((i) => i.level === 'error') : [];
      const details = issues.map((i) => `${i.path}: ${i.message?.[this.lang] ?? i.message?.it ?? ''}`);
      return this._fail(t.errInvalid, { details: details.length ? details : [String(e.message || e)], fallback: plainJoin(ctx, raw) });
    }
    this._view = this._sub.view();
    performance.mark('banditore:flow');
    this._restored = this._view.step === 'join';
    if (saved && this._view.step !== 'join') store.clear(this._storeKey); // another policy version: ask again
    this._render({ focus: false, announce: false });
    performance.mark('banditore:ready');
    this.dispatchEvent(new CustomEvent('banditore:ready', { bubbles: true, composed: true, detail: { step: this._view.step } }));
  }

  _fail(message, opts) {
    this._frame();
    this._body.replaceChildren(renderError(this._ctx(), message, opts));
    this.setAttribute('data-state', 'error');
    this.dispatchEvent(new CustomEvent('banditore:error', { bubbles: true, composed: true, detail: { message } }));
  }

  _render({ focus = true, announce = true } = {}) {
    const ctx = this._ctx();
    const v = this._view;
    this._body.replaceChildren(...renderView(ctx, v).filter(Boolean));
    this.setAttribute('data-step', v.step);
    this.setAttribute('data-state', 'ready');
    if (announce) this._live.textContent = stepTitle(ctx.t, v);
    // Focus follows the step only after the citizen acted, never on page load.
    if (focus) this._body.querySelector('.b-step-title')?.focus();
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

  _act(action) {
    const before = this._view.step;
    try {
      this._view = action === 'consent' ? this._sub.consent(Date.now()) : this._sub[action]();
    } catch (e) {
      return this._flowError(e);
    }
    this._restored = false;
    this._afterTransition(before, action);
    this._render();
  }

  _afterTransition(before, action) {
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
    const t = strings(this.lang);
    const current = this._body.querySelector('.b-flow-error');
    const msg = h('p', { class: 'b-error-text b-flow-error', role: 'alert' }, t.errFlow(e?.message || String(e)));
    if (current) current.replaceWith(msg);
    else this._body.append(msg);
  }
  };
}

/**
 * Without the WASM module the widget cannot run the consent flow, but a citizen can still be
 * pointed at the official link the profile publishes (only https links become links).
 */
function plainJoin(ctx, raw) {
  const t = ctx.t;
  const channels = Array.isArray(raw?.channels) ? raw.channels : [];
  const out = [];
  for (const c of channels) {
    if (!c || typeof c !== 'object') continue;
    const url = safeHref(c.invite_url || c.url, { https: true });
    if ((c.kind === 'whatsapp-channel' || c.kind === 'telegram-channel') && url) {
      out.push(h('p', {}, t.plainJoin, ' ', h('a', { href: url, rel: 'noopener noreferrer', 'data-join': 'plain' }, url)));
    } else if (c.kind === 'whatsapp-broadcast' && c.number) {
      out.push(h('p', { 'data-join': 'plain-number' }, t.plainNumber(String(c.number), String(c.subscribe_keyword || 'ATTIVA ISCRIZIONE'))));
    }
  }
  const site = safeHref(raw?.comune?.website, { https: true });
  if (site) out.push(h('p', {}, t.contactComune, ' ', h('a', { href: site, rel: 'noopener noreferrer' }, site)));
  return out;
}

