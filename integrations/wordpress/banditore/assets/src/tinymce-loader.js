/* Loads the project's TinyMCE plugin (assets/editor/tinymce-plugin.js, an ES module) into
 * WordPress's TinyMCE 4.9. `mce_external_plugins` needs a classic script that registers the plugin
 * synchronously; the module arrives later through import(), so this registers a stand-in that
 * hands the editor to the real plugin once it is loaded (and once the post is a message for the
 * channel), as if TinyMCE had just initialised it.
 *
 * The classic post editor: the findings panel goes into the "Banditore" box, the category and
 * sending time come from the post's category checkboxes and its schedule, and Publish stays
 * closed while the message has errors (or no check has passed yet). */
(function (tinymce, cfg) {
  'use strict';
  if (!tinymce || !cfg) return;
  var t = cfg.strings;
  var modules = null;
  function load() {
    modules = modules || Promise.all([import(cfg.tinymce)]).then(function (m) { return m[0]; });
    return modules;
  }

  /** The real plugin's factory, captured from registerTinyMcePlugin(). */
  function realFactory(mod) {
    var factory = null;
    mod.registerTinyMcePlugin({ PluginManager: { add: function (name, fn) { factory = fn; } } });
    if (!factory) throw new Error('tinymce-plugin.js did not register its plugin');
    return factory;
  }

  /**
   * The editor as the real plugin should see it: already initialised, so its 'init' handlers
   * run at once instead of waiting for an event that has passed.
   */
  function initialised(editor) {
    return new Proxy(editor, {
      get: function (target, prop) {
        if (prop === 'on') {
          return function (names, fn, prepend) {
            if (/(^|\s)init(\s|$)/i.test(names) && target.initialized) {
              var rest = names.split(/\s+/).filter(function (n) { return n && n.toLowerCase() !== 'init'; }).join(' ');
              setTimeout(fn, 0);
              return rest ? target.on(rest, fn, prepend) : target;
            }
            return target.on(names, fn, prepend);
          };
        }
        // TinyMCE 6's option registry, for a plugin written against it: 4.9 keeps settings.
        if (prop === 'options' && !target.options) {
          return { register: function () {}, get: function (name) { return target.settings[name]; }, isSet: function (name) { return name in target.settings; } };
        }
        var v = target[prop];
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  }

  // ---- the classic post screen --------------------------------------------------------------
  var doc = document;
  var marked = function (id) { return cfg.channel.categories.indexOf(Number(id)) >= 0; };
  function checkedCategories() {
    return Array.prototype.map.call(doc.querySelectorAll('#categorychecklist input[type="checkbox"]:checked'), function (i) { return i.value; });
  }
  function isChannelPost() {
    if (cfg.channel.post_types.indexOf(cfg.postType) >= 0) return true;
    return checkedCategories().some(marked);
  }
  function postCategory(known) {
    var ids = checkedCategories();
    for (var i = 0; i < ids.length; i++) {
      var slug = cfg.categorySlug[String(ids[i])];
      if (slug && known.indexOf(slug) >= 0) return slug;
    }
    return '';
  }
  /** The schedule fields (#aa #mm #jj #hh #mn, site time) as RFC 3339 when in the future, else ''. */
  function postSendAt() {
    var f = function (id) { var e = doc.getElementById(id); return e ? e.value : ''; };
    if (!f('aa')) return '';
    var pad = function (v) { return ('0' + v).slice(-2); };
    var local = f('aa') + '-' + pad(f('mm')) + '-' + pad(f('jj')) + 'T' + pad(f('hh')) + ':' + pad(f('mn')) + ':00';
    var at = siteTime(local, cfg.timezone);
    return at && at.getTime() > Date.now() ? at.toISOString().replace(/\.\d{3}Z$/, 'Z') : '';
  }
  function siteTime(local, tz) {
    var m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)$/.exec(local);
    if (!m) return null;
    var asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
    if (/^[+-]\d\d:\d\d$/.test(tz)) return new Date(asUtc - (tz[0] === '-' ? -1 : 1) * (+tz.slice(1, 3) * 60 + +tz.slice(4, 6)) * 60000);
    var off = function (ms) {
      var v = {};
      new Intl.DateTimeFormat('en-US', { timeZone: tz || 'UTC', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
        .formatToParts(new Date(ms)).forEach(function (p) { v[p.type] = +p.value; });
      return Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second) - Math.floor(ms / 1000) * 1000;
    };
    return new Date(asUtc - off(asUtc - off(asUtc)));
  }

  var state = { ctl: null, allowed: false, pass: false };
  window.banditoreClassic = state;

  function gateMessage(text) {
    var box = doc.getElementById('banditore-classic-gate');
    if (box) box.textContent = text || '';
  }
  function setPublish(allowed) {
    state.allowed = allowed;
    var b = doc.getElementById('publish');
    if (b) b.setAttribute('aria-disabled', allowed ? 'false' : 'true');
  }

  function watchPost(ctl, editor) {
    // An edit makes the last verdict stale: Publish waits for the next check.
    editor.on('input change ExecCommand Undo Redo', function () { setPublish(false); });
    var apply = function () {
      var known = (ctl.client && ctl.client.categories || []).map(function (c) { return c.id; });
      ctl.setCategory(postCategory(known));
      ctl.setSendAt(postSendAt());
    };
    ctl.ready.then(apply);
    var box = doc.getElementById('categorychecklist');
    if (box) box.addEventListener('change', apply);
    var ok = doc.querySelector('#timestampdiv .save-timestamp');
    if (ok) ok.addEventListener('click', function () { setTimeout(apply, 0); });
    var verdict = function () {
      setPublish(!!ctl.report && ctl.report.can_send && !ctl.dirty && !ctl.error);
      if (state.allowed) gateMessage('');
    };
    // After the event's turn: the controller marks its report fresh once the listeners ran.
    ['report', 'profile', 'gate'].forEach(function (e) { ctl.addEventListener(e, function () { queueMicrotask(verdict); }); });
    verdict();
  }

  // Publish (also Schedule and Update) goes through the gate; Save Draft does not.
  doc.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!form || form.id !== 'post' || !state.active) return;
    var submitter = ev.submitter;
    if (!submitter || submitter.id !== 'publish') return;
    if (state.pass) { state.pass = false; return; }
    ev.preventDefault();
    var spinner = doc.querySelector('#publishing-action .spinner');
    var retry = function () {
      if (spinner) spinner.classList.remove('is-active');
      submitter.classList.remove('disabled');
    };
    if (!state.ctl) {
      gateMessage(cfg.profile ? t.checking : t.noProfile);
      retry();
      return;
    }
    state.ctl.gate().then(function (v) {
      retry();
      if (v.allowed) {
        state.pass = true;
        submitter.click();
      } else gateMessage(state.ctl.error ? t.failed + ' ' + state.ctl.error.message : t.classicGate);
    }, function (e) {
      retry();
      gateMessage(t.failed + ' ' + e.message);
    });
  }, true);

  function attach(editor) {
    if (editor.banditoreAttached) return;
    editor.banditoreAttached = true;
    var isPost = editor.id === 'content' && doc.getElementById('post');
    var panel = isPost ? doc.getElementById('banditore-classic-panel') : null;
    if (panel) panel.replaceChildren();
    if (!cfg.profile) {
      if (panel) panel.textContent = t.noProfile;
      setPublish(false);
      return;
    }
    load().then(function (mod) {
      editor.settings.banditore = {
        profile: cfg.profile,
        lang: cfg.lang,
        panel: panel || undefined,
        onReady: function (ctl) {
          if (isPost) {
            state.ctl = ctl;
            watchPost(ctl, editor);
          }
        },
      };
      var plugin = realFactory(mod)(initialised(editor), cfg.tinymce);
      if (plugin) editor.plugins.banditore = plugin;
    }).catch(function (e) {
      if (panel) panel.textContent = t.failed + ' ' + e.message;
      setPublish(false);
    });
  }

  tinymce.PluginManager.add('banditore', function (editor) {
    if (cfg.editors.indexOf(editor.id) < 0) return {};
    var start = function () {
      var isPost = editor.id === 'content' && doc.getElementById('post');
      if (isPost) {
        state.active = isChannelPost();
        if (!state.active) return;
        setPublish(false);
      }
      attach(editor);
    };
    if (editor.initialized) start();
    else editor.on('init', start);
    // A category ticked later can make the post a message for the channel.
    var box = doc.getElementById('categorychecklist');
    if (box) box.addEventListener('change', function () {
      if (!editor.banditoreAttached && isChannelPost()) start();
      else if (editor.banditoreAttached) state.active = isChannelPost();
    });
    return {};
  });
})(window.tinymce, window.banditoreEditor);
