import { h } from './h.ts';

export interface TabItem<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

export interface Tabs<Id extends string> {
  readonly el: HTMLElement;
  /** Marks `id` selected (the roving tab stop follows); focuses it when asked. */
  select(id: Id, focus?: boolean): void;
}

export const tabIdOf = (id: string): string => `tab-${id}`;
export const panelIdOf = (id: string): string => `panel-${id}`;

/**
 * A WAI-ARIA tablist with manual activation: arrow keys, Home and End move the focus, Enter or
 * Space opens the tab. Manual, because opening a tab calls the add-on, which is not instant.
 */
export function tabList<Id extends string>(label: string, items: readonly TabItem<Id>[], onSelect: (id: Id) => void): Tabs<Id> {
  const buttons = items.map((item) => {
    const button = h('button', { type: 'button', role: 'tab', id: tabIdOf(item.id), 'aria-controls': panelIdOf(item.id), 'aria-selected': 'false', tabindex: -1, class: 'tab', 'data-tab': item.id }, [item.label]);
    button.addEventListener('click', () => onSelect(item.id));
    return button;
  });
  const el = h('div', { role: 'tablist', 'aria-label': label, class: 'tabs' }, buttons);
  el.addEventListener('keydown', (event) => {
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    buttons[(to + buttons.length) % buttons.length]?.focus();
  });
  return {
    el,
    select(id, focus = false) {
      items.forEach((item, i) => {
        const button = buttons[i];
        if (button === undefined) return;
        const selected = item.id === id;
        button.setAttribute('aria-selected', String(selected));
        button.tabIndex = selected ? 0 : -1;
        if (selected && focus) button.focus();
      });
    },
  };
}
