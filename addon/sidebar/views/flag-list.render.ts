import type { FlagView } from '../../src/rpc/sidebar-rpc.ts';
import { h } from '../dom/h.ts';
import { t } from '../messages.ts';

/** Each flag as a badge in its tone (stale red, warning amber, info blue) with its reason. */
export function flagList(flags: readonly FlagView[]): HTMLElement {
  if (flags.length === 0) return h('p', { class: 'muted small' }, [t('noFlags')]);
  return h(
    'ul',
    { class: 'flags' },
    flags.map((flag) =>
      h('li', { class: `flag flag-${flag.tone}`, 'data-flag': flag.code }, [
        h('span', { class: `badge badge-${flag.tone}` }, [flag.label]),
        h('span', { class: 'flag-reason' }, [flag.reason]),
      ]),
    ),
  );
}
