// The widget's own interface words (buttons, headings, error messages). Everything about the
// comune, its policy, the informativa and the links comes from the WASM module, in Italian or
// English: a German interface (Alto Adige, loaded on demand from de.json) shows that content in
// Italian, marked lang="it". An embedder overrides any string with the `translations` property.

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
  website: 'Sito istituzionale',
  pec: 'PEC',
  albo: 'Albo Pretorio online',
  email: 'E-mail',
  phone: 'Telefono',
  tollFree: 'Numero verde',
  web: 'Pagina web',
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

const EN = {
  loading: 'Loading the comune’s channel…',
  region: 'Join the comune’s channel',
  stepOf: (n, total, title) => `Step ${n} of ${total}: ${title}`,
  steps: { policy: 'The channel', informativa: 'Privacy notice', consent: 'Consent', join: 'Join' },
  continue: 'Continue',
  back: 'Back',
  fullPolicy: 'Read the full policy',
  policyLink: 'The policy on the comune’s website',
  consentLegend: 'To join, confirm each of these statements',
  channelLegend: 'Where would you like to receive the Comune’s notices?',
  consentHint: 'No box is ticked in advance. Consent is free and optional, and you can withdraw it at any time.',
  consentMissing: (n) => (n === 1 ? '1 confirmation is missing: tick it to continue, or choose “I do not consent”.' : `${n} confirmations are missing: tick them to continue, or choose “I do not consent”.`),
  accept: 'I consent, continue',
  decline: 'I do not consent',
  notJoin: 'I won’t join',
  openIn: (platform) => `Open in ${platform}`,
  scanQr: 'Scan the QR code with your phone’s camera, or open the link:',
  qrLabel: 'QR code',
  numberLabel: 'Service number',
  saveContact: 'Save contact',
  saveFirst: 'Save the number in your contacts: broadcast lists only reach people who saved it.',
  sendKeyword: (kw) => `Send “${kw}”`,
  unsubscribeTitle: 'How to leave',
  helpTitle: 'Help',
  officialTitle: 'Official channels',
  notReplace: 'The channel does not replace the comune’s official channels.',
  website: 'Official website',
  pec: 'Certified e-mail (PEC)',
  albo: 'Online notice board (Albo Pretorio)',
  email: 'E-mail',
  phone: 'Phone',
  tollFree: 'Toll-free number',
  web: 'Web page',
  revoke: 'Withdraw consent',
  revokedTitle: 'Consent withdrawn',
  declinedTitle: 'Not joined',
  restart: 'Start again',
  rememberedNote: 'You already gave your consent on this device.',
  receiptNote: (date) => `Consent recorded on this device on ${date}.`,
  consentNote: (date) => `Consent given on ${date}.`,
  errorTitle: 'The comune’s channel is not available here',
  errNoProfile: 'The address of the comune’s profile is missing (the “profile” attribute).',
  errCrossOrigin: (url) => `The profile must be on the same site as the widget: ${url} is not allowed.`,
  errFetch: (url, why) => `Could not load the comune’s profile from ${url} (${why}).`,
  errJson: (why) => `The comune’s profile is not valid JSON: ${why}`,
  errInvalid: 'The comune’s profile is not valid:',
  errNewer: 'The comune’s profile is newer than this widget; the comune must update the widget:',
  errBadUrl: (url) => `The address of the comune’s profile is not valid: ${url}`,
  errWasm: 'Your browser cannot run the widget’s module (WebAssembly is not available).',
  errModule: (why) => `Could not start the widget’s module: ${why}`,
  errFlow: (why) => `The action failed: ${why}`,
  plainJoin: 'Once you have read the policy and the privacy notice, you can join from the official link:',
  plainPolicy: 'The channel’s policy',
  plainInformativa: 'The privacy notice',
  plainNumber: (number, kw) => `Save ${number} in your contacts and send the message “${kw}” on WhatsApp.`,
  contactComune: 'For information, see the comune’s official website:',
};



const BY_LANG = { it: IT, en: EN };
/** Interface languages loaded on demand (www/widget/<lang>.json): only a German page pays for German. */
const ON_DEMAND = ['de'];

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

/** Loads an on-demand interface language once (`url` from the entry script); English if it fails. */
export async function loadLang(lang, url) {
  if (BY_LANG[lang] || !ON_DEMAND.includes(lang) || !url) return;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    BY_LANG[lang] ??= merge(EN, await res.json());
  } catch {
    BY_LANG[lang] ??= EN;
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
  const base = BY_LANG[lang] || EN;
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
