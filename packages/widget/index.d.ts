// Types of @banditore/widget: importing it defines the <banditore-iscrizione> element.
// (Minimal: the element's full API is documented in docs/widget-api.md.)

export interface BanditoreConsentReceipt {
  [key: string]: unknown;
}

/** Configured by its attributes: `profile` (URL of the comune's profile), `lang`, `remember`, `loading`. */
export type BanditoreIscrizioneElement = HTMLElement;

declare global {
  interface HTMLElementTagNameMap {
    'banditore-iscrizione': BanditoreIscrizioneElement;
  }
  interface HTMLElementEventMap {
    'banditore:consent': CustomEvent<BanditoreConsentReceipt>;
  }
}

export {};
