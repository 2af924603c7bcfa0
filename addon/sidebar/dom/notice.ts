import type { RpcError } from '../../src/rpc/sidebar-rpc.ts';
import { h, type Child } from './h.ts';

export interface NoticeAction {
  readonly label: string;
  readonly onClick: () => void;
  readonly primary?: boolean;
}

function actionsOf(actions: readonly NoticeAction[]): HTMLElement | null {
  if (actions.length === 0) return null;
  return h(
    'div',
    { class: 'notice-actions' },
    actions.map((a) => {
      const button = h('button', { type: 'button', class: a.primary === true ? 'btn btn-primary btn-small' : 'btn btn-small' }, [a.label]);
      button.addEventListener('click', a.onClick);
      return button;
    }),
  );
}

/** An error in words the person can act on, announced at once (role=alert). */
export function errorNotice(error: RpcError, actions: readonly NoticeAction[] = [], extra: readonly string[] = []): HTMLElement {
  return h('div', { class: 'notice notice-error', role: 'alert', 'data-error-code': error.code }, [
    h('p', { class: 'notice-title' }, [error.message]),
    extra.length > 0 ? h('ul', { class: 'notice-list' }, extra.map((m) => h('li', {}, [m]))) : null,
    actionsOf(actions),
  ]);
}

/** A finished action's outcome. */
export function successNotice(title: string, lines: readonly Child[] = [], actions: readonly NoticeAction[] = []): HTMLElement {
  return h('div', { class: 'notice notice-success', role: 'status' }, [
    h('p', { class: 'notice-title' }, [title]),
    ...lines.map((line) => h('p', { class: 'notice-line' }, [line])),
    actionsOf(actions),
  ]);
}

/** Nothing to show yet, and what to do about it. */
export function emptyState(title: string, body: string, actions: readonly NoticeAction[] = []): HTMLElement {
  return h('div', { class: 'empty' }, [h('p', { class: 'empty-title' }, [title]), body === '' ? null : h('p', { class: 'muted' }, [body]), actionsOf(actions)]);
}
