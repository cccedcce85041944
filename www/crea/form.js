// What the builder asks, section by section, and where each element comes from: the seed
// policies (/work/shared/seeds: Seveso G.C. 78/2026, Leini, Concorezzo, Siracusa, Sesto Calende)
// and the law (GDPR art. 13, L. 28/2000 art. 9). Each field names its place in the profile
// (`key`, relative to its section or group); builder.js renders and binds them.
//
// Field types: text, url, email, tel, textarea, lines (one list item per line), bool, select,
// number (optional), days (weekday checkboxes), translations (a language's texts, «Traduzioni»);
// groups: `list` (repeatable items), `map` (a JSON object as rows of key and value) and
// `optional` (an object the policy may not have).
// `omitEmpty`: a list or map emptied again is removed rather than written as [] or {}.
// `translate`: a text citizens read (in the widget or the documents), offered in «Traduzioni»
// under that short name (a line of a `lines` field: the name and its number). Ids, codes, URLs,
// addresses for machines and the checker's settings are not: the widget applies a translation
// to any string, and a translated id or URL would change what the profile does in that language.

const DAYS = [
  ['mon', 'lunedì'], ['tue', 'martedì'], ['wed', 'mercoledì'], ['thu', 'giovedì'], ['fri', 'venerdì'], ['sat', 'sabato'], ['sun', 'domenica'],
];
export { DAYS };

const party = (who, law) => [
  { key: 'name', label: 'Denominazione', type: 'text', help: law, translate: 'denominazione' },
  { key: 'address', label: 'Indirizzo', type: 'text', translate: 'indirizzo' },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'pec', label: 'PEC', type: 'email' },
  { key: 'phone', label: 'Telefono', type: 'tel' },
  { key: 'url', label: 'Sito', type: 'url', help: `Pagina web ${who}, https://…` },
];

const channelFields = (item) => {
  const common = [
    { key: 'kind', label: 'Tipo di canale', type: 'select', structural: true, options: [
      ['whatsapp-channel', 'Canale WhatsApp'],
      ['whatsapp-broadcast', 'Lista broadcast WhatsApp (numero del Comune)'],
      ['telegram-channel', 'Canale Telegram'],
    ], help: 'Solo canali o liste broadcast: nessun iscritto deve poter vedere il numero degli altri (Seveso art. 1.6). I gruppi non sono ammessi.' },
    { key: 'name', label: 'Nome del canale', type: 'text', help: 'Come appare nell’app, es. «WhatsConcorezzo» (Concorezzo art. 2).', translate: 'nome' },
  ];
  const leave = { key: 'leave_instructions', label: 'Come cancellarsi (se diverso dalle istruzioni della piattaforma)', type: 'textarea', help: 'Concorezzo art. 3: inviare «DISATTIVA ISCRIZIONE»; Sesto Calende art. 5.', translate: 'come cancellarsi' };
  switch (item?.kind) {
    case 'whatsapp-broadcast':
      return [...common,
        { key: 'number', label: 'Numero WhatsApp del Comune', type: 'tel', help: 'Formato internazionale, es. +393331234567 (Concorezzo art. 2: chi si iscrive salva il numero in rubrica).' },
        { key: 'subscribe_keyword', label: 'Messaggio per iscriversi', type: 'text', help: 'Concorezzo art. 3: «ATTIVA ISCRIZIONE».' },
        { key: 'unsubscribe_keyword', label: 'Messaggio per cancellarsi', type: 'text', help: 'Concorezzo art. 3: «DISATTIVA ISCRIZIONE».' },
        { key: 'save_contact_required', label: 'Occorre salvare il numero in rubrica per ricevere i messaggi', type: 'bool' },
        leave];
    case 'telegram-channel':
      return [...common,
        { key: 'url', label: 'Collegamento al canale', type: 'url', help: 'https://t.me/nome oppure https://t.me/+codice.' },
        leave];
    default:
      return [...common,
        { key: 'invite_url', label: 'Collegamento al canale', type: 'url', help: 'https://whatsapp.com/channel/… (Siracusa art. 5.1: link e codice QR pubblicati sul sito). Vuoto finché il canale non è aperto: il widget dirà che non è ancora pubblicato (Seveso art. 5.1).' },
        { key: 'info_url', label: 'Pagina del sito che pubblica link e QR', type: 'url' },
        leave];
  }
};

