const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored settings overrides (stage labels among them), or null when none were ever given. */
export function storedSettings(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}
