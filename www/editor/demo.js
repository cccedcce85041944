// Shared by the demo pages: the profile switcher (the five seed comuni), the simulated CMS
// "Pubblica" button that goes through the pre-send gate, and a hook for the browser tests.

export const SEED_PROFILES = [
  ['seveso', 'Seveso'],
  ['leini', 'Leinì'],
  ['concorezzo', 'Concorezzo'],
  ['siracusa', 'Siracusa'],
  ['sesto-calende', 'Sesto Calende'],
];

/** The profile chosen by ?profile= (any id served under /profiles/), default Seveso. */
export function currentProfileId() {
  const id = new URLSearchParams(location.search).get('profile') || 'seveso';
  return /^[a-z0-9-]+$/.test(id) ? id : 'seveso';
}

export const profileUrl = (id) => `/profiles/${id}.json`;

/** Fills the switcher; changing it reloads the checker with the other comune's profile. */
export function bindSwitcher(select, onChange) {
  const current = currentProfileId();
  const ids = SEED_PROFILES.map(([id]) => id);
  const options = ids.includes(current) ? SEED_PROFILES : [...SEED_PROFILES, [current, current]];
  select.replaceChildren(
    ...options.map(([id, label]) => {
      const o = document.createElement('option');
      o.value = id;
      o.textContent = label;
      return o;
    }),
  );
  select.value = current;
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('profile', select.value);
    history.replaceState(null, '', url);
    onChange(select.value);
  });
}

/** The CMS's publish button: it asks the gate through the `banditore:before-send` event. */
export function bindPublish(button, output, getController) {
  button.addEventListener('click', async () => {
    const ctl = getController();
    // A real CMS would dispatch the event and, on "pending", await the gate; the demo does both.
    const ev = new CustomEvent('banditore:before-send', { cancelable: true, detail: {} });
    let allowed = ctl.host.dispatchEvent(ev);
    if (!allowed && ev.detail.results?.every((r) => r.reason === 'pending')) allowed = (await ctl.gate()).allowed;
    output.textContent = allowed ? 'Pubblicato (simulazione): il controllo è passato.' : 'Pubblicazione bloccata: correggi gli errori segnalati.';
    output.className = allowed ? 'demo-ok' : 'demo-refused';
  });
}

export function expose(obj) {
  window.banditoreDemo = obj;
  document.documentElement.dataset.bndReady = 'true';
}
