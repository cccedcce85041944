import { attachChecker } from './attach-checker.js';
import { bindSwitcher, bindPublish, currentProfileId, profileUrl, expose } from './demo.js';

const ta = document.getElementById('message');
const rich = document.getElementById('rich');
const profile = profileUrl(currentProfileId());
const ctl = attachChecker(ta, { profile, panel: document.getElementById('panel'), panelLabel: 'campo di testo' });
const richCtl = attachChecker(rich, { profile, panel: document.getElementById('panel-rich'), panelLabel: 'editor ricco' });
bindSwitcher(document.getElementById('profile'), (id) => {
  ctl.setProfile(profileUrl(id));
  richCtl.setProfile(profileUrl(id));
});
bindPublish(document.getElementById('publish'), document.getElementById('publish-result'), () => ctl);
expose({ ctl, richCtl, kind: 'textarea' });
