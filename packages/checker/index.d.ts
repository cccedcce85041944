// Types of @banditore/checker. The report is the one the CLI prints with `check --format json`.

export type Severity = 'error' | 'warning' | 'info';

/** One problem in the message. `start`/`end` are UTF-16 offsets into the checked text (JS strings). */
export interface Finding {
  /** The rule's id, e.g. `personal-data.phone`, `electoral-period`. */
  rule: string;
  severity: Severity;
  /** UTF-16 code units: `text.slice(start, end)` is the offending text (`start === end` for the whole message). */
  start: number;
  end: number;
  /** UTF-8 byte offsets, as the Rust core counts them. */
  byte_start: number;
  byte_end: number;
  /** The offending text. */
  text: string;
  /** What is wrong, in the checker's language (`lang`). */
  message: string;
  /** The legal or policy source: the comune's article, GDPR, L. 28/2000 art. 9, ... */
  source: string;
  /** A replacement for `text`, when the rule has one. */
  fix?: string | null;
}

export interface Report {
  findings: Finding[];
  /** False while any finding is an error. */
  can_send: boolean;
}

export interface Category {
  id: string;
  label: string;
  [key: string]: unknown;
}

/** A send time: a Date, epoch milliseconds, or RFC 3339 text with an offset. Omitted: now. */
export type SendTime = Date | number | string;

export interface CheckOptions {
  /** A category id of the profile (see `categories`). */
  category?: string;
  /** When the message will be sent (service hours, electoral periods). */
  at?: SendTime;
  /** Messages' language; defaults to the checker's. */
  lang?: 'it' | 'en';
  /** "Now" in epoch milliseconds (tests). */
  now?: number;
}

export interface Draft {
  text: string;
  category?: string;
  send_at?: string;
}

export type GateReason = null | 'errors' | 'check-failed' | 'changed' | 'pending' | 'profile' | 'loading';

export interface GateVerdict {
  /** True only when the check ran on exactly `draft` and found no error. */
  allowed: boolean;
  reason: GateReason;
  errors: Finding[];
  report: Report | null;
  /** Exactly what was judged. */
  draft: Draft | null;
  /** Why the check failed (reason 'check-failed'). */
  error?: CheckerError;
}

export type CheckerErrorCode = 'crashed' | 'timeout' | 'destroyed';

/** The checker itself failed (not the profile): the gate stays closed. */
export declare class CheckerError extends Error {
  readonly code: CheckerErrorCode;
  readonly cause?: unknown;
}

/** A profile problem, from `createChecker` when the profile is invalid. */
export interface ProfileIssue {
  path: string;
  message: string;
  [key: string]: unknown;
}

export interface CheckerOptions {
  /** The comune's profile: an object, its JSON text, or a URL (browser only). */
  profile: object | string;
  /** Check in a Web Worker (default true; Node always checks in its own thread). */
  worker?: boolean;
  lang?: 'it' | 'en';
  /** Milliseconds before a call fails with CheckerError code 'timeout'. */
  timeouts?: { load?: number; check?: number };
}

export interface Checker {
  readonly categories: Category[];
  readonly schedule: { service_hours: unknown; electoral_periods: Array<{ label: string; from: string; to: string }> };
  /** Checks `text` as it would be sent. Rejects with CheckerError when the checker fails. */
  check(text: string, options?: CheckOptions): Promise<Report>;
  /** The pre-send gate for exactly this text, category and time; never throws. */
  gate(text: string, options?: CheckOptions): Promise<GateVerdict>;
  /** Stops the worker; pending calls reject with code 'destroyed'. */
  destroy(): void;
}

/** Loads the profile; rejects with an Error carrying `issues: ProfileIssue[]` when it is invalid. */
export declare function createChecker(options: CheckerOptions): Promise<Checker>;

export declare const VERSION: string;
export declare const DEFAULT_TIMEOUTS: { load: number; check: number };

/** Options of the editor integrations (attachChecker, the CKEditor 5 and TinyMCE plugins). */
export interface EditorCheckerOptions {
  profile: object | string;
  category?: string;
  /** RFC 3339 with offset, or '' for now. */
  sendAt?: string;
  lang?: 'it' | 'en';
  /** Where the panel goes; false for none (default: after the editor). */
  panel?: HTMLElement | false;
  panelLabel?: string;
  /** Milliseconds after the last keystroke (default 250). */
  debounce?: number;
  worker?: boolean;
  /** The folder of the package's dist/ files, when a bundler moved the code away from them. */
  assetsUrl?: string | URL;
  onReady?: (controller: CheckerController, editor?: unknown) => void;
}

/** The controller behind every editor integration. Events: 'profile', 'report', 'gate', 'focus', 'tip'. */
export interface CheckerController extends EventTarget {
  readonly report: Report | null;
  readonly findings: Array<Finding & { index: number; id: string }>;
  readonly error: Error | null;
  readonly checkError: CheckerError | null;
  readonly category: string;
  readonly sendAt: string;
  /** The message exactly as it will be sent (WhatsApp markup). */
  text(): string;
  /** The pre-send gate on what the editor holds now. */
  gate(): Promise<GateVerdict>;
  /** Checks now; the report of the current text, or null. */
  flush(): Promise<Report | null>;
  setProfile(profile: object | string): Promise<void>;
  setCategory(id: string): void;
  setSendAt(rfc3339: string): void;
  applyFix(index: number): Promise<boolean>;
  copyForWhatsApp(): Promise<string>;
  destroy(): void;
}

/** The checker on a <textarea> or a contenteditable element, with its panel. */
export declare function attachChecker(target: HTMLElement, options: EditorCheckerOptions): CheckerController;
