/** The tab titles a stored mapping names (deals, visits, requests), in that order. */
export function mappedTabs(mapping: unknown): string[] {
  if (typeof mapping !== 'object' || mapping === null) return [];
  const tabs = (mapping as { tabs?: unknown }).tabs;
  if (typeof tabs !== 'object' || tabs === null) return [];
  const titles: string[] = [];
  for (const kind of ['deals', 'visits', 'requests']) {
    const sheet = (tabs as Record<string, { sheet?: unknown } | undefined>)[kind]?.sheet;
    if (typeof sheet === 'string' && !titles.includes(sheet)) titles.push(sheet);
  }
  return titles;
}
