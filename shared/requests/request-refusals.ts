import { format, type Message, type MessageParams } from '../i18n/locale.ts';

/** Why the workflow refused an action; the server maps each to an HTTP status. */
export type RefusalCode =
  /** The action does not apply to the request's current state (someone else moved it, or it is decided). */
  | 'not_in_state'
  /** Only the requester submits, resubmits, revises or recalls. */
  | 'not_requester'
  /** The current approval step needs a role the actor does not hold. */
  | 'missing_role'
  /** Nobody decides their own request. */
  | 'own_request'
  /** The requests tab's requester cell names the person deciding: their own request too. */
  | 'named_requester'
  /** The requests tab names another requester by email: only they file (submit) the row. */
  | 'not_named_requester'
  /** One person approves one step of a round: a two-step route means two people. */
  | 'same_approver'
  | 'comment_required'
  | 'background_missing'
  | 'background_too_thin'
  /** A request without a cost cannot be routed. */
  | 'cost_unknown';

const REFUSALS: Readonly<Record<RefusalCode, Message>> = Object.freeze({
  not_in_state: {
    ja: '「{state}」の申請には「{action}」できません',
    en: 'the request is “{stateEn}”: it cannot be {actionEn}',
  },
  not_requester: {
    ja: '申請者本人({requester})だけが「{action}」できます',
    en: 'only the requester ({requester}) may do this',
  },
  missing_role: {
    ja: 'この承認ステップは{role}の権限が必要です',
    en: 'this approval step needs the {roleEn} role',
  },
  own_request: {
    ja: '自分の申請は承認・却下・差戻しできません',
    en: 'nobody decides their own request',
  },
  named_requester: {
    ja: '申請タブの申請者欄({requester})があなたを指しています。自分の申請は承認・却下・差戻しできません',
    en: 'the requests tab names you as the requester ({requester}): nobody decides their own request',
  },
  not_named_requester: {
    ja: '申請タブの申請者欄は{requester}です。この申請を提出できるのは申請者本人だけです',
    en: 'the requests tab names {requester} as the requester: only they may submit this request',
  },
  same_approver: {
    ja: 'この申請の前のステップを承認済みです。次のステップは別の人が承認します',
    en: 'you approved an earlier step of this request: the next step needs someone else',
  },
  comment_required: {
    ja: '「{action}」には理由のコメントが必要です',
    en: 'say why in a comment when the request is {actionEn}',
  },
  background_missing: {
    ja: '背景(お客様がなぜ求めているか)が未入力です。判断の前に背景を確認してください',
    en: 'the background (why the customer asks) is missing: confirm it before the request is judged',
  },
  background_too_thin: {
    ja: '背景が{chars}文字しかありません({min}文字以上で、お客様がなぜ求めているかを書いてください)',
    en: 'the background has only {chars} characters: write at least {min} on why the customer asks',
  },
  cost_unknown: {
    ja: '費用の見積がないため承認ルートを決められません',
    en: 'the request has no cost estimate, so it cannot be routed',
  },
});

/** The refusal's text in both languages, placeholders filled. */
export function refusalMessage(code: RefusalCode, params: MessageParams = {}): Message {
  const template = REFUSALS[code];
  return { ja: format(template.ja, params), en: format(template.en, params) };
}
