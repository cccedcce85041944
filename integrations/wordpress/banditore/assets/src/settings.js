// Settings → Banditore: the profile is validated in the browser by the widget's own WASM (the
// same code that will read it on the site), errors listed by field, and submitted only when
// valid; the preview beside it shows the widget with the profile as typed, before it is saved.
const cfg = window.banditoreSettings;
const t = cfg.strings;
const form = document.getElementById('banditore-profile-form');
const area = document.getElementById('banditore-profile-json');
const file = document.getElementById('banditore-profile-file');
const status = document.getElementById('banditore-profile-status');
const errors = document.getElementById('banditore-profile-errors');
const previewBox = document.getElementById('banditore-preview-box');

let wasm = null;
const ready = import(cfg.glue)
  .then(async (m) => {
    await m.default();
    wasm = m;
  })
  .catch((e) => {
    status.textContent = `${t.notLoaded} (${e.message})`;
  });

/** Problems of a profile text, as [{ path, level, message }], empty when it can be used. */
function validate(text) {
  try {
    const sub = new wasm.Subscription(text, cfg.lang);
    sub.free();
    return [];
  } catch (e) {
    const issues = Array.isArray(e.issues) && e.issues.length ? e.issues : [{ path: '$', level: 'error', message: e.message }];
    return issues.map((i) => ({
      path: i.path || '$',
      level: i.level || 'error',
      message: typeof i.message === 'object' && i.message ? i.message[cfg.lang] || i.message.it : String(i.message),
    }));
  }
}

function showProblems(problems) {
  const blocking = problems.filter((p) => p.level === 'error');
  errors.replaceChildren();
  area.setAttribute('aria-invalid', blocking.length ? 'true' : 'false');
  if (!problems.length) {
    errors.hidden = true;
    area.setAttribute('aria-describedby', 'banditore-profile-status');
    return;
  }
  const title = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = blocking.length ? t.invalid : '';
  title.append(strong);
  const list = document.createElement('ul');
  for (const p of problems) {
    const li = document.createElement('li');
    li.className = `banditore-${p.level}`;
    const code = document.createElement('code');
    code.className = 'banditore-field';
    code.textContent = p.path === '$' ? t.whole : p.path.replace(/^\$\.?/, '');
    li.append(code, ' ', p.message);
    list.append(li);
  }
  errors.append(title, list);
  errors.hidden = false;
  area.setAttribute('aria-describedby', 'banditore-profile-status banditore-profile-errors');
}

let previewUrl = null;
function preview(text) {
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = null;
  previewBox.replaceChildren();
  if (text == null) {
    const p = document.createElement('p');
    p.textContent = t.previewNone;
    previewBox.append(p);
    return;
  }
  // A blob: URL has the page's origin, which the widget requires of its profile.
  previewUrl = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const w = document.createElement('banditore-iscrizione');
  w.setAttribute('profile', previewUrl);
  w.setAttribute('lang', cfg.lang);
  w.setAttribute('heading-level', '3');
  previewBox.append(w);
}

/** Validates the textarea; returns whether it may be saved. */
async function check() {
  await ready;
  if (!wasm) return false;
  const text = area.value;
  const problems = validate(text);
  showProblems(problems);
  const ok = !problems.some((p) => p.level === 'error');
  status.textContent = ok ? t.valid : '';
  preview(ok ? text : null);
  return ok;
}

let timer = 0;
area.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(check, 400);
});

file.addEventListener('change', async () => {
  const f = file.files?.[0];
  if (!f) return;
  try {
    area.value = (await f.text()).replace(/^\uFEFF/, '');
  } catch {
    status.textContent = t.readFailed;
    return;
  }
  // The text goes in the textarea: what is saved is what was validated.
  file.value = '';
  await check();
});

let submitting = false;
form.addEventListener('submit', async (ev) => {
  if (submitting) return;
  ev.preventDefault();
  status.textContent = t.checking;
  if (await check()) {
    submitting = true;
    // The server stores only the text this validator passed: it compares its size (UTF-8 bytes,
    // line ends as the server normalises them).
    document.getElementById('banditore-profile-validated').value = String(new TextEncoder().encode(area.value.replace(/\r\n/g, '\n')).length);
    // The prototype's method: a control named "submit" would shadow form.submit.
    HTMLFormElement.prototype.submit.call(form);
  } else {
    errors.hidden ? status.focus?.() : errors.focus();
  }
});

if (area.value.trim()) check();
