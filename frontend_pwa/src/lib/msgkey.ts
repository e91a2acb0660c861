// Catalogue keys: the compiled catalogues are keyed by a short hash of the English text, so
// the English ids (already in the code as t() arguments) do not ship a second time.
const keys = new Map<string, string>();

/** The catalogue key of a message (FNV-1a, base 36), as scripts/i18n-vite.mjs computes it. */
export function msgKey(message: string): string {
  let key = keys.get(message);
  if (key === undefined) {
    let h = 0x811c9dc5;
    for (let i = 0; i < message.length; i++) {
      h ^= message.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    key = (h >>> 0).toString(36);
    keys.set(message, key);
  }
  return key;
}
