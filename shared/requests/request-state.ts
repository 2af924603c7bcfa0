import type { Message } from '../i18n/locale.ts';

/**
 * Where a filed special request stands. `resubmitted` is not a state: a resubmitted request is
 * decided exactly like a first submission (same steps, same rules), so it goes back to
 * `submitted` and the `resubmit` event keeps the history.
 */
export const REQUEST_STATES = ['draft', 'submitted', 'approved', 'rejected', 'returned', 'recalled'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** What people do to a request. `revise` edits a draft, returned or recalled request's content. */
export const REQUEST_ACTIONS = ['submit', 'resubmit', 'approve', 'reject', 'return', 'recall', 'revise'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** What an event records: an action, or `file` for the request's creation through the API. */
export type RequestEventAction = RequestAction | 'file';

export function isRequestState(value: unknown): value is RequestState {
  return typeof value === 'string' && (REQUEST_STATES as readonly string[]).includes(value);
}

/**
 * The status as the requests tab shows it (the sheet's status column is mirrored from these
 * labels, and a hand-typed value is compared against them).
 */
export const REQUEST_STATE_LABELS: Readonly<Record<RequestState, Message>> = Object.freeze({
  draft: { ja: '下書き', en: 'Draft' },
  submitted: { ja: '承認待ち', en: 'Awaiting approval' },
  approved: { ja: '承認', en: 'Approved' },
  rejected: { ja: '却下', en: 'Rejected' },
  returned: { ja: '差戻し', en: 'Returned' },
  recalled: { ja: '引戻し', en: 'Recalled' },
});

export const REQUEST_ACTION_LABELS: Readonly<Record<RequestEventAction, Message>> = Object.freeze({
  file: { ja: '起票', en: 'Filed' },
  submit: { ja: '申請', en: 'Submitted' },
  resubmit: { ja: '再申請', en: 'Resubmitted' },
  approve: { ja: '承認', en: 'Approved' },
  reject: { ja: '却下', en: 'Rejected' },
  return: { ja: '差戻し', en: 'Returned' },
  recall: { ja: '引戻し', en: 'Recalled' },
  revise: { ja: '修正', en: 'Revised' },
});
