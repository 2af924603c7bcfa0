// The daily digest end to end on both databases: new flags from real syncs, real deliveries to a
// local SMTP server and a local stand-in for a Chat webhook, and the deliveries table.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { chatWebhookDelivery } from '../../../server/digest/chat-webhook-delivery.ts';
import { NO_DELIVERIES, type DigestDeliveries } from '../../../server/digest/digest-delivery.ts';
import { claimDelivery, saveSubscription, type DigestSpreadsheet } from '../../../server/digest/digest.repository.ts';
import { sendDueDigests, sendSpreadsheetDigest, type DigestContext } from '../../../server/digest/send-digests.ts';
import { smtpEmailDelivery } from '../../../server/digest/smtp-email-delivery.ts';
import { grantRole } from '../../../server/members/member.repository.ts';
import { GridSource, type MutableGrid } from '../../../server/sources/grid/grid-source.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import type { Role } from '../../../shared/access/role.ts';
import { BACKENDS, type SyncDatabase } from '../sync/test-databases.ts';
import { DEAL_HEADERS, dealGrid, serial, setCell, type DealRowInput } from '../sync/test-sheet.ts';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.ts';
import { startWebhookTestServer, type WebhookTestServer } from './webhook-test-server.ts';

const BOSS = 'boss@example.co.jp';
const CHIEF = 'chief@example.co.jp';
const ADMIN = 'admin@example.co.jp';
const REP = 'rep@example.co.jp';
// 2026-12-02 08:30 in Tokyo; the syncs ran the evening before.
const DIGEST_AT = new Date('2026-12-01T23:30:00Z');
const SYNCED_AT = new Date('2026-12-01T09:00:00Z');

const ROWS: readonly DealRowInput[] = [
  { title: '基幹システム更改', account: '山田製作所', owner: '佐藤', stage: '提案', stageChangedOn: serial('2026-11-28') },
  { title: '保守契約更新', account: '東西物産', owner: '鈴木', stage: 'クロージング', stageChangedOn: serial('2026-11-30') },
  { title: '倉庫管理', account: '東邦物流', owner: '田中', stage: '育成', stageChangedOn: serial('2026-11-29') },
];

function decodeBody(data: string): string {
  const [, body = ''] = data.split('\r\n\r\n');
  // Mail travels with CRLF line ends; the text was written with \n.
  return Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n');
}