const NEW_CHANNEL = {
  'whatsapp-channel': (name) => ({ kind: 'whatsapp-channel', name, invite_url: '', info_url: '', leave_instructions: '' }),
  'whatsapp-broadcast': (name) => ({ kind: 'whatsapp-broadcast', name, number: '', subscribe_keyword: 'ATTIVA ISCRIZIONE', unsubscribe_keyword: 'DISATTIVA ISCRIZIONE', save_contact_required: true, leave_instructions: '' }),
  'telegram-channel': (name) => ({ kind: 'telegram-channel', name, url: '', leave_instructions: '' }),
};
export { NEW_CHANNEL };


// The checker's rule ids (src/checker/rules/*.rs, `fn ids`): what `severity` and `ignore` take.
const RULE_IDS = [
  'political', 'advertising', 'offensive', 'discrimination', 'special-category', 'judicial-data', 'official-notice',
  'electoral-period', 'readability', 'schedule.outside-hours', 'category.missing', 'category.not-allowed',
  'format.empty', 'format.length', 'format.markup', 'format.shouting', 'format.emoji',
  'link.insecure', 'link.shortener', 'link.suspicious', 'link.untrusted-domain',
  'personal-data.email', 'personal-data.iban', 'personal-data.id-document', 'personal-data.license-plate',
  'personal-data.person-name', 'personal-data.phone', 'personal-data.tax-code', 'personal-data.vat-number',
];
// Families that `disabled_rules` also takes: a family switches off every id under it.
const RULE_FAMILIES = ['category', 'format', 'link', 'personal-data'];
// The names the rules look up in `sources` (Context::policy_source): families and a few ids.
const SOURCE_KEYS = [
  'political', 'advertising', 'offensive', 'obscene', 'defamation', 'discrimination', 'special-category', 'judicial-data',
  'personal-data', 'official-notice', 'electoral-period', 'schedule', 'link.suspicious', 'link.shortener', 'link.untrusted-domain',
];
// The lexicon families whose rules read `extra_terms` and `allowed_terms` (lexicon_hits::find,
// special_category::matches, the offensive rule); a term under another name would be ignored.
const LEXICON_FAMILIES = [
  ['political', 'political – propaganda e scopi politici'],
  ['advertising', 'advertising – pubblicità'],
  ['offensive', 'offensive – linguaggio offensivo, volgare o diffamatorio'],
  ['discrimination', 'discrimination – discriminazioni'],
  ['special-category', 'special-category – dati particolari (salute, religione, origine…)'],
  ['judicial-data', 'judicial-data – dati giudiziari'],
  ['official-notice', 'official-notice – testo che si presenta come un atto ufficiale'],
  ['electoral-period', 'electoral-period – comunicazione nei periodi elettorali'],
];
// The languages the widget takes a profile's translations in (validate/translations.rs,
// LANGUAGES): the bilingual comuni's first, then English.
const LANGUAGES = [['de', 'tedesco'], ['fr', 'francese'], ['sl', 'sloveno'], ['en', 'inglese']];
const LANGUAGE_NAMES = Object.fromEntries(LANGUAGES);
const SEVERITIES = [['error', 'Errore: blocca l’invio'], ['warning', 'Avviso'], ['info', 'Informazione']];

/** A map of terms per lexicon family; a new row takes the first family not listed yet. */
const termsMap = (key, label, add, help) => ({
  key, label, add, help, type: 'map', item: 'Famiglia', omitEmpty: true,
  legend: (family, i) => `Famiglia ${i + 1}${family ? ` – ${family}` : ''}`,
  create: (map) => [LEXICON_FAMILIES.map(([f]) => f).find((f) => !(f in map)) ?? '', []],
  keyField: { label: 'Famiglia di regole', type: 'select', options: LEXICON_FAMILIES },
  valueField: { label: 'Termini (uno per riga)', type: 'lines' },
});

