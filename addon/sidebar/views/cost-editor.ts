import type { RequestPolicy } from '../../../shared/cost/request-policy.ts';
import { errorSlot, field, selectInput, textInput, type Control } from '../dom/field.ts';
import { fill, h, uid } from '../dom/h.ts';
import { t } from '../messages.ts';
import { EMPTY_COST_DRAFT, type CostDraft } from '../model/cost-draft.model.ts';

export interface CostEditor {
  readonly el: HTMLElement;
  read(): CostDraft;
}

type HoursLine = CostDraft['hours'][number];
type DirectLine = CostDraft['directCosts'][number];

const numberAttrs = { inputmode: 'decimal', class: 'input input-number' } as const;

function lineLabel(control: Control, text: string): HTMLElement {
  if (control.id === '') control.id = uid('c');
  return h('label', { for: control.id, class: 'visually-hidden' }, [text]);
}

function removeButton(n: number, onClick: () => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'btn-icon', 'aria-label': t('removeLine', { n }), title: t('removeLine', { n }) }, ['×']);
  button.addEventListener('click', onClick);
  return button;
}

/**
 * The cost inputs of the request form: hours per role (the roles the policy has rates for),
 * direct costs, the discount and a recurring cost. Lines are added and removed in place; every
 * change fires an `input` event on the form, which recomputes the estimate.
 */
export function costEditor(policy: RequestPolicy): CostEditor {
  let hours: HoursLine[] = [...EMPTY_COST_DRAFT.hours];
  let direct: DirectLine[] = [];
  const hoursList = h('div', { class: 'lines' });
  const directList = h('div', { class: 'lines' });
  const roleOptions = [
    { value: '', label: t('chooseOne') },
    ...Object.keys(policy.hourlyRates).map((role) => ({ value: role, label: role })),
  ];

  const changed = (): void => {
    hoursList.dispatchEvent(new Event('input', { bubbles: true }));
  };

  const renderHours = (focusAt: number | null): void => {
    fill(
      hoursList,
      hours.map((line, i) => {
        const n = i + 1;
        const role = selectInput(`hours[${i}].role`, roleOptions, line.role, { class: 'input line-main' });
        const amount = textInput(`hours[${i}].hours`, line.hours, { ...numberAttrs, placeholder: t('hoursPlaceholder') });
        const remove = removeButton(n, () => {
          hours = readHours().filter((_, j) => j !== i);
          renderHours(Math.min(i, hours.length - 1));
          if (hours.length === 0) addHours.focus();
          changed();
        });
        if (focusAt === i) queueMicrotask(() => role.focus());
        return h('div', { class: 'line' }, [
          h('div', { class: 'line-controls' }, [lineLabel(role, t('roleN', { n })), role, lineLabel(amount, t('hoursN', { n })), amount, remove]),
          errorSlot(role),
          errorSlot(amount),
        ]);
      }),
    );
  };

  const renderDirect = (focusAt: number | null): void => {
    fill(
      directList,
      direct.map((line, i) => {
        const n = i + 1;
        const label = textInput(`directCosts[${i}].label`, line.label, { class: 'input line-main', placeholder: t('directLabelPlaceholder'), maxlength: 200 });
        const amount = textInput(`directCosts[${i}].amount`, line.amount, { ...numberAttrs, placeholder: t('amountPlaceholder') });
        const remove = removeButton(n, () => {
          direct = readDirect().filter((_, j) => j !== i);
          renderDirect(Math.min(i, direct.length - 1));
          if (direct.length === 0) addDirect.focus();
          changed();
        });
        if (focusAt === i) queueMicrotask(() => label.focus());
        return h('div', { class: 'line' }, [
          h('div', { class: 'line-controls' }, [lineLabel(label, t('directLabelN', { n })), label, lineLabel(amount, t('directAmountN', { n })), amount, remove]),
          errorSlot(label),
          errorSlot(amount),
        ]);
      }),
    );
  };

  const valueOf = (list: HTMLElement, name: string): string => {
    const control = [...list.querySelectorAll<Control>('input, select')].find((c) => c.name === name);
    return control?.value ?? '';
  };
  const readHours = (): HoursLine[] => hours.map((_, i) => ({ role: valueOf(hoursList, `hours[${i}].role`), hours: valueOf(hoursList, `hours[${i}].hours`) }));
  const readDirect = (): DirectLine[] => direct.map((_, i) => ({ label: valueOf(directList, `directCosts[${i}].label`), amount: valueOf(directList, `directCosts[${i}].amount`) }));

  const addHours = h('button', { type: 'button', class: 'btn btn-small btn-quiet' }, [`+ ${t('addRole')}`]);
  addHours.addEventListener('click', () => {
    hours = [...readHours(), { role: '', hours: '' }];
    renderHours(hours.length - 1);
  });
  const addDirect = h('button', { type: 'button', class: 'btn btn-small btn-quiet' }, [`+ ${t('addDirect')}`]);
  addDirect.addEventListener('click', () => {
    direct = [...readDirect(), { label: '', amount: '' }];
    renderDirect(direct.length - 1);
  });

  const discount = textInput('discount', '', numberAttrs);
  const monthly = textInput('recurring.monthly', '', numberAttrs);
  const months = textInput('recurring.months', '', { ...numberAttrs, inputmode: 'numeric' });
  renderHours(null);
  renderDirect(null);

  const groupTitle = (text: string): HTMLElement => h('p', { class: 'group-title' }, [text]);
  const headingId = uid('cost');
  const el = h('section', { class: 'cost-editor', 'aria-labelledby': headingId }, [
    h('h3', { class: 'section-title', id: headingId }, [t('costHeading')]),
    groupTitle(t('hoursHeading')),
    hoursList,
    addHours,
    groupTitle(t('directHeading')),
    directList,
    addDirect,
    field({ label: t('discount'), control: discount }),
    groupTitle(t('recurringHeading')),
    h('div', { class: 'pair' }, [field({ label: t('monthly'), control: monthly }), field({ label: t('months'), control: months })]),
  ]);

  return {
    el,
    read: () => ({ hours: readHours(), directCosts: readDirect(), discount: discount.value, recurringMonthly: monthly.value, recurringMonths: months.value }),
  };
}
