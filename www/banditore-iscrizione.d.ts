// Types of <banditore-iscrizione> (www/banditore-iscrizione.js): the element, its events and their
// `detail`, the view and the receipt. `View` and `Receipt` are the WASM module's own types
// (src/wasm/widget.rs); scripts/build-widget.mjs inlines them into www/dist/banditore-iscrizione.d.ts.
// Checked by the test command: tests/types/consumer.ts is type-checked with `tsc --noEmit`.
import type { View, Receipt } from './pkg/banditore_widget/banditore_widget.js';

export type { View, Receipt };

/** Where the citizen is in the flow. */
export type Step = View['step'];
/** The steps `show()` may go to (never past the consent). */
export type ShowStep = 'policy' | 'informativa' | 'consent';
/** Interface languages: Italian and English built in, German loaded on demand. */
export type InterfaceLang = 'it' | 'en' | 'de';

/** `banditore:consent`: a consent given, withdrawn or declined. No personal data. */
export interface ConsentDetail {
  action: 'given' | 'revoked' | 'declined';
  profile_id: string;
  /** The receipt when `action` is "given", else null. */
  receipt: Receipt | null;
}

/** `banditore:step`: every step change; `previous` is null on the first one. */
export interface StepDetail {
  step: Step;
  previous: Step | null;
}

/** `banditore:ready`: the first step can be used. */
export interface ReadyDetail {
  step: Step;
  /** JSON paths of the art. 13 elements the profile leaves empty (also logged with console.warn). */
  gaps: string[];
}

/** `banditore:error`: the widget cannot start; the box says why. */
export interface ErrorDetail {
  message: string;
}

/**
 * Interface strings to override, per language. A string replaces a string; a text with
 * arguments takes a template with {0}, {1}... (or [one, many] for a count) or a function.
 */
export type Translations = {
  [L in InterfaceLang]?: {
    steps?: Partial<Record<'policy' | 'informativa' | 'consent' | 'join', string>>;
  } & { [key: string]: string | [string, string] | ((...args: any[]) => string) | Record<string, string> | undefined };
};

export interface BanditoreIscrizioneEventMap extends HTMLElementEventMap {
  'banditore:consent': CustomEvent<ConsentDetail>;
  'banditore:step': CustomEvent<StepDetail>;
  'banditore:ready': CustomEvent<ReadyDetail>;
  'banditore:error': CustomEvent<ErrorDetail>;
}

export interface BanditoreIscrizioneElement extends HTMLElement {
  /** The profile's URL, same origin as the widget (attribute `profile`). */
  profile: string;
  /** Remember the consent receipt on this device (attribute `remember`). */
  remember: boolean;
  /** "lazy": download nothing until the widget comes near the viewport (attribute `loading`). */
  loading: 'eager' | 'lazy';
  /**
   * The profile itself, JSON text or a plain object, instead of the `profile` URL (a page that
   * writes it as it goes, such as the builder's preview); nothing is fetched. Setting it reloads
   * the widget; `null` goes back to the attribute. Read back as JSON text.
   */
  get profileData(): string | null;
  set profileData(value: string | object | null);
  /** Overrides of the interface strings; setting it re-renders. */
  translations: Translations | null;
  /** A copy of the current view, null before the profile is loaded. */
  readonly view: View | null;
  /** The current step, null before ready. */
  readonly step: Step | null;
  /** Withdraws the consent (at the join step); false when there is none to withdraw. */
  revoke(): boolean;
  /** Forgets the consent remembered on this device and starts over. */
  reset(): Promise<void>;
  /** Moves along the flow to `step`; false when not allowed from here. */
  show(step: ShowStep): boolean;
  addEventListener<K extends keyof BanditoreIscrizioneEventMap>(
    type: K,
    listener: (this: BanditoreIscrizioneElement, ev: BanditoreIscrizioneEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'banditore-iscrizione': BanditoreIscrizioneElement;
  }
  // The events bubble and are composed: a page may listen on document.
  interface DocumentEventMap {
    'banditore:consent': CustomEvent<ConsentDetail>;
    'banditore:step': CustomEvent<StepDetail>;
    'banditore:ready': CustomEvent<ReadyDetail>;
    'banditore:error': CustomEvent<ErrorDetail>;
  }
}