export const SECTIONS = [
  {
    id: 'comune', title: 'Il Comune e i canali ufficiali', path: [],
    intro: 'I canali che hanno valore legale: il canale di messaggistica non li sostituisce (Seveso art. 2.6: sito istituzionale, PEC, Albo Pretorio online, Amministrazione trasparente). Il widget li ricorda a chi si iscrive.',
    fields: [
      { key: 'id', label: 'Identificativo del profilo', type: 'text', help: 'Minuscole e trattini, es. sesto-calende: diventa il nome del file.' },
      { key: ['comune', 'name'], label: 'Nome del Comune', type: 'text', help: 'Forma breve, es. Seveso.', translate: 'nome' },
      { key: ['comune', 'official_name'], label: 'Nome ufficiale', type: 'text', help: 'Come lo scrive l’intestazione del disciplinare, es. «Città di Seveso».', translate: 'nome ufficiale' },
      { key: ['comune', 'province'], label: 'Sigla della provincia', type: 'text', help: 'Due lettere maiuscole, es. MB.' },
      { key: ['comune', 'province_name'], label: 'Provincia o città metropolitana', type: 'text', translate: 'provincia' },
      { key: ['comune', 'website'], label: 'Sito istituzionale', type: 'url', help: 'https://… (Seveso art. 2.6).' },
      { key: ['comune', 'pec'], label: 'PEC del Comune', type: 'email', help: 'Seveso art. 2.6; Siracusa art. 2.6.' },
      { key: ['comune', 'albo_pretorio_url'], label: 'Albo Pretorio online', type: 'url', help: 'Art. 32 L. 69/2009; Seveso art. 2.6.' },
      { key: ['comune', 'amministrazione_trasparente_url'], label: 'Amministrazione trasparente', type: 'url', help: 'D.Lgs. 33/2013; Seveso art. 2.6.' },
      { key: ['comune', 'tax_code'], label: 'Codice fiscale o partita IVA', type: 'text' },
    ],
  },
  {
    id: 'disciplinare', title: 'Il disciplinare', path: ['policy'],
    intro: 'Il testo approvato dalla Giunta, articolo per articolo: da qui nasce il documento per la deliberazione. Nei paragrafi, una riga per paragrafo; le voci di elenco iniziano con «- ».',
    fields: [
      { key: 'title', label: 'Titolo', type: 'text', help: 'Es. «Disciplinare in materia di utilizzo di applicazioni di messaggistica istantanea per finalità istituzionali» (Seveso).', translate: 'titolo' },
      { key: ['approval', 'act'], label: 'Atto di approvazione', type: 'text', help: 'Es. «Delibera di Giunta Comunale» (Seveso: G.C. 78 del 20/03/2026).', translate: 'atto di approvazione' },
      { key: ['approval', 'number'], label: 'Numero dell’atto', type: 'text', help: 'Vuoto finché la Giunta non delibera: il documento lascia la riga da compilare.' },
      { key: ['approval', 'date'], label: 'Data dell’atto (AAAA-MM-GG)', type: 'text', inputmode: 'numeric' },
      { key: 'url', label: 'Pagina del disciplinare sul sito', type: 'url' },
      { key: 'social_policy_url', label: 'Policy per i social network (se il disciplinare la richiama)', type: 'url', help: 'Leini art. 4.5 rinvia al proprio regolamento sui social network.' },
      { key: 'consent_article', label: 'Articolo su cosa accetta chi si iscrive', type: 'text', help: 'Es. «art. 5.2» (Seveso), «art. 3» (Concorezzo): il widget lo cita accanto a ogni conferma.' },
      {
        key: 'articles', label: 'Articoli', type: 'list', item: 'Articolo', add: 'Aggiungi un articolo',
        legend: (a, i) => `Art. ${a?.number || i + 1}${a?.title ? ` – ${a.title}` : ''}`,
        create: (items) => ({ number: String(items.length + 1), title: '', paragraphs: [] }),
        fields: () => [
          { key: 'number', label: 'Numero', type: 'text' },
          { key: 'title', label: 'Titolo dell’articolo', type: 'text', translate: 'titolo' },
          { key: 'paragraphs', label: 'Paragrafi (uno per riga; «- » per le voci di elenco)', type: 'lines', rows: 8, translate: 'paragrafo' },
        ],
      },
    ],
  },
  {
    id: 'canale', title: 'Il canale di messaggistica', path: [],
    intro: 'Dove il Comune pubblica i messaggi e come ci si iscrive.',
    fields: [
      {
        key: 'channels', label: 'Canali', type: 'list', item: 'Canale', add: 'Aggiungi un canale',
        legend: (c, i) => `Canale ${i + 1}${c?.name ? ` – ${c.name}` : ''}`,
        create: () => NEW_CHANNEL['whatsapp-channel'](''),
        fields: channelFields,
      },
      { key: ['platform', 'max_message_length'], label: 'Lunghezza massima di un messaggio (caratteri)', type: 'number', required: true, help: 'WhatsApp dall’app: 65536; WhatsApp Business Platform: 4096; Telegram: 4096.' },
    ],
  },
  {
    id: 'destinatari', title: 'Destinatari e categorie', path: [],
    intro: 'A chi si rivolge il canale e che cosa vi si pubblica. Una sola categoria è «emergenza»: può essere inviata anche fuori orario (Concorezzo art. 3: «in casi di necessità»).',
    fields: [
      { key: ['audience', 'kind'], label: 'Destinatari', type: 'select', options: [['citizens', 'La cittadinanza'], ['businesses', 'Imprese, commercio e turismo']], help: 'Sesto Calende art. 1: attività produttive, commercio e turismo.' },
      { key: ['audience', 'description'], label: 'Come il disciplinare descrive i destinatari', type: 'textarea', translate: 'destinatari' },
      {
        key: 'categories', label: 'Categorie di contenuti ammessi', type: 'list', item: 'Categoria', add: 'Aggiungi una categoria',
        legend: (c, i) => `Categoria ${i + 1}${c?.label ? ` – ${c.label}` : ''}`,
        create: () => ({ id: '', label: '', description: '', emergency: false, source: '' }),
        fields: () => [
          { key: 'id', label: 'Identificativo', type: 'text', help: 'Minuscole e trattini, es. pubblica-utilita.' },
          { key: 'label', label: 'Nome', type: 'text', translate: 'nome' },
          { key: 'description', label: 'Descrizione', type: 'textarea', translate: 'descrizione' },
          { key: 'emergency', label: 'È la categoria delle emergenze (esente dagli orari)', type: 'bool' },
          { key: 'source', label: 'Articolo che la prevede', type: 'text', help: 'Es. «art. 2.1» (Seveso), «art. 4 lett. a» (Concorezzo).' },
        ],
      },
    ],
  },
  {
    id: 'vietati', title: 'Contenuti vietati', path: [],
    intro: 'Ciò che il canale non pubblica mai. Il controllo dei messaggi li segnala citando l’articolo indicato qui.',
    fields: [
      {
        key: 'forbidden', label: 'Contenuti vietati', type: 'list', item: 'Divieto', add: 'Aggiungi un divieto',
        legend: (f, i) => `Divieto ${i + 1}${f?.label ? ` – ${f.label}` : ''}`,
        create: () => ({ id: '', label: '', description: '', severity: 'error', source: '' }),
        fields: () => [
          { key: 'id', label: 'Famiglia di regole', type: 'text', help: 'political (propaganda e scopi politici, Seveso art. 2.2), advertising (pubblicità, art. 2.2), special-category (dati particolari, art. 9 GDPR), judicial-data (dati giudiziari, art. 10 GDPR), personal-data, offensive…' },
          { key: 'label', label: 'Nome', type: 'text', translate: 'nome' },
          { key: 'description', label: 'Descrizione', type: 'textarea', translate: 'descrizione' },
          { key: 'severity', label: 'Gravità', type: 'select', options: [['error', 'Errore: blocca l’invio'], ['warning', 'Avviso'], ['info', 'Informazione']] },
          { key: 'source', label: 'Articolo che lo vieta', type: 'text', help: 'Es. «art. 2.2», «art. 4.4» (Seveso), «art. 4 lett. i» (Concorezzo).' },
        ],
      },
    ],
  },
  {
    id: 'orari', title: 'Orari del servizio', path: [],
    intro: 'Se il disciplinare fissa quando si inviano i messaggi (Concorezzo art. 3: dal lunedì al venerdì, 9-13). Ora di Roma.',
    fields: [
      {
        key: 'service_hours', label: 'Il disciplinare fissa orari del servizio', type: 'optional',
        create: () => ({ timezone: 'Europe/Rome', slots: [], emergency_exempt: true, note: '' }),
        fields: [
          {
            key: 'slots', label: 'Fasce orarie', type: 'list', item: 'Fascia', add: 'Aggiungi una fascia oraria',
            legend: (s, i) => `Fascia ${i + 1}`,
            create: () => ({ days: [], from: '', to: '' }),
            fields: () => [
              { key: 'days', label: 'Giorni', type: 'days' },
              { key: 'from', label: 'Dalle (HH:MM)', type: 'text', inputmode: 'numeric' },
              { key: 'to', label: 'Alle (HH:MM, esclusa)', type: 'text', inputmode: 'numeric' },
            ],
          },
          { key: 'emergency_exempt', label: 'Le emergenze si inviano a qualsiasi ora', type: 'bool', help: 'Concorezzo art. 3: «in casi di necessità… anche fuori orario».' },
          { key: 'note', label: 'Nota', type: 'textarea', translate: 'nota' },
        ],
      },
    ],
  },
  {
    id: 'elezioni', title: 'Periodi elettorali', path: [],
    intro: 'Nelle campagne elettorali e referendarie le amministrazioni non possono fare comunicazione istituzionale, salvo quella impersonale e indispensabile (L. 28/2000 art. 9). Il controllo dei messaggi lo applica nei periodi indicati.',
    fields: [
      {
        key: 'electoral_periods', label: 'Periodi', type: 'list', item: 'Periodo', add: 'Aggiungi un periodo elettorale',
        legend: (e, i) => `Periodo ${i + 1}${e?.label ? ` – ${e.label}` : ''}`,
        create: () => ({ from: '', to: '', label: '' }),
        fields: () => [
          { key: 'label', label: 'Consultazione', type: 'text', help: 'Es. «Elezioni amministrative 2026».' },
          { key: 'from', label: 'Dal (AAAA-MM-GG, dalla convocazione dei comizi)', type: 'text', inputmode: 'numeric' },
          { key: 'to', label: 'Al (AAAA-MM-GG, chiusura delle operazioni di voto)', type: 'text', inputmode: 'numeric' },
        ],
      },
    ],
  },
  {
    id: 'gestione', title: 'Chi gestisce il canale', path: ['management'],
    intro: 'Chi è responsabile del canale, chi propone i messaggi e chi è delegato a pubblicarli.',
    fields: [
      { key: 'responsible', label: 'Responsabile', type: 'text', help: 'Seveso art. 4.1: «uno o più soggetti designati con decreto del legale rappresentante»; Leini art. 4.1: il Sindaco.', translate: 'responsabile' },
      { key: 'roles', label: 'Chi può proporre i messaggi (uno per riga)', type: 'lines', help: 'Seveso art. 4.2: responsabili di area, Sindaco, Assessori, uffici.', translate: 'chi propone, riga' },
      { key: 'max_delegates', label: 'Numero massimo di delegati', type: 'number', help: 'Leini art. 4.1: al massimo 5.' },
      { key: 'delegates', label: 'Delegati designati (uno per riga)', type: 'lines' },
      { key: 'source', label: 'Articolo', type: 'text' },
    ],
  },
  {
    id: 'assistenza', title: 'Assistenza', path: ['help'],
    intro: 'Chi risponde a chi ha difficoltà con l’iscrizione (Siracusa art. 3: lo Sportello al Cittadino, per e-mail o numero verde). Il widget lo mostra.',
    fields: [
      { key: 'name', label: 'Ufficio', type: 'text', translate: 'ufficio' },
      { key: 'email', label: 'E-mail', type: 'email' },
      { key: 'phone', label: 'Telefono', type: 'tel' },
      { key: 'toll_free', label: 'Numero verde', type: 'tel' },
      { key: 'url', label: 'Pagina web', type: 'url' },
    ],
  },
  {
    id: 'contatti', title: 'Recapiti e cariche del Comune', path: ['institutional_contacts'],
    intro: 'Recapiti e nomi che possono comparire nei messaggi senza essere dati personali da proteggere: il controllo prima dell’invio non li segnala (i dati di chi ricopre una carica pubblica, nel suo ruolo).',
    fields: [
      { key: 'domains', label: 'Domini del Comune (uno per riga)', type: 'lines', help: 'Es. comune.seveso.mb.it: i collegamenti e gli indirizzi e-mail su questi domini sono istituzionali.' },
      { key: 'emails', label: 'Caselle e PEC istituzionali (una per riga)', type: 'lines' },
      { key: 'phones', label: 'Numeri di telefono del Comune (uno per riga)', type: 'lines' },
      { key: 'ibans', label: 'IBAN per i pagamenti al Comune (uno per riga)', type: 'lines' },
      {
        key: 'office_holders', label: 'Cariche', type: 'list', item: 'Carica', add: 'Aggiungi una carica',
        legend: (o, i) => `Carica ${i + 1}${o?.role ? ` – ${o.role}` : ''}`,
        create: () => ({ name: '', role: '' }),
        fields: () => [
          { key: 'name', label: 'Nome e cognome', type: 'text' },
          { key: 'role', label: 'Carica', type: 'text', help: 'Es. Sindaco, Assessore alla Cultura, Segretario Generale.' },
        ],
      },
    ],
  },
  {
    id: 'controllo', title: 'Controllo prima dell’invio', path: ['checker'],
    intro: 'Come il controllo dei messaggi prima dell’invio si adatta al Comune: regole spente, segnalazioni da ignorare, termini in più o ammessi, gravità e articoli citati. Tutto facoltativo: ciò che resta vuoto lascia il controllo com’è.',
    fields: [
      { key: 'disabled_rules', label: 'Regole disattivate (una per riga)', type: 'lines', omitEmpty: true,
        help: `Un identificativo di regola o una famiglia: «link» spegne tutte le regole link.… (${RULE_IDS.filter((r) => r.startsWith('link.')).join(', ')}); «format.shouting» solo il testo tutto in maiuscolo; «readability» l’indice di leggibilità. Famiglie: ${RULE_FAMILIES.join(', ')}.` },
      {
        key: 'ignore', label: 'Segnalazioni da ignorare', type: 'list', item: 'Segnalazione', add: 'Aggiungi una segnalazione da ignorare', omitEmpty: true,
        help: 'Una singola segnalazione che il Comune ha valutato: la regola e il testo esatto che essa evidenzia. Le altre segnalazioni della stessa regola restano.',
        legend: (ig, i) => `Segnalazione ${i + 1}${ig?.rule ? ` – ${ig.rule}` : ''}`,
        create: () => ({ rule: '', text: '', reason: '' }),
        fields: () => [
          { key: 'rule', label: 'Regola', type: 'text', help: 'L’identificativo che il controllo mostra, es. personal-data.phone, link.untrusted-domain, format.shouting.' },
          { key: 'text', label: 'Testo segnalato, esattamente come nel messaggio', type: 'text' },
          { key: 'reason', label: 'Motivo', type: 'textarea', help: 'Per chi mantiene il profilo: perché questa segnalazione non va mostrata.' },
        ],
      },
      { key: 'readability_threshold', label: 'Soglia di leggibilità (indice Gulpease, da 0 a 100)', type: 'number',
        help: 'Sotto questa soglia il controllo avvisa che il testo è difficile da leggere. Vuoto: 40.' },
      termsMap('extra_terms', 'Termini in più da segnalare', 'Aggiungi termini da segnalare',
        'Parole o brevi frasi che una famiglia di regole deve segnalare oltre alle proprie, es. il nome di una lista civica locale per political.'),
      termsMap('allowed_terms', 'Termini ammessi', 'Aggiungi termini ammessi',
        'Parole che una famiglia di regole non deve segnalare per questo Comune, es. un toponimo locale che somiglia a un termine offensivo (offensive).'),
      {
        key: 'severity', label: 'Gravità per regola', type: 'map', item: 'Regola', add: 'Aggiungi una gravità', omitEmpty: true,
        help: 'Cambia la gravità di una regola, indicata con il suo identificativo esatto (es. personal-data.phone, format.shouting, readability, political): una famiglia come «link» qui non vale.',
        legend: (rule, i) => `Regola ${i + 1}${rule ? ` – ${rule}` : ''}`,
        create: () => ['', 'warning'],
        keyField: { label: 'Regola', type: 'text', suggestions: RULE_IDS },
        valueField: { label: 'Gravità', type: 'select', options: SEVERITIES },
      },
      {
        key: 'sources', label: 'Articoli del disciplinare citati dal controllo', type: 'map', item: 'Articolo', add: 'Aggiungi un articolo', omitEmpty: true,
        help: 'L’articolo del disciplinare del Comune che le segnalazioni di una famiglia di regole citano (es. official-notice, schedule, personal-data). Prevale sull’articolo indicato per un contenuto vietato con lo stesso identificativo.',
        legend: (family, i) => `Articolo ${i + 1}${family ? ` – ${family}` : ''}`,
        create: () => ['', ''],
        keyField: { label: 'Famiglia di regole', type: 'text', suggestions: SOURCE_KEYS },
        valueField: { label: 'Articolo', type: 'text', help: 'Es. «art. 2.6», «art. 3 lett. e».' },
      },
    ],
  },
  {
    id: 'informativa', title: 'Informativa (art. 13 GDPR)', path: ['privacy'],
    intro: 'Ciò che l’informativa deve dire a chi si iscrive (Regolamento (UE) 2016/679, art. 13). Il widget la mostra prima del consenso; qui sotto se ne può scaricare il documento.',
    fields: [
      { key: 'controller', label: 'Titolare del trattamento', type: 'group', fields: party('del titolare', 'Art. 13, par. 1, lett. a GDPR: identità e dati di contatto del titolare (il Comune).') },
      { key: 'dpo', label: 'Responsabile della protezione dei dati (RPD/DPO)', type: 'group', fields: party('del DPO', 'Art. 13, par. 1, lett. b e art. 37 GDPR: i dati di contatto del DPO, obbligatorio per i Comuni.') },
      { key: 'purposes', label: 'Finalità (una per riga)', type: 'lines', help: 'Art. 13, par. 1, lett. c GDPR; Seveso art. 1.1 e art. 3.1.', translate: 'finalità' },
      { key: 'legal_basis', label: 'Base giuridica', type: 'select', options: [['consent', 'Consenso (art. 6, par. 1, lett. a)'], ['public-task', 'Compito di interesse pubblico (art. 6, par. 1, lett. e)']], help: 'Art. 13, par. 1, lett. c GDPR. Seveso art. 6.2: consenso libero, facoltativo e revocabile.' },
      { key: 'legal_basis_note', label: 'Precisazione sulla base giuridica', type: 'textarea', translate: 'precisazione sulla base giuridica' },
      { key: 'retention', label: 'Periodo di conservazione', type: 'textarea', help: 'Art. 13, par. 2, lett. a GDPR; Seveso art. 6.4-6.5: non oltre il tempo del servizio, cancellati alla disiscrizione.', translate: 'conservazione' },
      { key: 'recipients', label: 'Destinatari (uno per riga)', type: 'lines', help: 'Art. 13, par. 1, lett. e GDPR; Seveso art. 6.4: soggetti designati e autorizzati, nessuna diffusione.', translate: 'destinatario' },
      { key: 'platform_provider', label: 'Fornitore della piattaforma', type: 'group', fields: [
        { key: 'name', label: 'Denominazione', type: 'text', help: 'Titolare autonomo per i dati dell’account, es. WhatsApp Ireland Limited (art. 13, par. 1, lett. e GDPR).' },
        { key: 'url', label: 'Informativa del fornitore', type: 'url' },
      ] },
      { key: 'transfers_outside_eu', label: 'Trasferimenti fuori dall’Unione europea', type: 'textarea', help: 'Art. 13, par. 1, lett. f GDPR: il fornitore può trasferire dati verso paesi terzi (es. Stati Uniti).', translate: 'trasferimenti fuori UE' },
      { key: 'end_to_end_encrypted', label: 'I messaggi del canale sono crittografati end-to-end', type: 'bool', help: 'Sesto Calende art. 7: i canali WhatsApp non lo sono.' },
      { key: 'provision_optional', label: 'Il conferimento dei dati è facoltativo', type: 'bool', help: 'Art. 13, par. 2, lett. e GDPR.' },
      { key: 'automated_decision_making', label: 'Vi sono decisioni automatizzate o profilazione', type: 'bool', help: 'Art. 13, par. 2, lett. f GDPR.' },
      { key: 'supervisory_authority', label: 'Autorità di controllo', type: 'group', fields: [
        { key: 'name', label: 'Denominazione', type: 'text', help: 'Art. 13, par. 2, lett. d GDPR: il Garante per la protezione dei dati personali.', translate: 'denominazione' },
        { key: 'url', label: 'Sito', type: 'url' },
      ] },
      { key: 'informativa_url', label: 'Pagina privacy del Comune', type: 'url' },
    ],
  },
  {
    id: 'traduzioni', title: 'Traduzioni', path: [],
    intro: 'I testi del profilo in un’altra lingua, per i Comuni bilingui (tedesco in Alto Adige, francese in Valle d’Aosta, sloveno in Friuli-Venezia Giulia) o per chi non legge l’italiano (inglese). Il widget li mostra sulle pagine in quella lingua; un testo lasciato senza traduzione resta in italiano.',
    fields: [
      {
        key: 'translations', label: 'Lingue', type: 'map', item: 'Lingua', add: 'Aggiungi una lingua', omitEmpty: true,
        legend: (lang, i) => `Lingua ${i + 1}${lang ? ` – ${LANGUAGE_NAMES[lang] ?? lang}` : ''}`,
        create: (map) => [LANGUAGES.map(([l]) => l).find((l) => !(l in map)) ?? '', {}],
        keyField: { label: 'Lingua', type: 'select', options: LANGUAGES },
        valueField: { label: 'Testi da tradurre', type: 'translations',
          help: 'Sotto ogni testo italiano, la sua traduzione: lasciala vuota per lasciare il testo in italiano. Se poi il testo italiano cambia o viene tolto, la sua traduzione lo segnala.' },
      },
    ],
  },
  {
    id: 'note', title: 'Note', path: [],
    intro: 'Per chi mantiene il profilo: lacune del disciplinare, scelte fatte, dati che il Comune deve ancora pubblicare. Non sono mostrate ai cittadini.',
    fields: [{ key: 'notes', label: 'Note (una per riga)', type: 'lines', rows: 5 }],
  },
];

