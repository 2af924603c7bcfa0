/** Field name (as the form's controls are named) → message, in the user's language. */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * A field as the service or the add-on names it (`body.cost.hours[0].hours`) → as the sidebar's
 * forms name their controls (`hours[0].hours`).
 */
export function formFieldName(name: string): string {
  return name.replace(/^body\./, '').replace(/^cost\./, '');
}

/** The refused fields keyed as the forms name them; later duplicates are joined. */
export function normalizeFieldErrors(fields: Readonly<Record<string, string>> | undefined): FieldErrors {
  const out: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields ?? {})) {
    const key = formFieldName(name);
    out[key] = out[key] === undefined ? message : `${out[key]} / ${message}`;
  }
  return out;
}
