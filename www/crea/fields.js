// The form's fields from their definitions (form.js), bound to paths in the profile object.
// Rendering never writes to the profile: an imported file exports as it came unless a field is
// edited (the round-trip test relies on it).

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else if (k in el && k !== 'list' && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export const keyPath = (key) => (Array.isArray(key) ? key : [key]);
export const idFor = (path) => `f-${path.join('-')}`;

export function get(obj, path) {
  return path.reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
}

export function set(obj, path, value) {
  let o = obj;
  for (let i = 0; i < path.length - 1; i++) {
    if (o[path[i]] === null || typeof o[path[i]] !== 'object') o[path[i]] = typeof path[i + 1] === 'number' ? [] : {};
    o = o[path[i]];
  }
  o[path[path.length - 1]] = value;
}

export function remove(obj, path) {
  const parent = get(obj, path.slice(0, -1));
  if (parent && typeof parent === 'object') delete parent[path[path.length - 1]];
}

const isEmptyObject = (o) => o !== null && typeof o === 'object' && !Array.isArray(o) && Object.keys(o).length === 0;

/**
 * Removes a value and the objects it leaves empty: a field emptied again must not leave
 * `"checker": {}` (or an empty list) in a profile that had none.
 */
export function clear(obj, path) {
  remove(obj, path);
  for (let k = path.length - 1; k > 0 && isEmptyObject(get(obj, path.slice(0, k))); k--) remove(obj, path.slice(0, k));
}

/** Where a leaf field reads and writes: a fixed path, except for a map's keys and values (renderMap). */
const slotAt = (ctx, path) => ({
  get: () => get(ctx.profile(), path),
  set: (v) => set(ctx.profile(), path, v),
  clear: () => clear(ctx.profile(), path),
});

const INPUT_MODES = { url: 'url', email: 'email', tel: 'tel' };

/**
 * A validator's path (tokens) as the form's ids spell it: a map's entries are rendered by
 * position, so `checker.severity.political` becomes `checker.severity.<n>` (the entry, whose
 * messages speak of key and value) and what lies below a key, `…<n>.valore…` (a term's line).
 */
export function formPath(tokens) {
  const out = [];
  tokens.forEach((token, k) => {
    const map = out.length ? document.getElementById(idFor(out)) : null;
    const rows = map?.hasAttribute('data-mappa') ? [...map.querySelectorAll(':scope > fieldset.voce')] : [];
    const at = rows.findIndex((row) => row.dataset.chiave === String(token));
    if (at < 0) out.push(token);
    else out.push(at, ...(k + 1 < tokens.length ? ['valore'] : []));
  });
  return out;
}

/**
 * Renders `fields` under `base`. `ctx`: { profile(), changed(path), structural(focusId) }.
 * `changed` after a value edit, `structural` after a change that needs the form redrawn.
 */
export function renderFields(fields, base, ctx) {
  return fields.map((f) => renderField(f, [...base, ...keyPath(f.key)], ctx));
}

/** The field's help and messages; `f.describe`: other boxes that speak of it (a map entry's messages). */
function describedBy(id, f) {
  return [f.help ? `h-${id}` : null, `e-${id}`, ...(f.describe ?? [])].filter(Boolean).join(' ');
}

function help(id, f) {
  return f.help ? h('p', { class: 'aiuto', id: `h-${id}`, text: f.help }) : null;
}

const messages = (id) => h('div', { class: 'messaggi', id: `e-${id}` });

function renderField(f, path, ctx, slot = slotAt(ctx, path)) {
  const id = idFor(path);
  const value = slot.get();
  switch (f.type) {
    case 'group':
      return h('fieldset', { class: 'gruppo', id, tabindex: '-1' },
        h('legend', { text: f.label }), messages(id), ...renderFields(f.fields, path, ctx));
    case 'list':
      return renderList(f, path, ctx);
    case 'map':
      return renderMap(f, path, ctx);
    case 'optional':
      return renderOptional(f, path, ctx);
    case 'translations':
      return renderTranslations(f, path, ctx, slot);
    case 'bool': {
      const input = h('input', { type: 'checkbox', id, checked: value === true, 'aria-describedby': describedBy(id, f),
        onchange: (e) => { slot.set(e.target.checked); ctx.changed(path); } });
      return h('div', { class: 'campo campo-spunta' }, input, h('label', { for: id, text: f.label }), help(id, f), messages(id));
    }
    case 'select': {
      const options = [...f.options];
      if (typeof value === 'string' && !options.some(([v]) => v === value)) options.push([value, value]);
      const select = h('select', { id, 'aria-describedby': describedBy(id, f),
        onchange: (e) => {
          if (f.structural) return ctx.kindChanged(path, e.target.value);
          slot.set(e.target.value);
          ctx.changed(path);
        } },
      ...options.map(([v, label]) => h('option', { value: v, selected: v === value, text: label })));
      return h('div', { class: 'campo' }, h('label', { for: id, text: f.label }), help(id, f), select, messages(id));
    }
    case 'days':
      return renderDays(f, path, ctx);
    case 'textarea':
    case 'lines': {
      const lines = f.type === 'lines';
      const text = lines ? (Array.isArray(value) ? value.join('\n') : '') : (typeof value === 'string' ? value : '');
      const area = h('textarea', { id, rows: String(f.rows || (lines ? 4 : 3)), spellcheck: 'true', lang: f.lang, 'aria-describedby': describedBy(id, f),
        oninput: (e) => {
          const v = lines ? e.target.value.split('\n').filter((l) => l.trim() !== '') : e.target.value;
          if (f.omitEmpty && v.length === 0) slot.clear();
          else slot.set(v);
          ctx.changed(path);
        } });
      area.value = text;
      return h('div', { class: 'campo' }, h('label', { for: id, text: f.label }), help(id, f), area, messages(id));
    }
    case 'number': {
      const input = h('input', { type: 'text', id, inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': describedBy(id, f),
        oninput: (e) => {
          const v = e.target.value.trim();
          if (v === '' && !f.required) slot.clear();
          else slot.set(/^\d+$/.test(v) ? Number(v) : v); // not a number: the validator names it here
          ctx.changed(path);
        } });
      input.value = value === undefined || value === null ? '' : String(value);
      return h('div', { class: 'campo' }, h('label', { for: id, text: f.label }), help(id, f), input, messages(id));
    }
    default: {
      const input = h('input', { type: 'text', id, autocomplete: 'off', spellcheck: 'false', inputmode: f.inputmode || INPUT_MODES[f.type],
        list: f.suggest, 'aria-describedby': describedBy(id, f),
        oninput: (e) => { slot.set(e.target.value); ctx.changed(path); } });
      input.value = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
      return h('div', { class: 'campo' }, h('label', { for: id, text: f.label }), help(id, f), input, messages(id));
    }
  }
}

/**
 * A group of repeatable entries, for lists and maps alike: a fieldset per entry with its legend,
 * its messages and a labelled remove button, then an add button. `remove(i)` returns how many
 * entries are left and `add()` the id to focus: after a removal the focus goes to the entry now
 * in that place (or the add button), after an addition to the new entry's first field. Without
 * `remove` and `add`, the entries are the profile's to decide (a language's texts). `heading`:
 * the group's heading level, one below the group it sits in.
 */
function renderEntries(f, path, ctx, { count, legend, body, remove, add, attrs = {}, heading = 'h3' }) {
  const id = idFor(path);
  const headingId = `t-${id}`;
  const entries = Array.from({ length: count }, (_, i) => {
    const entryId = idFor([...path, i]);
    const text = legend(i);
    return h('fieldset', { class: 'voce', id: entryId, tabindex: '-1', ...attrs.entry?.(i) },
      h('legend', { text }),
      messages(entryId),
      ...body(i, entryId),
      remove && h('button', { type: 'button', class: 'secondario', text: `Rimuovi: ${text}`,
        onclick: () => {
          const left = remove(i);
          ctx.structural(left ? idFor([...path, Math.min(i, left - 1)]) : `${id}-aggiungi`);
        } }));
  });
  return h('div', { class: 'elenco', id, tabindex: '-1', role: 'group', 'aria-labelledby': headingId,
    'aria-describedby': f.help ? `h-${id}` : undefined, ...attrs.group },
  h(heading, { id: headingId, text: f.label }),
  help(id, f),
  messages(id),
  ...entries,
  add && h('button', { type: 'button', id: `${id}-aggiungi`, text: f.add, onclick: () => ctx.structural(add()) }));
}

/** Removes a list or map that `f.omitEmpty` says the profile should not carry empty. */
function dropIfEmpty(f, ctx, path, size) {
  if (f.omitEmpty && size === 0) clear(ctx.profile(), path);
  return size;
}

function renderList(f, path, ctx) {
  const items = get(ctx.profile(), path);
  const list = Array.isArray(items) ? items : [];
  return renderEntries(f, path, ctx, {
    count: list.length,
    legend: (i) => f.legend(list[i], i),
    body: (i) => renderFields(f.fields(list[i]), [...path, i], ctx),
    remove: (i) => {
      list.splice(i, 1);
      return dropIfEmpty(f, ctx, path, list.length);
    },
    add: () => {
      const arr = Array.isArray(get(ctx.profile(), path)) ? get(ctx.profile(), path) : [];
      arr.push(f.create(arr));
      set(ctx.profile(), path, arr);
      const first = f.fields(arr[arr.length - 1])[0];
      return idFor([...path, arr.length - 1, ...keyPath(first.key)]);
    },
  });
}

/** `obj` with `from` renamed `to`, in the same place: the exported file keeps the order it came in. */
const renamed = (obj, from, to) => Object.fromEntries(Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]));

