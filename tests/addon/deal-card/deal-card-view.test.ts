import { describe, expect, it } from 'vitest';
import { dealCardOf, type DealJson } from '../../../addon/src/deal-card/deal-card-view.ts';

const deal: DealJson = {
  id: 'd-1',
  title: '基幹システム更新',
  account: '株式会社サンプル',
  owner: '佐藤',
  stage: { code: 'quote', label: '見積提出' },
  enteredStageOn: '2026-11-02',
  daysInStage: 18,
  ball: 'customer',
  ballSince: '2026-10-31',
  ballDays: 20,
  nextAction: '電話',
  nextActionOn: '2026-11-25',
  flags: [
    { code: 'stale', label: '停滞', reason: '見積提出に18日滞留(基準14日)', tone: 'stale' },
    { code: 'ball_follow_up', label: 'ボール滞留', reason: 'ボールが顧客側に20日' },
    { code: 'no_owner', label: '担当未設定', reason: '担当者が空欄' },
  ],
  sheetRow: 7,
};

const visit = { id: 'v-1', visitedOn: '2026-11-18', owner: '佐藤', met: '山田部長', discussed: '見積の説明', customerAsked: '納期短縮', nextAction: '再見積', nextActionOn: '2026-11-25' };
const entry = { id: '42', at: '2026-11-18T01:00:00.000Z', actor: 'sato@example.co.jp', text: '佐藤さんが訪問を記録しました' };

describe('dealCardOf', () => {
  it('maps the service\'s deal, visits and feed onto the card at the row the user is on', () => {
    // The service may send more than the card shows; the card carries only its own fields.
    const answeredVisit = { ...visit, attendees: '鈴木', createdAt: '2026-11-18T01:00:00.000Z' };
    const answeredEntry = { ...entry, kind: 'visit_logged' };
    const card = dealCardOf(deal, [answeredVisit], [answeredEntry], { sheet: '案件一覧', row: 9 });
    const { id, sheetRow, flags, ...shownAsSent } = deal;
    expect(card).toEqual({
      dealId: id,
      sheet: '案件一覧',
      row: 9,
      ...shownAsSent,
      flags: [
        { code: 'stale', label: '停滞', reason: '見積提出に18日滞留(基準14日)', tone: 'stale' },
        { code: 'ball_follow_up', label: 'ボール滞留', reason: 'ボールが顧客側に20日', tone: 'warning' },
        { code: 'no_owner', label: '担当未設定', reason: '担当者が空欄', tone: 'info' },
      ],
      recentVisits: [visit],
      feed: [entry],
    });
  });

  it('shows no stage when the service answers a code this add-on does not know', () => {
    const card = dealCardOf({ ...deal, stage: { code: 'someday', label: 'いつか' } }, [], [], { sheet: 'S', row: 2 });
    expect(card.stage).toBeNull();
  });
});
