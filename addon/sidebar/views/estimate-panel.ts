import { ROLE_LABELS } from '../../../shared/cost/role-labels.ts';
import { fill, h, uid } from '../dom/h.ts';
import { currentLocale, t } from '../messages.ts';
import type { LiveEstimate } from '../model/cost-draft.model.ts';
import { formatYen } from '../model/format.ts';

export interface EstimatePanel {
  readonly el: HTMLElement;
  update(estimate: LiveEstimate): void;
}

/** The live estimate: each cost line, the total and the approval steps the total routes to. */
export function estimatePanel(): EstimatePanel {
  const headingId = uid('est');
  const lines = h('div', { class: 'estimate-lines' });
  // Announced politely and whole, so a screen reader hears the new total, not every digit.
  const total = h('p', { class: 'estimate-total', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const route = h('p', { class: 'estimate-route' });
  const el = h('section', { class: 'estimate', 'aria-labelledby': headingId }, [h('h3', { class: 'section-title', id: headingId }, [t('estimateHeading')]), lines, total, route]);

  return {
    el,
    update(estimate) {
      const locale = currentLocale();
      if (estimate.kind === 'invalid') {
        fill(lines, [h('p', { class: 'estimate-invalid' }, [t('estimateInvalid')]), ...estimate.problems.map((p) => h('p', { class: 'small muted' }, [p]))]);
        fill(total, []);
        fill(route, []);
        el.dataset['state'] = 'invalid';
        return;
      }
      el.dataset['state'] = 'ok';
      fill(lines, [
        estimate.lines.length === 0
          ? h('p', { class: 'muted small' }, [t('estimateEmpty')])
          : h(
              'table',
              { class: 'cost-table' },
              [h('tbody', {}, estimate.lines.map((line) =>
                h('tr', {}, [
                  h('th', { scope: 'row' }, [line.label, h('span', { class: 'cost-detail' }, [line.detail])]),
                  h('td', { class: 'num' }, [formatYen(line.amount)]),
                ]),
              ))],
            ),
      ]);
      fill(total, [h('span', {}, [t('total')]), h('strong', { class: 'num', 'data-total': estimate.total }, [formatYen(estimate.total)])]);
      fill(route, [
        h('span', { class: 'muted' }, [`${t('approvalRoute')}: `]),
        ...estimate.steps.flatMap((role, i) => [i > 0 ? h('span', { class: 'route-arrow', 'aria-hidden': 'true' }, [' → ']) : null, h('span', { class: 'pill pill-role' }, [ROLE_LABELS[role][locale]])]),
      ]);
    },
  };
}
