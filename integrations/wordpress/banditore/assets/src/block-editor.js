/* The checker in the block editor (WordPress 6.1+). Plain JS over the wp.* globals WordPress
 * ships, no build step; the checker itself is the project's CheckerController (assets/editor/,
 * an ES module loaded with import()), driven through an adapter that reads the post's blocks as
 * the WhatsApp message, marks findings with the annotations API (marks that are never saved),
 * selects and fixes text through the block editor's store.
 *
 * Runs only on messages for the channel (post types or categories chosen in the settings);
 * there, until a check has passed, `lockPostSaving` keeps the post from being published
 * (fail closed: no profile, a failed check or a check still pending lock it too). */
(function (wp, cfg) {
  'use strict';
  if (!wp || !cfg) return;
  var el = wp.element.createElement;
  var data = wp.data;
  var t = cfg.strings;
  var LOCK = 'banditore';
  var NOTICE = 'banditore-locked';
  var SOURCES = { error: 'banditore-error', warning: 'banditore-warning', info: 'banditore-info' };
  // Attribute holding each text block's rich text (core blocks of WordPress 6.1).
  var RICH = { 'core/paragraph': 'content', 'core/heading': 'content', 'core/list': 'values', 'core/preformatted': 'content', 'core/verse': 'content', 'core/code': 'content', 'core/list-item': 'content' };

  var editor = function () { return data.select('core/editor'); };
  var blocks = function () { return data.select('core/block-editor'); };

  // ---- state shared by the sidebar and the pre-publish panel ------------------------------
  var state = { active: false, loading: false, report: null, findings: [], error: null, dirty: true, category: '', sendAt: '', text: '' };
  var listeners = [];
  function setState(patch) {
    Object.assign(state, patch);
    listeners.slice().forEach(function (f) { f(); });
    updateLock();
  }
  function useBanditore() {
    var force = wp.element.useState(0)[1];
    wp.element.useEffect(function () {
      var f = function () { force(function (n) { return n + 1; }); };
      listeners.push(f);
      return function () { listeners = listeners.filter(function (x) { return x !== f; }); };
    }, []);
    return state;
  }

  function canPublish() {
    return !state.active || (!!state.report && state.report.can_send && !state.dirty && !state.error && !!cfg.profile);
  }
  var locked = false;
  var noticeShown = false;
  function updateLock() {
    var want = !canPublish();
    if (want !== locked) {
      locked = want;
      var ed = data.dispatch('core/editor');
      if (want) ed.lockPostSaving(LOCK);
      else ed.unlockPostSaving(LOCK);
    }
    // Say why Publish is unavailable, but not for the moment a check takes after each keystroke.
    var blocking = state.active && (!!state.error || (!!state.report && !state.report.can_send));
    if (blocking === noticeShown) return;
    noticeShown = blocking;
    var notices = data.dispatch('core/notices');
    if (!blocking) {
      notices.removeNotice(NOTICE);
      return;
    }
    notices.createNotice('warning', state.error ? t.failed + ' ' + state.error.message : t.locked, {
      id: NOTICE,
      isDismissible: false,
      actions: [{ label: t.open, onClick: function () { data.dispatch('core/edit-post').openGeneralSidebar('banditore/banditore-sidebar'); } }],
    });
  }

  // ---- is this post a message for the channel? --------------------------------------------
  function isChannelPost() {
    var type = editor().getCurrentPostType();
    if (cfg.channel.post_types.indexOf(type) >= 0) return true;
    var cats = editor().getEditedPostAttribute('categories') || [];
    return cats.some(function (id) { return cfg.channel.categories.indexOf(Number(id)) >= 0; });
  }

  /** The profile category for the post: its first category whose slug is a profile category id. */
  function postCategory(known) {
    var cats = editor().getEditedPostAttribute('categories') || [];
    for (var i = 0; i < cats.length; i++) {
      var slug = cfg.categorySlug[String(cats[i])];
      if (slug && known.indexOf(slug) >= 0) return slug;
    }
    return '';
  }

  /** The sending time: the post's date when it is scheduled in the future, else '' (now). */
  function postSendAt() {
    var date = editor().getEditedPostAttribute('date');
    if (!date || (editor().isEditedPostDateFloating && editor().isEditedPostDateFloating())) return '';
    var at = siteTimeToDate(date, cfg.timezone);
    return at && at.getTime() > Date.now() ? at.toISOString().replace(/\.\d{3}Z$/, 'Z') : '';
  }

  /** "2026-05-04T09:30:00" in the site's time zone (IANA name or "+02:00") -> Date. */
  function siteTimeToDate(local, tz) {
    var m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/.exec(local);
    if (!m) return null;
    var asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
    var off = /^[+-]\d\d:\d\d$/.test(tz) ? tzOffsetFixed(tz) : null;
    if (off !== null) return new Date(asUtc - off);
    // An IANA zone: the offset at that instant, corrected once for a DST change in between.
    var guess = asUtc - zoneOffset(asUtc, tz);
    return new Date(asUtc - zoneOffset(guess, tz));
  }
  function tzOffsetFixed(tz) {
    var sign = tz[0] === '-' ? -1 : 1;
    return sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4, 6))) * 60000;
  }
  function zoneOffset(ms, tz) {
    try {
      var parts = new Intl.DateTimeFormat('en-US', { timeZone: tz || 'UTC', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms));
      var v = {};
      parts.forEach(function (p) { v[p.type] = Number(p.value); });
      return Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second) - Math.floor(ms / 1000) * 1000;
    } catch (e) {
      return 0;
    }
  }

  // ---- the adapter: the post's blocks as the message -----------------------------------------
  var scratch = document.implementation.createHTMLDocument('');

  /** Text blocks in document order (inner blocks of groups, columns, quotes included). */
  function leafBlocks(list, out) {
    list.forEach(function (b) {
      if (b.innerBlocks && b.innerBlocks.length) leafBlocks(b.innerBlocks, out);
      else if (b.name !== 'banditore/iscrizione') out.push(b);
    });
    return out;
  }

  /** Position in a rich text's value (text + one character per line break) of a DOM point. */
  function richOffset(root, node, off) {
    var n = 0;
    var found = null;
    (function walk(x) {
      if (found !== null) return;
      if (x === node && x.nodeType === 3) { found = n + off; return; }
      if (x === node) {
        for (var i = 0; i < off && i < x.childNodes.length; i++) walk(x.childNodes[i]);
        found = n;
        return;
      }
      if (x.nodeType === 3) n += x.data.length;
      else if (x.nodeName === 'BR') n += 1;
      // A list's rich text (multiline "li") has one separator character between its items.
      else if (x.nodeName === 'LI' && x !== root && x.previousElementSibling) { n += 1; for (var d = x.firstChild; d; d = d.nextSibling) walk(d); }
      else for (var c = x.firstChild; c; c = c.nextSibling) walk(c);
    })(root);
    return found === null ? n : found;
  }

  function BlockAdapter(host) {
    this.host = host;
    this.wrappers = [];
  }
  BlockAdapter.prototype.read = function () {
    var root = scratch.createElement('div');
    leafBlocks(blocks().getBlocks(), []).forEach(function (b) {
      var w = scratch.createElement('div');
      w.setAttribute('data-bnd-block', b.clientId);
      w.setAttribute('data-bnd-name', b.name);
      try {
        w.innerHTML = wp.blocks.getBlockContent(b);
      } catch (e) {
        return; // an invalid block: nothing of it can be sent as text
      }
      root.appendChild(w);
    });
    this.root = root;
    var map = this.wa.domToWhatsApp(root);
    return { text: map.text, map: map };
  };
  BlockAdapter.prototype.onChange = function (cb) {
    var last = blocks().getBlocks();
    return data.subscribe(function () {
      var now = blocks().getBlocks();
      if (now !== last) {
        last = now;
        cb();
      }
    });
  };
  /** A finding's range as { clientId, identifier, start, end } in the block's rich text. */
  BlockAdapter.prototype.locate = function (range) {
    if (!range) return null;
    var s = range.start;
    var e = range.end;
    var wrap = s.ref.parentNode && (s.ref.nodeType === 1 ? s.ref : s.ref.parentNode).closest('[data-bnd-block]');
    if (!wrap) return null;
    var id = wrap.getAttribute('data-bnd-block');
    var identifier = RICH[wrap.getAttribute('data-bnd-name')] || null;
    // The block's rich text element: the saved markup's outer element (<p>, <h2>, <ul>, <pre>).
    var rich = wrap.firstElementChild && wrap.firstElementChild.nodeName === 'PRE' && wrap.firstElementChild.firstElementChild && wrap.firstElementChild.firstElementChild.nodeName === 'CODE'
      ? wrap.firstElementChild.firstElementChild
      : wrap.firstElementChild || wrap;
    var start = rich.contains(s.ref) ? richOffset(rich, s.ref, s.off) : 0;
    var sameBlock = wrap.contains(e.ref);
    var end = sameBlock && rich.contains(e.ref) ? richOffset(rich, e.ref, e.off) : start;
    return { clientId: id, identifier: identifier, start: start, end: Math.max(start, end) };
  };
  BlockAdapter.prototype.mark = function (findings) {
    var ann = data.dispatch('core/annotations');
    Object.keys(SOURCES).forEach(function (k) { ann.__experimentalRemoveAnnotationsBySource(SOURCES[k]); });
    var self = this;
    findings.forEach(function (f) {
      var loc = self.locate(f.range);
      if (!loc || !loc.identifier || loc.end <= loc.start) return;
      ann.__experimentalAddAnnotation({
        source: SOURCES[f.severity] || SOURCES.info,
        blockClientId: loc.clientId,
        richTextIdentifier: loc.identifier,
        range: { start: loc.start, end: loc.end },
      });
    });
  };
  BlockAdapter.prototype.select = function (f) {
    var loc = this.locate(f.range);
    if (!loc) return;
    var be = data.dispatch('core/block-editor');
    be.selectBlock(loc.clientId);
    if (loc.identifier) be.selectionChange(loc.clientId, loc.identifier, loc.start, loc.end);
    var node = document.querySelector('[data-block="' + loc.clientId + '"]');
    if (node) {
      node.scrollIntoView({ block: 'center' });
      // Focus the block's rich text so the selection is where the editor types.
      var editable = node.matches('[contenteditable="true"]') ? node : node.querySelector('[contenteditable="true"]');
      if (editable) editable.focus();
      if (loc.identifier) be.selectionChange(loc.clientId, loc.identifier, loc.start, loc.end);
    }
  };
  BlockAdapter.prototype.replace = function (f, text) {
    var loc = this.locate(f.range);
    if (!loc || !loc.identifier) return;
    var block = blocks().getBlock(loc.clientId);
    if (!block) return;
    var rt = wp.richText;
    var value = rt.create({ html: String(block.attributes[loc.identifier] || ''), multilineTag: loc.identifier === 'values' ? 'li' : undefined });
    var next = rt.insert(value, text, loc.start, loc.end);
    var patch = {};
    patch[loc.identifier] = rt.toHTMLString({ value: next, multilineTag: loc.identifier === 'values' ? 'li' : undefined });
    data.dispatch('core/block-editor').updateBlockAttributes(loc.clientId, patch);
  };
  BlockAdapter.prototype.caretFinding = function () { return null; };
  BlockAdapter.prototype.rectOf = function (f) {
    var loc = this.locate(f.range);
    var node = loc && document.querySelector('[data-block="' + loc.clientId + '"]');
    return (node || this.host).getBoundingClientRect();
  };
  BlockAdapter.prototype.destroy = function () {
    this.mark([]);
  };

  // ---- the controller's life: created when the post becomes a message for the channel -----
  var ctl = null;
  var starting = null;
  function start() {
    if (ctl || starting) return;
    if (!cfg.profile) {
      setState({ active: true, error: new Error(t.noProfile), report: null, findings: [], dirty: false });
      return;
    }
    setState({ active: true, loading: true });
    var host = document.createElement('div');
    host.className = 'banditore-host';
    host.hidden = true;
    document.body.appendChild(host);
    starting = Promise.all([import(cfg.controller), import(cfg.whatsapp)]).then(function (mods) {
      var adapter = new BlockAdapter(host);
      adapter.wa = mods[1];
      ctl = new mods[0].CheckerController(adapter, { profile: cfg.profile, lang: cfg.lang, worker: true });
      ctl.whatsapp = mods[1];
      var sync = function () {
        setState({
          loading: !ctl.client && !ctl.error,
          report: ctl.report,
          findings: ctl.findings.slice(),
          error: ctl.error,
          dirty: ctl.dirty,
          category: ctl.category,
          sendAt: ctl.sendAt,
          text: ctl.lastText || '',
        });
      };
      // Read after the event's turn: the controller marks the report fresh (dirty = false)
      // only once its 'report' listeners have run.
      var later = function () { queueMicrotask(sync); };
      ['profile', 'report', 'focus', 'gate'].forEach(function (ev) { ctl.addEventListener(ev, later); });
      // Every edit makes the last report stale: publishing stays locked until the next check.
      adapter.onChange(function () { setState({ dirty: true }); });
      return ctl.ready.then(function () {
        // The post may have stopped being a message for the channel while the checker loaded.
        if (!isChannelPost()) return stop();
        applyPostContext();
        sync();
      });
    }).catch(function (e) {
      setState({ loading: false, error: e, report: null, findings: [] });
    }).then(function () { starting = null; });
  }

  function stop() {
    if (ctl) {
      ctl.destroy();
      ctl.adapter.host.remove();
      ctl = null;
    }
    setState({ active: false, report: null, findings: [], error: null, dirty: false });
  }

  /** Category and sending time come from the post: the checker follows them as they change. */
  function applyPostContext() {
    if (!ctl || !ctl.client) return;
    var known = (ctl.client.categories || []).map(function (c) { return c.id; });
    var category = postCategory(known);
    var sendAt = postSendAt();
    if (category !== ctl.category) ctl.setCategory(category);
    if (sendAt !== ctl.sendAt) ctl.setSendAt(sendAt);
    if (category !== state.category || sendAt !== state.sendAt) setState({ category: category, sendAt: sendAt });
  }

  var lastKey = '';
  data.subscribe(function () {
    if (!editor().getCurrentPostType()) return;
    var key = JSON.stringify([editor().getCurrentPostType(), editor().getEditedPostAttribute('categories'), editor().getEditedPostAttribute('date')]);
    if (key === lastKey) return;
    lastKey = key;
    if (isChannelPost()) {
      start();
      applyPostContext();
    } else if (state.active) stop();
  });

  // ---- the interface ---------------------------------------------------------------------
  var C = wp.components;
  var sprintf = function (fmt) {
    var args = Array.prototype.slice.call(arguments, 1);
    var i = 0;
    return fmt.replace(/%(\d+\$)?[sd]/g, function (m, pos) { return String(pos ? args[parseInt(pos, 10) - 1] : args[i++]); });
  };

  function Status(props) {
    var s = props.s;
    if (s.error) return el(C.Notice, { status: 'error', isDismissible: false }, (cfg.profile ? t.failed + ' ' : '') + s.error.message);
    if (s.loading || !s.report) return el('p', { className: 'banditore-status', role: 'status' }, t.checking);
    var errors = s.findings.filter(function (f) { return f.severity === 'error'; }).length;
    var warnings = s.findings.filter(function (f) { return f.severity === 'warning'; }).length;
    return el(
      'div',
      { className: 'banditore-status', role: 'status', 'aria-live': 'polite' },
      el('p', null, s.report.can_send ? t.ok : t.locked),
      el('p', null, sprintf(t.counts, errors, warnings))
    );
  }

  function Finding(props) {
    var f = props.f;
    return el(
      'li',
      { className: 'banditore-finding banditore-' + f.severity, 'data-rule': f.rule },
      el('span', { className: 'banditore-severity' }, t[f.severity] || f.severity),
      ' ',
      el('span', { className: 'banditore-message' }, f.message),
      f.text ? el('q', { className: 'banditore-quote' }, f.text) : null,
      f.source ? el('span', { className: 'banditore-source' }, t.source + ' ' + f.source) : null,
      el(
        'span',
        { className: 'banditore-actions' },
        f.range ? el(C.Button, { variant: 'link', className: 'banditore-go', onClick: function () { ctl && ctl.focusFinding(f.index); } }, t.goTo) : null,
        f.fix != null && f.range
          ? el(C.Button, { variant: 'secondary', isSmall: true, className: 'banditore-fix', onClick: function () { ctl && ctl.applyFix(f.index); } }, f.fix === '' ? t.remove : sprintf(t.fix, f.fix))
          : null
      )
    );
  }

  /** The profile's name for a category id (the id itself if the profile gives none). */
  function categoryLabel(id) {
    var cats = (ctl && ctl.client && ctl.client.categories) || [];
    for (var i = 0; i < cats.length; i++) if (cats[i].id === id) return cats[i].label || id;
    return id;
  }

  function Context(props) {
    var s = props.s;
    return el(
      'dl',
      { className: 'banditore-context' },
      el('dt', null, t.category),
      el('dd', null, s.category ? categoryLabel(s.category) : t.noCategory),
      el('dt', null, t.sendAt),
      el('dd', null, s.sendAt ? new Date(s.sendAt).toLocaleString(cfg.lang === 'en' ? 'en-GB' : 'it-IT', { timeZone: cfg.timezone && cfg.timezone.indexOf('/') > 0 ? cfg.timezone : undefined }) : t.now)
    );
  }

  function CopyButton() {
    var msg = wp.element.useState('');
    return el(
      'div',
      { className: 'banditore-copy' },
      el(C.Button, {
        variant: 'secondary',
        className: 'banditore-copy-button',
        disabled: !ctl,
        onClick: function () {
          if (!ctl) return;
          ctl.copyForWhatsApp().then(function () { msg[1](t.copied); }, function () { msg[1](t.copyFailed); });
        },
      }, t.copy),
      el('p', { role: 'status', className: 'banditore-copy-status' }, msg[0])
    );
  }

  function Preview(props) {
    var ref = wp.element.useRef(null);
    wp.element.useEffect(function () {
      if (ref.current && ctl && ctl.whatsapp) ctl.whatsapp.renderWhatsAppPreview(props.text, ref.current);
    }, [props.text]);
    return el('figure', { className: 'banditore-wa-preview' }, el('figcaption', null, t.preview), el('div', { className: 'banditore-wa-bubble', ref: ref }));
  }

  function Body(props) {
    var s = useBanditore();
    if (!s.active) return el('p', null, t.notChannel);
    return el(
      'div',
      { className: 'banditore-panel' },
      el(Status, { s: s }),
      el(Context, { s: s }),
      s.findings.length ? el('ul', { className: 'banditore-findings' }, s.findings.map(function (f) { return el(Finding, { f: f, key: f.id }); })) : null,
      el(CopyButton),
      props.preview && s.text ? el(Preview, { text: s.text }) : null
    );
  }

  function PrePublish() {
    var s = useBanditore();
    if (!s.active) return null;
    return el(
      wp.editPost.PluginPrePublishPanel,
      { title: t.prepublish, initialOpen: true, className: 'banditore-prepublish' },
      el(Body, { preview: false })
    );
  }

  wp.plugins.registerPlugin('banditore', {
    icon: 'megaphone',
    render: function () {
      return el(
        wp.element.Fragment,
        null,
        el(wp.editPost.PluginSidebarMoreMenuItem, { target: 'banditore-sidebar', icon: 'megaphone' }, t.title),
        el(wp.editPost.PluginSidebar, { name: 'banditore-sidebar', title: t.title, icon: 'megaphone' }, el(C.PanelBody, null, el(Body, { preview: true }))),
        el(PrePublish)
      );
    },
  });

  // The tests and other plugins reach the controller here.
  window.banditoreBlockEditor = { get controller() { return ctl; }, get state() { return state; } };
})(window.wp, window.banditoreEditor);
