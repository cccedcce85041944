/* The banditore/iscrizione block in the editor: a placeholder and the sidebar options. The
 * published page renders the real widget on the server (render_callback). Plain JS over the wp.*
 * globals WordPress ships: no build step. Strings come translated from PHP (banditoreBlock). */
(function (wp, t) {
  'use strict';
  var el = wp.element.createElement;
  var be = wp.blockEditor;
  var c = wp.components;

  wp.blocks.registerBlockType('banditore/iscrizione', {
    apiVersion: 2,
    title: t.title,
    description: t.description,
    category: 'widgets',
    icon: 'megaphone',
    supports: { html: false },
    keywords: ['banditore', 'whatsapp', 'telegram', 'iscrizione', 'canale', 'newsletter'],
    attributes: {
      remember: { type: 'boolean', default: false },
      lang: { type: 'string', default: '' },
      headingLevel: { type: 'number', default: 2 },
    },
    edit: function (props) {
      var a = props.attributes;
      var set = props.setAttributes;
      return el(
        'div',
        be.useBlockProps({ className: 'banditore-block-placeholder' }),
        el(
          be.InspectorControls,
          null,
          el(
            c.PanelBody,
            { title: t.settings, initialOpen: true },
            el(c.ToggleControl, {
              label: t.remember,
              help: t.rememberHelp,
              checked: !!a.remember,
              onChange: function (v) { set({ remember: !!v }); },
            }),
            el(c.SelectControl, {
              label: t.lang,
              value: a.lang,
              options: [
                { value: '', label: t.langSite },
                { value: 'it', label: t.italian },
                { value: 'en', label: t.english },
              ],
              onChange: function (v) { set({ lang: v }); },
            }),
            el(c.SelectControl, {
              label: t.heading,
              value: String(a.headingLevel),
              options: [1, 2, 3, 4, 5].map(function (n) { return { value: String(n), label: 'H' + n }; }),
              onChange: function (v) { set({ headingLevel: Number(v) }); },
            })
          )
        ),
        el(c.Placeholder, { icon: 'megaphone', label: t.title, instructions: t.noProfile || t.placeholder })
      );
    },
    save: function () { return null; },
  });
})(window.wp, window.banditoreBlock);
