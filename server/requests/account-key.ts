import { sql, type Expression, type RawBuilder } from 'kysely';

// Accounts are matched as the sync matches rows (natural-key.ts): NFKC, no whitespace, lower
// case. Both sides go through the same SQL, so Postgres and the input fold alike.
export function accountKeySql(value: Expression<string | null> | string): RawBuilder<string> {
  const text = typeof value === 'string' ? sql`${value}::text` : value;
  return sql<string>`lower(regexp_replace(normalize(coalesce(${text}, ''), NFKC), '\\s+', '', 'g'))`;
}
