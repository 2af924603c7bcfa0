import type { Message } from '../../../shared/i18n/locale.ts';

export const APPROVAL_MESSAGES = {
  commentRequired: { ja: '却下・差戻しにはコメントが必要です。', en: 'A comment is required to reject or return.' },
  actionInvalid: { ja: '承認・却下・差戻しのいずれかを選んでください。', en: 'Choose approve, reject or return.' },
  versionRequired: { ja: '申請を読み込み直してから決裁してください。', en: 'Reload the request before deciding it.' },
  conflict: { ja: '他の人が先にこの申請を決裁しました。再読み込みしてください。', en: 'Someone decided this request first. Reload it.' },
} as const satisfies Record<string, Message>;
