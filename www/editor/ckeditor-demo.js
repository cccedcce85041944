// Bundled by scripts/build-packages.mjs into ckeditor-demo.bundle.js, with 'ckeditor5' mapped to
// the browser build served at /vendor/ckeditor5/ (the plugin imports from 'ckeditor5', as an npm
// install of CKEditor 5 resolves it).
import {
  ClassicEditor, Essentials, Paragraph, Heading, Bold, Italic, Strikethrough, Code, List, Link, BlockQuote, CodeBlock, Undo, AccessibilityHelp,
} from 'ckeditor5';
import italiano from '/vendor/ckeditor5/translations/it.js';
import { BanditoreChecker } from './ckeditor-plugin.js';
import { bindSwitcher, bindPublish, currentProfileId, profileUrl, expose } from './demo.js';

const editor = await ClassicEditor.create(document.getElementById('editor'), {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Heading, Bold, Italic, Strikethrough, Code, List, Link, BlockQuote, CodeBlock, Undo, AccessibilityHelp, BanditoreChecker],
  toolbar: ['heading', '|', 'bold', 'italic', 'strikethrough', 'code', '|', 'bulletedList', 'numberedList', 'link', 'blockQuote', 'codeBlock', '|', 'undo', 'redo', '|', 'banditoreCheck'],
  language: 'it',
  translations: [italiano], // the editor's own UI in Italian, like the checker's panel
  banditore: { profile: profileUrl(currentProfileId()), panel: document.getElementById('panel') },
});
const ctl = editor.plugins.get('BanditoreChecker').controller;
bindSwitcher(document.getElementById('profile'), (id) => ctl.setProfile(profileUrl(id)));
bindPublish(document.getElementById('publish'), document.getElementById('publish-result'), () => ctl);
expose({ ctl, editor, plugin: editor.plugins.get('BanditoreChecker'), kind: 'ckeditor' });