/** The art. 13 elements the completeness meter counts, each with the field to go to. */
export const ART13 = [
  { label: 'titolare (lett. a)', path: ['privacy', 'controller', 'name'], has: (p) => filled(p?.controller?.name) },
  { label: 'DPO (lett. b)', path: ['privacy', 'dpo', 'name'], has: (p) => filled(p?.dpo?.name) || filled(p?.dpo?.email) || filled(p?.dpo?.pec) },
  { label: 'finalità (lett. c)', path: ['privacy', 'purposes'], has: (p) => Array.isArray(p?.purposes) && p.purposes.some(filled) },
  { label: 'base giuridica (lett. c)', path: ['privacy', 'legal_basis'], has: (p) => p?.legal_basis === 'consent' || p?.legal_basis === 'public-task' },
  { label: 'conservazione (par. 2, lett. a)', path: ['privacy', 'retention'], has: (p) => filled(p?.retention) },
  { label: 'destinatari (lett. e)', path: ['privacy', 'recipients'], has: (p) => Array.isArray(p?.recipients) && p.recipients.some(filled) },
  { label: 'fornitore della piattaforma (lett. e)', path: ['privacy', 'platform_provider', 'name'], has: (p) => filled(p?.platform_provider?.name) },
  { label: 'trasferimenti fuori UE (lett. f)', path: ['privacy', 'transfers_outside_eu'], has: (p) => filled(p?.transfers_outside_eu) },
];

function filled(s) {
  return typeof s === 'string' && s.trim() !== '' && !s.includes('«DA COMPILARE');
}
