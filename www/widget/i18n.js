// The widget's own interface words (buttons, headings, error messages): Italian here, English and
// German fetched on demand from en.json and de.json (an Italian page, the common case, pays for
// neither: 1.1 KB gzipped each). Everything about the comune, its policy, the informativa and the
// links comes from the WASM module, in Italian or English: a German interface (Alto Adige) shows
// that content in Italian, marked lang="it". An embedder overrides any string with the
// element's `translations` property.

const IT = {
  loading: 'Caricamento del canale del Comune…',
  region: 'Iscrizione al canale del Comune',
  stepOf: (n, total, title) => `Passo ${n} di ${total}: ${title}`,
  steps: { policy: 'Il canale', informativa: 'Informativa privacy', consent: 'Consenso', join: 'Iscriviti' },
  continue: 'Continua',
  back: 'Indietro',
  fullPolicy: 'Leggi il disciplinare completo',
  policyLink: 'Il disciplinare sul sito del Comune',
  consentLegend: 'Per iscriverti, conferma ciascuna di queste dichiarazioni',
  channelLegend: 'Dove vuoi ricevere le comunicazioni del Comune?',
  consentHint: 'Nessuna casella è già selezionata. Il consenso è libero e facoltativo, e puoi revocarlo in ogni momento.',
  consentMissing: (n) => (n === 1 ? 'Manca 1 conferma: selezionala per continuare, oppure scegli «Non acconsento».' : `Mancano ${n} conferme: selezionale per continuare, oppure scegli «Non acconsento».`),
  accept: 'Acconsento e continuo',
  decline: 'Non acconsento',
  notJoin: 'Non mi iscrivo',
  openIn: (platform) => `Apri in ${platform}`,
  scanQr: 'Inquadra il codice QR con la fotocamera del telefono, oppure apri il collegamento:',
  qrLabel: 'Codice QR',
  numberLabel: 'Numero del servizio',
  saveContact: 'Salva contatto',
  saveFirst: 'Salva il numero in rubrica: le liste broadcast raggiungono solo chi lo ha salvato.',
  sendKeyword: (kw) => `Invia «${kw}»`,
  unsubscribeTitle: 'Come cancellarti',
  helpTitle: 'Assistenza',
  officialTitle: 'Canali ufficiali',
  notReplace: 'Il canale non sostituisce i canali ufficiali del Comune.',
  revoke: 'Revoca il consenso',
  revokedTitle: 'Consenso revocato',
  declinedTitle: 'Nessuna iscrizione',
  restart: 'Ricomincia',
  rememberedNote: 'Hai già dato il consenso su questo dispositivo.',
  receiptNote: (date) => `Consenso registrato su questo dispositivo il ${date}.`,
  consentNote: (date) => `Consenso dato il ${date}.`,
  errorTitle: 'Il canale del Comune non è disponibile qui',
  errNoProfile: 'Manca l’indirizzo del profilo del Comune (attributo «profile»).',
  errCrossOrigin: (url) => `Il profilo deve trovarsi sullo stesso sito del widget: ${url} non è ammesso.`,
  errFetch: (url, why) => `Impossibile caricare il profilo del Comune da ${url} (${why}).`,
  errJson: (why) => `Il profilo del Comune non è un file JSON valido: ${why}`,
  errInvalid: 'Il profilo del Comune non è valido:',
  errNewer: 'Il profilo del Comune è più recente di questo widget; il Comune deve aggiornare il widget:',
  errBadUrl: (url) => `L’indirizzo del profilo del Comune non è valido: ${url}`,
  errWasm: 'Il tuo browser non può eseguire il modulo del widget (WebAssembly non disponibile).',
  errModule: (why) => `Impossibile avviare il modulo del widget: ${why}`,
  errFlow: (why) => `Operazione non riuscita: ${why}`,
  plainJoin: 'Dopo aver letto il disciplinare e l’informativa puoi iscriverti dal collegamento ufficiale:',
  plainPolicy: 'Il disciplinare del canale',
  plainInformativa: 'L’informativa sul trattamento dei dati personali',
  plainNumber: (number, kw) => `Salva il numero ${number} in rubrica e invia il messaggio «${kw}» su WhatsApp.`,
  contactComune: 'Per informazioni consulta il sito istituzionale del Comune:',
};

const BY_LANG = { it: IT };
/** Interface languages loaded on demand (www/widget/<lang>.json): an Italian page, the common case, fetches none. */
const ON_DEMAND = ['en', 'de'];

/**
 * Strings as JSON: a function of the built-in table becomes a template with {0}, {1}... for its
 * arguments, or [one, many] for a count. The embedder's `translations` may use either form.
 */
function fromTemplate(v, base) {
  if (typeof base !== 'function') return v;
  if (typeof v === 'function') return v;
  const fill = (tpl, args) => String(tpl).replace(/\{(\d)\}/g, (_, i) => args[i] ?? '');
  if (Array.isArray(v)) return (n, ...rest) => fill(n === 1 ? v[0] : v[1], [n, ...rest]);
  return typeof v === 'string' ? (...args) => fill(v, args) : base;
}

/** Loads an on-demand interface language once (`url` from the entry script); Italian if it fails. */
export async function loadLang(lang, url) {
  if (BY_LANG[lang] || !ON_DEMAND.includes(lang) || !url) return;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    BY_LANG[lang] ??= merge(IT, await res.json());
  } catch {
    BY_LANG[lang] ??= IT;
  }
}

function merge(base, own) {
  const out = { ...base };
  for (const [k, v] of Object.entries(own)) {
    if (!(k in base)) continue;
    if (k === 'steps' && v && typeof v === 'object') out.steps = { ...base.steps, ...pick(v, base.steps) };
    else if (typeof base[k] === 'function') out[k] = fromTemplate(v, base[k]);
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * The interface strings for `lang`, with the embedder's overrides (the element's
 * `translations` property: { de: { continue: 'Weiter' } }). Only strings replace strings and
 * functions replace functions, so an override can never break a call.
 */
export function strings(lang, translations) {
  const base = BY_LANG[lang] || IT;
  const own = translations?.[lang];
  return own && typeof own === 'object' ? merge(base, own) : base;
}

const pick = (o, base) => Object.fromEntries(Object.entries(o).filter(([k, v]) => typeof v === 'string' && k in base));

/** The interface language: "it", "en" or "de" from a BCP 47 tag ("de-AT" -> "de"), Italian otherwise. */
export function normLang(value) {
  const l = String(value || '').toLowerCase().slice(0, 2);
  return l in BY_LANG || ON_DEMAND.includes(l) ? l : 'it';
}

/** The language the WASM module writes the content in: it has Italian and English. */
export const contentLang = (lang) => (lang === 'en' ? 'en' : 'it');