/**
 * A JSON object edited as rows of key and value (`f.keyField`, `f.valueField`: text or select
 * keys; text, select or lines values). Ids go by position (`…-0-chiave`, `…-0-valore`), not by
 * key: a key changes as it is typed, and the focus and messages must stay on its row.
 * `formPath` turns the validator's key-based paths into these. A key typed that another row
 * already has is not applied (JSON has one value per key) and the row says so.
 */
function renderMap(f, path, ctx) {
  const current = () => {
    const m = get(ctx.profile(), path);
    return m !== null && typeof m === 'object' && !Array.isArray(m) ? m : {};
  };
  const keys = Object.keys(current());
  const suggest = f.keyField.suggestions ? `${idFor(path)}-suggerimenti` : undefined;
  const group = renderEntries(f, path, ctx, {
    count: keys.length,
    attrs: { group: { 'data-mappa': '' }, entry: (i) => ({ 'data-chiave': keys[i] }) },
    legend: (i) => f.legend(keys[i], i),
    body: (i, entryId) => renderMapEntry(f, path, ctx, { entry: { key: keys[i] }, i, entryId, current, suggest }),
    remove: (i) => {
      const m = current();
      delete m[Object.keys(m)[i]];
      return dropIfEmpty(f, ctx, path, Object.keys(m).length);
    },
    add: () => {
      const m = current();
      const [key, value] = f.create(m);
      // A row with that key already (a new one not yet named): go there rather than overwrite it.
      const at = Object.keys(m).indexOf(key);
      if (at >= 0) return idFor([...path, at, 'chiave']);
      set(ctx.profile(), path, { ...m, [key]: value });
      return idFor([...path, Object.keys(m).length, 'chiave']);
    },
  });
  if (suggest) group.append(h('datalist', { id: suggest }, ...f.keyField.suggestions.map((v) => h('option', { value: v }))));
  return group;
}

