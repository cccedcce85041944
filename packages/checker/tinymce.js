// The TinyMCE plugin as a classic script for `external_plugins` (TinyMCE 4.9 to the current one):
//
//   tinymce.init({ selector: '#messaggio', external_plugins: { banditore: '/banditore/checker/banditore-tinymce.js' },
//                  toolbar: 'bold italic | banditoreCheck', banditore: { profile: '/banditore/profiles/mio-comune.json' } })
//
// It finds the checker's worker, glue, .wasm and stylesheets beside itself, and adds the panel's
// stylesheet to the page unless `banditore: { css: false }` (a site that ships its own).
import { registerTinyMcePlugin } from '../../www/editor/tinymce-plugin.js';

const here = new URL('.', import.meta.url).href;
const tinymce = globalThis.tinymce;
if (!tinymce) throw new Error('Banditore: caricare TinyMCE prima del plugin / load TinyMCE before the plugin');

registerTinyMcePlugin(tinymce, { assetsUrl: here, pageCss: true });
