// Demo only: shows the `banditore:consent` events a comune could log (no personal data inside).
const log = document.querySelector('[data-event-log]');
if (log) {
  document.addEventListener('banditore:consent', (e) => {
    log.textContent = `${new Date().toLocaleTimeString("it-IT")} ${e.detail.action}\n${JSON.stringify(e.detail.receipt, null, 2)}\n\n${log.textContent}`;
  });
}
