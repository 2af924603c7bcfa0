import { parseStoredMapping } from '../../shared/mapping/stored-mapping.ts';
import { TAB_KINDS } from '../../shared/records/tab-kind.ts';

/** The tab titles a stored mapping names (deals, visits, requests), in that order, each once. */
export function mappedTabs(mapping: unknown): string[] {
  const tabs = parseStoredMapping(mapping)?.tabs ?? {};
  const titles = TAB_KINDS.map((kind) => tabs[kind]?.sheet).filter((sheet): sheet is string => sheet !== undefined);
  return [...new Set(titles)];
}
