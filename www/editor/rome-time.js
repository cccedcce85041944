// Send times are picked as Europe/Rome wall-clock time (the comune's time, whatever the
// editor's computer says) and sent to the checker as RFC 3339 with the right offset.

const fmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit',
});

function romeParts(ms) {
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return p;
}

/** Europe/Rome offset in minutes at instant `ms`. */
export function romeOffsetMinutes(ms) {
  const p = romeParts(ms);
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

/** "2026-05-01T10:00" (Rome wall time) -> "2026-05-01T10:00:00+02:00"; null if malformed. */
export function romeLocalToRfc3339(local) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local || '');
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let off = romeOffsetMinutes(wall - 60 * 60000);
  off = romeOffsetMinutes(wall - off * 60000);
  const sign = off >= 0 ? '+' : '-';
  const a = Math.abs(off);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  const mm = String(a % 60).padStart(2, '0');
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${hh}:${mm}`;
}

/** Instant -> "YYYY-MM-DDTHH:MM" in Rome, for a datetime-local input. */
export function romeLocalString(ms = Date.now()) {
  const p = romeParts(ms);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
