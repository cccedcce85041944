// The profile's translatable texts for «Traduzioni»: the form's own definitions (form.js, fields
// marked `translate`) walked over the profile, so each text is named as the form names its place
// («Il disciplinare › Art. 3 – … › paragrafo 2») and keyed by the JSON pointer (RFC 6901) the
// profile's `translations` use. Only texts present and not empty are offered: the validator
// resolves a pointer against the profile as the reader completes it (a missing field counts as
// ""), while the widget translates only what the file has.
import { get, keyPath } from './fields.js';

/** ['policy', 'articles', 2, 'title'] -> "/policy/articles/2/title". */
export const pointerOf = (path) => path.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The value a pointer names in `profile`, or undefined. */
export function valueAt(profile, pointer) {
  if (!pointer.startsWith('/')) return undefined;
  const keys = pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  return keys.reduce((o, k) => (o !== null && typeof o === 'object' && Object.hasOwn(o, k) ? o[k] : undefined), profile);
}

/** [{ pointer, label, text }] in the form's order. */
export function translatableTexts(sections, profile) {
  const out = [];
  const add = (path, trail, text) => {
    if (typeof text === 'string' && text.trim() !== '') out.push({ pointer: pointerOf(path), label: trail.join(' › '), text });
  };
  const visit = (fields, base, trail) => {
    for (const f of fields) {
      const path = [...base, ...keyPath(f.key)];
      const value = get(profile, path);
      if (f.type === 'group') visit(f.fields, path, [...trail, f.label]);
      else if (f.type === 'optional') visit(f.fields, path, trail);
      else if (f.type === 'list' && Array.isArray(value)) value.forEach((item, i) => visit(f.fields(item), [...path, i], [...trail, f.legend(item, i)]));
      else if (f.translate && f.type === 'lines' && Array.isArray(value)) value.forEach((line, i) => add([...path, i], [...trail, `${f.translate} ${i + 1}`], line));
      else if (f.translate) add(path, [...trail, f.translate], value);
    }
  };
  for (const s of sections) visit(s.fields, s.path, [s.title]);
  return out;
}

/**
 * The entries of one language's translations (`map`): the texts offered, then each pointer the
 * map has that is not among them, so that it can be seen, fixed by the validator's message and
 * emptied: a string the form does not offer (an id, a URL, a text not in the form) or nothing
 * any more (`text: null`, an article removed).
 */
export function translationRows(sections, profile, map) {
  const rows = translatableTexts(sections, profile);
  const offered = new Set(rows.map((r) => r.pointer));
  for (const pointer of Object.keys(map)) {
    if (offered.has(pointer)) continue;
    const text = valueAt(profile, pointer);
    rows.push(typeof text === 'string'
      ? { pointer, label: `Testo che il modulo non propone (${pointer})`, text }
      : { pointer, label: `Testo non più nel profilo (${pointer})`, text: null });
  }
  return rows;
}

/**
 * The Italian text under each translation when it was last seen with it (imported, or translated
 * here): a translation is keyed by its pointer, not by its text, so when the text there changes
 * (edited, or another one moved into its place after a removal) the translation may no longer fit.
 */
export class Seen {
  #texts = new Map();

  /** Records the Italian text under every translation `profile` has. */
  reset(profile) {
    this.#texts.clear();
    for (const [lang, map] of Object.entries(profile?.translations ?? {})) {
      for (const pointer of Object.keys(map ?? {})) this.note(lang, pointer, valueAt(profile, pointer));
    }
  }

  note(lang, pointer, text) {
    if (typeof text === 'string') this.#texts.set(`${lang} ${pointer}`, text);
  }

  /** The Italian text last seen under that translation, if any. */
  before(lang, pointer) {
    return this.#texts.get(`${lang} ${pointer}`);
  }
}
