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

const INPUT_MODES = { url: 'url', email: 'email', tel: 'tel' };

/**
 * Renders `fields` under `base`. `ctx`: { profile(), changed(path), structural(focusId) }.
 * `changed` after a value edit, `structural` after a change that needs the form redrawn.
 */
export function renderFields(fields, base, ctx) {
  return fields.map((f) => renderField(f, [...base, ...keyPath(f.key)], ctx));
}

function describedBy(id, f) {
  return [f.help ? `h-${id}` : null, `e-${id}`].filter(Boolean).join(' ');
}

function help(id, f) {
  return f.help ? h('p', { class: 'aiuto', id: `h-${id}`, text: f.help }) : null;
}

const messages = (id) => h('div', { class: 'messaggi', id: `e-${id}` });

function renderField(f, path, ctx) {
  const id = idFor(path);
  const value = get(ctx.profile(), path);
  switch (f.type) {
    case 'group':
      return h('fieldset', { class: 'gruppo', id, tabindex: '-1' },
        h('legend', { text: f.label }), messages(id), ...renderFields(f.fields, path, ctx));
    case 'list':
      return renderList(f, path, ctx);
    case 'optional':
      return renderOptional(f, path, ctx);
    case 'bool': {
      const input = h('input', { type: 'checkbox', id, checked: value === true, 'aria-describedby': describedBy(id, f),
        onchange: (e) => { set(ctx.profile(), path, e.target.checked); ctx.changed(path); } });
      return h('div', { class: 'campo campo-spunta' }, input, h('label', { for: id, text: f.label }), help(id, f), messages(id));
    }
    case 'select': {
      const options = [...f.options];
      if (typeof value === 'string' && !options.some(([v]) => v === value)) options.push([value, value]);
      const select = h('select', { id, 'aria-describedby': describedBy(id, f),
        onchange: (e) => {
          if (f.structural) return ctx.kindChanged(path, e.target.value);
          set(ctx.profile(), path, e.target.value);
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
      const area = h('textarea', { id, rows: String(f.rows || (lines ? 4 : 3)), spellcheck: 'true', 'aria-describedby': describedBy(id, f),
        oninput: (e) => {
          const v = e.target.value;
          set(ctx.profile(), path, lines ? v.split('\n').filter((l) => l.trim() !== '') : v);
          ctx.changed(path);
        } });
      area.value = text;
      return h('div', { class: 'campo' }, h('label', { for: id, text: f.label }), help(id, f), area, messages(id));
    }
    case 'number': {
      const input = h('input', { type: 'text', id, inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': describedBy(id, f),
        oninput: (e) => {
          const v = e.target.value.trim();
          if (v === '' && !f.required) remove(ctx.profile(), path);
          else set(ctx.profile(), path, /^\d+$/.test(v) ? Number(v) : v); // not a number: the validator names it here
          ctx.changed(path);
        } });
      input.value = value === undefined || value === null ? '' : String(value);
      return h('div', { class: 'campo' }, h('label', { for: id, text: f.label }), help(id, f), input, messages(id));
    }
    default: {
      const input = h('input', { type: 'text', id, autocomplete: 'off', spellcheck: 'false', inputmode: f.inputmode || INPUT_MODES[f.type],
        'aria-describedby': describedBy(id, f),
        oninput: (e) => { set(ctx.profile(), path, e.target.value); ctx.changed(path); } });
      input.value = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
      return h('div', { class: 'campo' }, h('label', { for: id, text: f.label }), help(id, f), input, messages(id));
    }
  }
}

function renderList(f, path, ctx) {
  const id = idFor(path);
  const items = get(ctx.profile(), path);
  const list = Array.isArray(items) ? items : [];
  const headingId = `t-${id}`;
  const children = list.map((item, i) => {
    const itemPath = [...path, i];
    const legend = f.legend(item, i);
    return h('fieldset', { class: 'voce', id: idFor(itemPath), tabindex: '-1' },
      h('legend', { text: legend }),
      messages(idFor(itemPath)),
      ...renderFields(f.fields(item), itemPath, ctx),
      h('button', { type: 'button', class: 'secondario', text: `Rimuovi: ${legend}`,
        onclick: () => {
          list.splice(i, 1);
          ctx.structural(list.length ? idFor([...path, Math.min(i, list.length - 1)]) : `${id}-aggiungi`);
        } }));
  });
  return h('div', { class: 'elenco', id, tabindex: '-1', role: 'group', 'aria-labelledby': headingId },
    h('h3', { id: headingId, text: f.label }),
    help(id, f),
    messages(id),
    ...children,
    h('button', { type: 'button', id: `${id}-aggiungi`, text: f.add,
      onclick: () => {
        const arr = Array.isArray(get(ctx.profile(), path)) ? get(ctx.profile(), path) : [];
        arr.push(f.create(arr));
        set(ctx.profile(), path, arr);
        const first = f.fields(arr[arr.length - 1])[0];
        ctx.structural(idFor([...path, arr.length - 1, ...keyPath(first.key)]));
      } }));
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