function renderMapEntry(f, path, ctx, { entry, i, entryId, current, suggest }) {
  const keyAt = [...path, i, 'chiave'];
  const duplicateId = `d-${idFor(keyAt)}`;
  // Said as it is typed (polite): it is not the validator's, so it stays out of the summary.
  const duplicate = h('p', { class: 'messaggio errore', id: duplicateId, 'aria-live': 'polite' });
  const rename = (key) => {
    const taken = key !== entry.key && Object.hasOwn(current(), key);
    const text = taken ? `«${key}» è già in un’altra voce (ogni ${f.item.toLowerCase()} una volta sola): finché non cambia, questa voce resta «${entry.key}».` : '';
    if (duplicate.textContent !== text) duplicate.textContent = text;
    if (taken) return;
    set(ctx.profile(), path, renamed(current(), entry.key, key));
    entry.key = key;
    document.getElementById(entryId).dataset.chiave = key;
  };
  // Both inputs point to the entry's messages: the validator reports a bad key and a bad value
  // (a severity that is not one of the three, an empty article) at the same path, the key's.
  const describe = [`e-${entryId}`];
  const keyField = renderField({ ...f.keyField, suggest, describe: [duplicateId, ...describe] }, keyAt, ctx,
    { get: () => entry.key, set: rename });
  keyField.append(duplicate);
  const valueField = renderField({ ...f.valueField, describe, entryKey: entry.key }, [...path, i, 'valore'], ctx, {
    get: () => current()[entry.key],
    set: (v) => {
      current()[entry.key] = v;
    },
  });
  return [keyField, valueField];
}

const without = (obj, key) => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));

