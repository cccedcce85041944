// @banditore/checker/tinymce is a classic script for TinyMCE's `external_plugins`: it registers
// the `banditore` plugin (toolbar button and command `banditoreCheck`) and exports nothing.
import type { EditorCheckerOptions } from './index.js';

/** The `banditore` option of tinymce.init(); `css: false` keeps the panel's stylesheet out of the page. */
export type BanditoreTinyMceOptions = EditorCheckerOptions & { css?: boolean };
