// The opt-in memory of a consent: only the receipt (profile id, policy version, language, time,
// acknowledgement ids), never anything about the person. Storage may be unavailable (private
// modes, sandboxed frames): then the widget simply forgets.
const PREFIX = 'banditore:receipt:';

export function keyFor(profileId) {
  return PREFIX + String(profileId ?? '');
}

export function load(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function save(key, receiptJson) {
  if (!receiptJson) return;
  try {
    localStorage.setItem(key, receiptJson);
  } catch {
    /* storage full or forbidden: the consent still holds for this visit */
  }
}

export function clear(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    /* nothing stored */
  }
}