/**
 * One language's translations (`translations.de`: JSON pointer -> text) as one entry per Italian
 * text of the profile (`ctx.translationRows(map)`), named by its place in the form, the Italian
 * read-only above a textarea. Rendered as a map's rows (`data-mappa`, the pointer as
 * `data-chiave`) so that `formPath` takes `$.translations.de["/policy/title"]` to its entry. The
 * entries follow the profile's texts: none is added or removed here, a translation emptied is
 * simply not written. `f.entryKey`: the language, for the textareas' `lang` (spelling, speech).
 */
function renderTranslations(f, path, ctx, slot) {
  const current = () => {
    const m = slot.get();
    return m !== null && typeof m === 'object' && !Array.isArray(m) ? m : {};
  };
  const rows = ctx.translationRows(current());
  return renderEntries(f, path, ctx, {
    count: rows.length,
    heading: 'h4',
    attrs: { group: { 'data-mappa': '' }, entry: (i) => ({ 'data-chiave': rows[i].pointer }) },
    legend: (i) => rows[i].label,
    body: (i, entryId) => translationEntry(rows[i], f.entryKey, [...path, i, 'testo'], ctx, { entryId, current, slot }),
  });
}

function translationEntry(row, lang, path, ctx, { entryId, current, slot }) {
  const id = idFor(path);
  const before = ctx.seen.before(lang, row.pointer);
  const original = h('p', { class: 'originale', id: `o-${id}` }, h('span', { class: 'etichetta', text: 'Testo italiano: ' }),
    row.text !== null ? h('span', { lang: 'it', text: row.text }) : `non più nel profilo${before !== undefined ? `; era «${before}»` : ''}.`);
  const notice = h('p', { class: 'messaggio avviso', id: `n-${id}`, text: staleNotice(row, before, Object.hasOwn(current(), row.pointer)) });
  const field = renderField({ label: 'Traduzione', type: 'textarea', lang, rows: Math.min(8, Math.ceil((row.text?.length ?? 0) / 90) + 1),
    describe: [original.id, notice.id, `e-${entryId}`] }, path, ctx, {
    get: () => current()[row.pointer],
    set: (v) => {
      // Blank is "not translated": nothing is written for it (the validator refuses a blank one).
      slot.set(v.trim() === '' ? without(current(), row.pointer) : { ...current(), [row.pointer]: v });
      if (row.text === null) return;
      ctx.seen.note(lang, row.pointer, row.text); // translated as it reads now
      notice.textContent = '';
    },
  });
  return [original, notice, field];
}

/** Why a translation may no longer fit: it is keyed by its pointer, and the text there changed. */
function staleNotice(row, before, translated) {
  if (!translated) return '';
  if (row.text === null) return 'Il testo che questa traduzione traduceva non c’è più: svuota la traduzione per toglierla.';
  if (before !== undefined && before !== row.text) return `Il testo italiano è cambiato da quando è stato tradotto (era «${before}»): controlla la traduzione.`;
  return '';
}

function renderOptional(f, path, ctx) {
  const id = idFor(path);
  const value = get(ctx.profile(), path);
  const present = value !== undefined && value !== null;
  const toggle = h('input', { type: 'checkbox', id: `${id}-presente`, checked: present,
    onchange: (e) => {
      if (e.target.checked) set(ctx.profile(), path, f.create());
      else remove(ctx.profile(), path);
      ctx.structural(`${id}-presente`);
    } });
  return h('div', { class: 'facoltativo', id, tabindex: '-1' },
    h('div', { class: 'campo campo-spunta' }, toggle, h('label', { for: `${id}-presente`, text: f.label })),
    messages(id),
    present ? renderFields(f.fields, path, ctx) : null);
}

function renderDays(f, path, ctx) {
  const id = idFor(path);
  const order = ctx.days.map(([d]) => d);
  const current = () => (Array.isArray(get(ctx.profile(), path)) ? get(ctx.profile(), path) : []);
  return h('fieldset', { class: 'giorni', id, tabindex: '-1' },
    h('legend', { text: f.label }),
    ...ctx.days.map(([day, label]) => {
      const boxId = `${id}-${day}`;
      return h('span', { class: 'giorno' },
        h('input', { type: 'checkbox', id: boxId, checked: current().includes(day),
          onchange: (e) => {
            const chosen = new Set(current());
            if (e.target.checked) chosen.add(day);
            else chosen.delete(day);
            set(ctx.profile(), path, order.filter((d) => chosen.has(d)));
            ctx.changed(path);
          } }),
        h('label', { for: boxId, text: label }));
    }),
    messages(id));
}
