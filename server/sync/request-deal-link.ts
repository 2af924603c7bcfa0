import { dealKey } from './natural-key.ts';

/** A deal as the linker sees it: its id and the account and title the sheet gives it. */
export interface LinkableDeal {
  readonly id: string;
  readonly account: string | null;
  readonly title: string | null;
}

export type DealLinker = (account: string | null, title: string | null) => string | null;

/**
 * Finds the deal a visit or request names: by account and title, or by the title alone when no
 * other deal has it. The sync links with it over the sheet's deal rows; a visit logged through
 * the API links over the deals Postgres holds, which are those rows as the last sync read them.
 */
export function dealLinkerOf(deals: () => Iterable<LinkableDeal>): DealLinker {
  // Built on first use: listing the deals may parse every row's account and title, which a
  // same-day re-sync with no visit or request changes never needs.
  let maps: { byKey: Map<string, string>; byTitle: Map<string, string | null> } | null = null;
  const build = () => {
    const byKey = new Map<string, string>();
    const byTitle = new Map<string, string | null>();
    for (const d of deals()) {
      byKey.set(dealKey(d.account, d.title), d.id);
      const title = dealKey(null, d.title);
      byTitle.set(title, byTitle.has(title) ? null : d.id);
    }
    return { byKey, byTitle };
  };
  return (account, title) => {
    if (title === null) return null;
    maps ??= build();
    return maps.byKey.get(dealKey(account, title)) ?? maps.byTitle.get(dealKey(null, title)) ?? null;
  };
}