function subjectOf(data: string): string {
  const head = (data.split('\r\n\r\n')[0] ?? '').replace(/\r\n /g, ' ');
  const line = head.split('\r\n').find((l) => l.startsWith('Subject: ')) ?? '';
  return line
    .slice('Subject: '.length)
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

describe.each(BACKENDS)('the daily digest on $name', (backend) => {
  backend.describe('sendSpreadsheetDigest', () => {
    let database: SyncDatabase;
    let db: Db;
    let smtp: SmtpTestServer;
    let webhook: WebhookTestServer;
    let deliveries: DigestDeliveries;
    let hookUrl: string;

    beforeAll(async () => {
      database = await backend.open('digest');
      db = database.db;
      smtp = await startSmtpTestServer();
      webhook = await startWebhookTestServer();
      hookUrl = `${webhook.url}/v1/spaces/AAAA/messages?key=k-123&token=t-456`;
      deliveries = {
        email: smtpEmailDelivery({
          smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: null, password: null, from: 'sheets-sfa <sfa@example.co.jp>', heloName: 'sfa.example.co.jp' },
          timeoutMs: 5_000,
        }),
        chat: chatWebhookDelivery({ allowedPrefixes: [`${webhook.url}/v1/spaces/`], timeoutMs: 5_000 }),
      };
    });
    afterAll(async () => {
      await smtp?.close();
      await webhook?.close();
      await database?.close();
    });
    beforeEach(() => {
      smtp.mails.length = 0;
      webhook.requests.length = 0;
      webhook.status = 200;
    });

    const ctx = (at: Date = DIGEST_AT, using: DigestDeliveries = deliveries): DigestContext => ({ deliveries: using, clock: () => at, lookbackDays: 7 });

    /** A registered Google spreadsheet with its people, synced once (the baseline: no news yet). */
    async function team(roles: Record<string, Role[]> = { [BOSS]: ['manager'], [CHIEF]: ['manager', 'approver'], [ADMIN]: ['admin'], [REP]: ['member'] }) {
      const id = `digest-${randomUUID()}`;
      const grid = dealGrid(ROWS);
      const source = new GridSource({ spreadsheetId: id, kind: 'google', title: '2026年度 営業案件管理表', timeZone: 'Asia/Tokyo' }, [grid]);
      const sync = (now = '2026-12-01', at = SYNCED_AT) => syncSpreadsheet(db, source, { now, clock: () => at });
      await sync();
      for (const [email, held] of Object.entries(roles)) for (const role of held) await grantRole(db, id, email, role, null);
      const spreadsheet: DigestSpreadsheet = { id, title: '2026年度 営業案件管理表', timeZone: 'Asia/Tokyo', sourceKind: 'google' };
      return { id, grid, sync, spreadsheet };
    }

    /** Clears a deal's owner: its no_owner flag is news. */
    const dropOwner = (grid: MutableGrid, title: string) => setCell(grid, title, DEAL_HEADERS.owner, null);

    it('mails each manager the deals that gained flags, and posts to the Chat space a manager chose', async () => {
      const { id, grid, sync, spreadsheet } = await team();
      await saveSubscription(db, id, CHIEF, { emailEnabled: false, chatWebhookUrl: hookUrl, locale: 'en' }, SYNCED_AT);
      dropOwner(grid, '基幹システム更改');
      dropOwner(grid, '倉庫管理');
      await sync();

      const outcomes = await sendSpreadsheetDigest(db, spreadsheet, ctx());

      expect(outcomes.map((o) => [o.recipient, o.channel, o.status, o.deals, o.entries])).toEqual([
        [BOSS, 'email', 'sent', 2, 2],
        [CHIEF, 'chat', 'sent', 2, 2],
      ]);
      expect(smtp.mails.map((m) => m.to)).toEqual([[BOSS]]);
      const mail = smtp.mails[0]?.data ?? '';
      expect(subjectOf(mail)).toBe('[sheets-sfa] 新しいフラグ 2件 — 2026年度 営業案件管理表(2026-12-02)');
      const body = decodeBody(mail);
      expect(body).toContain('■ 担当未設定(2件)\n・「基幹システム更改」(山田製作所)\n    担当未設定: 担当者が未入力\n・「倉庫管理」(東邦物流)\n    担当未設定: 担当者が未入力\n');
      expect(body).toContain(`シートを開く: https://docs.google.com/spreadsheets/d/${id}/edit`);

      expect(webhook.requests).toHaveLength(1);
      const post = webhook.requests[0];
      expect(post?.method).toBe('POST');
      expect(post?.url).toBe('/v1/spaces/AAAA/messages?key=k-123&token=t-456');
      expect(post?.headers['content-type']).toBe('application/json; charset=UTF-8');
      expect(JSON.parse(post?.body ?? '')).toEqual({
        text: [
          '*2 newly flagged deal(s)* — 2026年度 営業案件管理表 (2026-12-02)',
          '*No owner* (2)',
          '- "基幹システム更改" (山田製作所): No owner: No owner entered',
          '- "倉庫管理" (東邦物流): No owner: No owner entered',
          `<https://docs.google.com/spreadsheets/d/${id}/edit|Open the sheet>`,
        ].join('\n'),
      });

      const recorded = await db.selectFrom('digest_deliveries').select(['recipient', 'channel', 'status', 'entry_count', 'digest_date']).where('spreadsheet_id', '=', id).orderBy('id').execute();
      expect(recorded).toEqual([
        { recipient: BOSS, channel: 'email', status: 'sent', entry_count: 2, digest_date: '2026-12-02' },
        { recipient: CHIEF, channel: 'chat', status: 'sent', entry_count: 2, digest_date: '2026-12-02' },
      ]);
    });

    it('never sends the same entries twice, and sends only what is new the next time', async () => {
      const { grid, sync, spreadsheet } = await team({ [BOSS]: ['manager'] });
      dropOwner(grid, '基幹システム更改');
      await sync();
      await sendSpreadsheetDigest(db, spreadsheet, ctx());

      expect(await sendSpreadsheetDigest(db, spreadsheet, ctx())).toEqual([]);
      expect(smtp.mails).toHaveLength(1);

      dropOwner(grid, '保守契約更新');
      await sync('2026-12-02', new Date('2026-12-02T01:00:00Z'));
      const next = await sendSpreadsheetDigest(db, spreadsheet, ctx(new Date('2026-12-02T23:30:00Z')));

      expect(next.map((o) => [o.status, o.deals, o.entries])).toEqual([['sent', 1, 1]]);
      const body = decodeBody(smtp.mails[1]?.data ?? '');
      expect(body).toContain('・「保守契約更新」(東西物産)');
      expect(body).not.toContain('基幹システム更改');
    });

    it('records a failed send and carries its entries with the next digest', async () => {
      const { id, grid, sync, spreadsheet } = await team({ [CHIEF]: ['manager'] });
      await saveSubscription(db, id, CHIEF, { emailEnabled: false, chatWebhookUrl: hookUrl, locale: 'ja' }, SYNCED_AT);
      dropOwner(grid, '基幹システム更改');
      await sync();
      webhook.status = 500;

      const failed = await sendSpreadsheetDigest(db, spreadsheet, ctx());

      expect(failed.map((o) => [o.status, o.error])).toEqual([['failed', 'the Chat webhook http://127.0.0.1:' + new URL(webhook.url).port + '/v1/spaces/AAAA/messages?… answered 500: {"error":{"code":500,"message":"Webhook disabled"}}']]);
      expect(failed[0]?.error).not.toContain('t-456');
      webhook.status = 200;
      const retried = await sendSpreadsheetDigest(db, spreadsheet, ctx());
      expect(retried.map((o) => [o.status, o.entries])).toEqual([['sent', 1]]);
      expect(webhook.requests).toHaveLength(2);
      const statuses = await db.selectFrom('digest_deliveries').select('status').where('spreadsheet_id', '=', id).orderBy('id').execute();
      expect(statuses.map((s) => s.status)).toEqual(['failed', 'sent']);
    });

    it('refuses to post to a webhook outside the allowed addresses', async () => {
      const { id, grid, sync, spreadsheet } = await team({ [CHIEF]: ['manager'] });
      await saveSubscription(db, id, CHIEF, { emailEnabled: false, chatWebhookUrl: 'http://127.0.0.1:9/elsewhere?token=x', locale: 'ja' }, SYNCED_AT);
      dropOwner(grid, '基幹システム更改');
      await sync();

      const outcomes = await sendSpreadsheetDigest(db, spreadsheet, ctx());

      expect(outcomes.map((o) => [o.status, o.error])).toEqual([['failed', 'the Chat webhook http://127.0.0.1:9/elsewhere?… is not an allowed address']]);
      expect(webhook.requests).toHaveLength(0);
    });

    it('leaves out a deal whose new flag was cleared before the digest', async () => {
      const { grid, sync, spreadsheet } = await team({ [BOSS]: ['manager'] });
      dropOwner(grid, '基幹システム更改');
      await sync();
      setCell(grid, '基幹システム更改', DEAL_HEADERS.owner, '佐藤');
      await sync();

      expect(await sendSpreadsheetDigest(db, spreadsheet, ctx())).toEqual([]);
      expect(smtp.mails).toHaveLength(0);
    });

    it('mails admins only once they subscribe, and managers who opted out not at all', async () => {
      const { id, grid, sync, spreadsheet } = await team({ [BOSS]: ['manager'], [ADMIN]: ['admin'] });
      await saveSubscription(db, id, BOSS, { emailEnabled: false, chatWebhookUrl: null, locale: 'ja' }, SYNCED_AT);
      dropOwner(grid, '基幹システム更改');
      await sync();
      expect(await sendSpreadsheetDigest(db, spreadsheet, ctx())).toEqual([]);

      await saveSubscription(db, id, ADMIN, { emailEnabled: true, chatWebhookUrl: null, locale: 'en' }, SYNCED_AT);
      const outcomes = await sendSpreadsheetDigest(db, spreadsheet, ctx());
      expect(outcomes.map((o) => [o.recipient, o.status])).toEqual([[ADMIN, 'sent']]);
      expect(subjectOf(smtp.mails[0]?.data ?? '')).toBe('[sheets-sfa] 1 newly flagged deal(s) — 2026年度 営業案件管理表 (2026-12-02)');
    });

    it('sends each spreadsheet\'s digest once a day, from the hour in its own time zone', async () => {
      const { id, grid, sync } = await team({ [BOSS]: ['manager'] });
      dropOwner(grid, '基幹システム更改');
      await sync();
      const mine = () => smtp.mails.filter((m) => decodeBody(m.data).includes(id));
      const due = (at: string) => sendDueDigests(db, { ...ctx(new Date(at)), hour: 7 });

      await due('2026-12-01T21:30:00Z'); // 06:30 in Tokyo
      expect(mine()).toHaveLength(0);
      await due('2026-12-01T22:10:00Z'); // 07:10
      expect(mine()).toHaveLength(1);
      dropOwner(grid, '倉庫管理');
      await sync('2026-12-02', new Date('2026-12-01T22:20:00Z'));
      await due('2026-12-01T23:00:00Z'); // 08:00, the day's run is done
      expect(mine()).toHaveLength(1);
      await due('2026-12-02T22:05:00Z'); // 07:05 the next day
      expect(mine()).toHaveLength(2);
      expect(decodeBody(mine()[1]?.data ?? '')).toContain('・「倉庫管理」(東邦物流)');
      const runs = await db.selectFrom('digest_runs').select('digest_date').where('spreadsheet_id', '=', id).orderBy('digest_date').execute();
      expect(runs.map((r) => r.digest_date)).toEqual(['2026-12-02', '2026-12-03']);
    });

    it('gives back the entries of a delivery cut off mid-send, and sends them with the next run', async () => {
      const { id, grid, sync, spreadsheet } = await team({ [BOSS]: ['manager'] });
      dropOwner(grid, '基幹システム更改');
      await sync();
      const entries = await db.selectFrom('feed_entries').select('id').where('spreadsheet_id', '=', id).execute();
      // A process that claimed the entries two hours ago and never finished.
      const stuck = await claimDelivery(db, {
        spreadsheetId: id,
        recipient: BOSS,
        channel: 'email',
        digestDate: '2026-12-01',
        subject: null,
        entryIds: entries.map((e) => e.id),
        at: new Date(DIGEST_AT.getTime() - 2 * 3600_000),
      });
      expect(await sendSpreadsheetDigest(db, spreadsheet, ctx())).toEqual([]);

      const outcomes = await sendDueDigests(db, { ...ctx(), hour: 7 });

      expect(outcomes.filter((o) => o.spreadsheetId === id).map((o) => [o.status, o.entries])).toEqual([['sent', 1]]);
      const rows = await db.selectFrom('digest_deliveries').select(['id', 'status', 'error']).where('spreadsheet_id', '=', id).orderBy('id').execute();
      expect(rows).toEqual([
        { id: stuck, status: 'failed', error: 'interrupted before the send finished' },
        { id: expect.any(String), status: 'sent', error: null },
      ]);
    });

    if (backend.supportsConcurrency) {
      it('sends entries once when two runs race for them', async () => {
        const other = await database.connect();
        const { grid, sync, spreadsheet } = await team({ [BOSS]: ['manager'] });
        dropOwner(grid, '基幹システム更改');
        await sync();

        const [a, b] = await Promise.all([sendSpreadsheetDigest(db, spreadsheet, ctx()), sendSpreadsheetDigest(other, spreadsheet, ctx())]);

        expect([...a, ...b].filter((o) => o.status === 'sent')).toHaveLength(1);
        expect(smtp.mails).toHaveLength(1);
      });
    }
  });
});

describe('sendDueDigests without deliveries (the default)', () => {
  it('sends nothing and claims no run: it does not even ask the database', async () => {
    const calls: string[] = [];
    const fakeDb = new Proxy({}, { get: (_t, name) => (calls.push(String(name)), () => undefined) }) as unknown as Db;
    expect(await sendDueDigests(fakeDb, { deliveries: NO_DELIVERIES, clock: () => DIGEST_AT, lookbackDays: 7, hour: 0 })).toEqual([]);
    expect(calls).toEqual([]);
  });
});
