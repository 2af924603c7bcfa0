import type { Locale } from '../../../shared/i18n/locale.ts';
import { FIELD_SYNONYMS, REQUIRED_FIELDS } from '../../../shared/mapping/field-synonyms.ts';
import type { FieldOf, TabKind } from '../../../shared/records/tab-kind.ts';

const LATIN = /^[A-Za-z]/;

/** The fields of a kind of tab, in the synonym table's order. */
export function fieldsOf<K extends TabKind>(kind: K): FieldOf<K>[] {
  return Object.keys(FIELD_SYNONYMS[kind]) as FieldOf<K>[];
}

/** A field as people call it: the first synonym in the user's language (the header set-up creates, in Japanese). */
export function fieldLabel(kind: TabKind, field: string, locale: Locale): string {
  const synonyms = (FIELD_SYNONYMS[kind] as Readonly<Record<string, readonly string[]>>)[field] ?? [];
  // An abbreviation (VOC, GP) is a synonym to match, not a label to show.
  const label = locale === 'en' ? synonyms.find((s) => LATIN.test(s) && s !== s.toUpperCase()) : synonyms.find((s) => !LATIN.test(s));
  return label ?? synonyms[0] ?? field;
}

/** Fields every acceptable set of required fields includes: a tab of the kind cannot do without them. */
export function alwaysRequired(kind: TabKind): ReadonlySet<string> {
  const sets = REQUIRED_FIELDS[kind] as readonly (readonly string[])[];
  const [first = [], ...rest] = sets;
  return new Set(first.filter((f) => rest.every((set) => set.includes(f))));
}

/** The headers set-up writes into a tab it creates: each field's first (Japanese) synonym. */
export function newTabHeaders(kind: TabKind): string[] {
  const table = FIELD_SYNONYMS[kind] as Readonly<Record<string, readonly string[]>>;
  return fieldsOf(kind).map((field) => table[field]?.[0] ?? field);
}
