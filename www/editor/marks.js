// Helpers the adapters share: hit-testing marks under the pointer and the F8 shortcut.

/** The finding whose rects contain (x, y), if any. `rects(f)` returns client rects. */
export function findingAt(findings, rects, x, y) {
  for (const f of findings) {
    for (const r of rects(f)) {
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return { finding: f, rect: r };
    }
  }
  return null;
}

/** F8 / Shift+F8: next / previous finding. Returns true when handled. */
export function navKey(ev, events) {
  if (ev.key !== 'F8' || ev.altKey || ev.ctrlKey || ev.metaKey) return false;
  ev.preventDefault();
  events?.key(ev.shiftKey ? 'prev' : 'next');
  return true;
}

export const SEVERITIES = ['error', 'warning', 'info'];
