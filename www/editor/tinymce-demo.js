/* global tinymce */
import { registerTinyMcePlugin } from './tinymce-plugin.js';
import { bindSwitcher, bindPublish, currentProfileId, profileUrl, expose } from './demo.js';

registerTinyMcePlugin(tinymce);
const [editor] = await tinymce.init({
  selector: '#editor',
  license_key: 'gpl',
  base_url: '/vendor/tinymce',
  suffix: '.min',
  // The editor's own UI in Italian, like the checker's panel (the community translation, served locally).
  language: 'it',
  language_url: '/vendor/tinymce-i18n/it.js',
  promotion: false,
  branding: false,
  menubar: false,
  height: 300,
  iframe_aria_text: 'Messaggio per il canale',
  plugins: 'lists link code banditore',
  toolbar: 'undo redo | bold italic strikethrough | bullist numlist | link | banditoreCheck',
  banditore: { profile: profileUrl(currentProfileId()), panel: document.getElementById('panel') },
});
// iframe_aria_text names the editable body; the iframe itself needs a title too (WCAG 4.1.2).
editor.iframeElement?.setAttribute('title', 'Messaggio per il canale');
const ctl = editor.plugins.banditore.controller;
bindSwitcher(document.getElementById('profile'), (id) => ctl.setProfile(profileUrl(id)));
bindPublish(document.getElementById('publish'), document.getElementById('publish-result'), () => ctl);
expose({ ctl, editor, kind: 'tinymce' });
