import { indexLabels, isBlankMarker, labelKey } from '../cells/normalize-text.ts';
import { REQUEST_STATE_LABELS, REQUEST_STATES, type RequestState } from './request-state.ts';

// What teams type in a status column before (or instead of) the API deciding: the service's own
// labels first, then common spellings.
const SPELLINGS: Readonly<Record<RequestState, readonly string[]>> = {
  draft: ['未申請', '作成中'],
  submitted: ['申請中', '申請済', '申請済み', '承認中', '審査中', '再申請', 'Submitted', 'Pending', 'In review'],
  approved: ['承認済', '承認済み', '決裁済', '決裁済み', '可', 'OK'],
  rejected: ['否認', '不承認', '却下済', '不可', 'NG', 'Declined'],
  returned: ['差し戻し', '差戻', '差し戻', '要修正', 'Sent back'],
  recalled: ['引き戻し', '取下げ', '取り下げ', '取消', 'Withdrawn', 'Cancelled'],
};

const TABLE = Object.fromEntries(
  REQUEST_STATES.map((s) => [s, [REQUEST_STATE_LABELS[s].ja, REQUEST_STATE_LABELS[s].en, ...SPELLINGS[s]]]),
) as Record<RequestState, string[]>;

const INDEX = indexLabels(TABLE);

/**
 * The workflow state a status typed into the requests tab means, or null when it is blank or
 * means nothing known. Used for rows nobody filed through the API, whose sheet is all there is.
 */
export function stateFromSheetStatus(text: string | null): RequestState | null {
  if (text === null || isBlankMarker(text)) return null;
  return INDEX.get(labelKey(text)) ?? null;
}
