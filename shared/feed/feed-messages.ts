import type { Message } from '../i18n/locale.ts';
import { DEFAULT_REQUEST_POLICY } from '../cost/request-policy.ts';

/** Sentences of the feed, the digest and the daily report, in both languages. */
export const FEED_MESSAGES = Object.freeze({
  subjectDealAccount: { ja: '「{title}」({account})', en: '"{title}" ({account})' },
  subjectDeal: { ja: '「{title}」', en: '"{title}"' },
  subjectAccount: { ja: '{account}', en: '{account}' },
  subjectUnknown: { ja: '(対象不明)', en: '(unknown record)' },

  stageChanged: { ja: '{subject}のステージが{from}→{to}に変わりました({date})', en: '{subject} moved from {from} to {to} ({date})' },
  stageEntered: { ja: '{subject}のステージが{to}になりました({date})', en: '{subject} entered {to} ({date})' },
  stageCleared: { ja: '{subject}のステージが空欄になりました(元: {from})', en: '{subject} no longer has a stage (was {from})' },
  noStage: { ja: '(なし)', en: '(none)' },

  flagRaised: { ja: '{subject}に新しいフラグ: {flags}', en: 'New flag on {subject}: {flags}' },
  flagWithReason: { ja: '{label}({reason})', en: '{label} ({reason})' },

  visitLogged: { ja: '{who}が{subject}を訪問({date})', en: '{who} visited {subject} ({date})' },
  visitLoggedUndated: { ja: '{who}が{subject}の訪問を記録', en: '{who} logged a visit to {subject}' },
  visitMet: { ja: '面談: {text}', en: 'Met: {text}' },
  visitAsked: { ja: '顧客の要望: {text}', en: 'Customer asked: {text}' },
  visitAskedSomething: { ja: '顧客の要望あり', en: 'The customer asked for something' },
  visitNext: { ja: '次回: {action}', en: 'Next: {action}' },
  visitNextDated: { ja: '次回: {action}({date})', en: 'Next: {action} (by {date})' },
  someone: { ja: '担当者', en: 'Someone' },

  requestEvent: { ja: '{subject}の{request}が{action}', en: '{request} on {subject} {action}' },
  requestNoun: { ja: '申請', en: 'Request' },
  requestTyped: { ja: '{type}申請', en: '{type} request' },
  requestCost: { ja: '{request}({cost})', en: '{request} ({cost})' },
  requestBy: { ja: '({who})', en: ' (by {who})' },
  requestComment: { ja: 'コメント: {text}', en: 'Comment: {text}' },
  requestUpdated: { ja: '更新されました', en: 'was updated' },

  unknownEntry: { ja: '{subject}に更新があります', en: 'Update on {subject}' },

  visitBall: { ja: 'ボール: {ball}', en: 'Ball: with {ball}' },
  ballUs: { ja: '自社', en: 'us' },
  ballCustomer: { ja: 'お客様', en: 'the customer' },
} satisfies Record<string, Message>);

/** What happened to a request, per action of its workflow. */
export const REQUEST_ACTION_MESSAGES: Readonly<Record<string, Message>> = Object.freeze({
  file: { ja: '起票されました', en: 'was filed' },
  submit: { ja: '申請されました', en: 'was submitted' },
  resubmit: { ja: '再申請されました', en: 'was resubmitted' },
  approve: { ja: '承認されました', en: 'was approved' },
  reject: { ja: '却下されました', en: 'was rejected' },
  return: { ja: '差戻されました', en: 'was returned for rework' },
  recall: { ja: '引き戻されました', en: 'was recalled' },
  revise: { ja: '修正されました', en: 'was revised' },
});

/** The state a request reached, for events that name no action. */
export const REQUEST_STATE_MESSAGES: Readonly<Record<string, Message>> = Object.freeze({
  draft: { ja: '下書きになりました', en: 'became a draft' },
  submitted: { ja: '承認待ちになりました', en: 'is awaiting approval' },
  approved: { ja: '承認されました', en: 'was approved' },
  rejected: { ja: '却下されました', en: 'was rejected' },
  returned: { ja: '差戻されました', en: 'was returned for rework' },
  recalled: { ja: '引き戻されました', en: 'was recalled' },
});

// The request types' default labels: the policy's, so the feed and the sheet name them alike.
export const REQUEST_TYPE_MESSAGES: Readonly<Record<string, Message>> = DEFAULT_REQUEST_POLICY.typeLabels;
