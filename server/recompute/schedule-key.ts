// pg-boss keys allow only [A-Za-z0-9_.-/]; IANA zones may hold '+' (Etc/GMT+9). Every other
// character becomes `.hex.`, and '.' (in no zone name) is escaped too, so two zones never share a key.
const PLAIN = /[A-Za-z0-9_\-/]/;

/** The key of a time zone's schedule: the zone itself unless it holds a character pg-boss refuses. */
export function scheduleKeyOf(timeZone: string): string {
  let key = '';
  for (const char of timeZone) key += PLAIN.test(char) ? char : `.${(char.codePointAt(0) ?? 0).toString(16)}.`;
  return key;
}
