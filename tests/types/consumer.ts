// A site's TypeScript using the widget's published types (www/dist/banditore-iscrizione.d.ts):
// the test command type-checks it with `tsc --noEmit -p tests/types` (tests/node/manifest.test.mjs).
import type { BanditoreIscrizioneElement, ConsentDetail, Receipt, Step, View } from '../../www/dist/banditore-iscrizione.js';

const el = document.querySelector('banditore-iscrizione');
if (el) {
  el.lang = 'en'; // HTMLElement's own property, not redefined
  el.profile = '/banditore/profili/mio-comune.json';
  el.remember = true;
  el.loading = 'lazy';
  el.translations = { de: { continue: 'Weiter', consentMissing: ['1 fehlt', '{0} fehlen'], steps: { policy: 'Kanal' } } };
  const moved: boolean = el.show('consent');
  const revoked: boolean = el.revoke();
  void el.reset().then(() => undefined);
  const step: Step | null = el.step;
  const view: View | null = el.view;
  if (view) {
    const lang: 'it' | 'en' = view.lang;
    const first: string | undefined = view.policy.summary[0];
    const ack = view.consent.acks.find((a) => a.required && !a.checked);
    void [lang, first, ack?.label];
  }
  el.addEventListener('banditore:consent', (e) => {
    const d: ConsentDetail = e.detail;
    const r: Receipt | null = d.receipt;
    if (d.action === 'given' && r) console.log(r.policy_version, r.revision ?? 'no revision', r.acknowledgements.length);
  });
  el.addEventListener('banditore:step', (e) => console.log(e.detail.previous ?? 'start', '->', e.detail.step));
  void [moved, revoked, step];
}
document.addEventListener('banditore:ready', (e) => console.log(e.detail.step));
const made: BanditoreIscrizioneElement = document.createElement('banditore-iscrizione');
made.profile = '/p.json';

// What must not type-check (checked by `tsc`: an unused @ts-expect-error is itself an error).
// @ts-expect-error show() never goes to the join step: consent first.
el?.show('join');
// @ts-expect-error loading is "eager" or "lazy".
if (el) el.loading = 'soon';
// @ts-expect-error the consent event's detail has no personal data field.
el?.addEventListener('banditore:consent', (e) => e.detail.phone);
