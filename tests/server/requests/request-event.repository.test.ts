// The audit trail on both databases: numbered per request, read per round, and refused by the
// database itself when anything tries to change it.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendRequestEvent, approversOfRound, eventsOf, type NewRequestEvent } from '../../../server/requests/request-event.repository.ts';
import { insertApiRequest } from '../../../server/requests/request.repository.ts';
import { BACKENDS, type SyncDatabase } from '../sync/test-databases.ts';

const SID = 'sheet-events';
const AT = new Date('2026-11-20T00:00:00Z');

for (const backend of BACKENDS) {
  backend.describe(`request events on ${backend.name}`, () => {
    let database: SyncDatabase;

    const event = (requestId: string, action: NewRequestEvent['action'], actor: string, over: Partial<NewRequestEvent> = {}): NewRequestEvent => ({
      spreadsheetId: SID,
      requestId,
      action,
      actor,
      at: AT,
      fromState: 'submitted',
      toState: 'submitted',
      step: null,
      comment: null,
      costSnapshot: { total: 1000 },
      contentSnapshot: null,
      ...over,
    });

    const fileRequest = async (id: string) =>
      insertApiRequest(database.db, {
        spreadsheetId: SID,
        id,
        requestedOn: '2026-11-20',
        type: 'discount',
        typeLabel: '値引き',
        account: '株式会社サンプル',
        dealId: null,
        dealTitle: null,
        requesterEmail: 'rep@example.co.jp',
        background: '背景',
        description: '内容',
        alternative: null,
        costInput: { discount: 1000 },
        costTotal: 1000,
        at: AT,
      });

    beforeAll(async () => {
      database = await backend.open('request_events');
      await database.db.insertInto('spreadsheets').values({ id: SID, source_kind: 'values', title: 't', time_zone: 'Asia/Tokyo' }).execute();
      await fileRequest('r1');
      await fileRequest('r2');
    });

    afterAll(async () => {
      await database?.close();
    });

    it('numbers events per request, in order', async () => {
      expect(await appendRequestEvent(database.db, event('r1', 'file', 'rep@example.co.jp', { fromState: null, toState: 'draft' }))).toBe(1);
      expect(await appendRequestEvent(database.db, event('r2', 'file', 'rep@example.co.jp', { fromState: null, toState: 'draft' }))).toBe(1);
      expect(await appendRequestEvent(database.db, event('r1', 'submit', 'rep@example.co.jp', { fromState: 'draft', contentSnapshot: { background: '背景', costInput: { discount: 1000 } } }))).toBe(2);
      const events = await eventsOf(database.db, SID, 'r1');
      expect(events.map((e) => [e.seq, e.action, e.from_state, e.to_state])).toEqual([
        [1, 'file', null, 'draft'],
        [2, 'submit', 'draft', 'submitted'],
      ]);
      expect(events[1]).toMatchObject({ actor: 'rep@example.co.jp', at: AT, cost_snapshot: { total: 1000 }, content_snapshot: { background: '背景', costInput: { discount: 1000 } } });
      expect(events[0]?.content_snapshot).toBeNull();
    });

    it('names who approved steps of the current round only', async () => {
      await appendRequestEvent(database.db, event('r1', 'approve', 'a@example.co.jp', { step: 0 }));
      await appendRequestEvent(database.db, event('r1', 'return', 'm@example.co.jp', { step: 1, toState: 'returned', comment: '再見積' }));
      expect(await approversOfRound(database.db, SID, 'r1')).toEqual(['a@example.co.jp']);
      await appendRequestEvent(database.db, event('r1', 'resubmit', 'rep@example.co.jp', { fromState: 'returned' }));
      expect(await approversOfRound(database.db, SID, 'r1')).toEqual([]);
      await appendRequestEvent(database.db, event('r1', 'approve', 'b@example.co.jp', { step: 0 }));
      expect(await approversOfRound(database.db, SID, 'r1')).toEqual(['b@example.co.jp']);
      expect(await approversOfRound(database.db, SID, 'r2')).toEqual([]);
    });

    it('refuses an event of a request that does not exist', async () => {
      await expect(appendRequestEvent(database.db, event('no-such-request', 'file', 'x', { fromState: null, toState: 'draft' }))).rejects.toThrow();
    });

    it.each([
      ['UPDATE', sql`update request_events set comment = 'rewritten' where request_id = 'r1'`],
      ['UPDATE of what was judged', sql`update request_events set content_snapshot = '{"background":"書き換え"}'::jsonb where request_id = 'r1' and seq = 2`],
      ['DELETE', sql`delete from request_events where request_id = 'r1'`],
      ['TRUNCATE', sql`truncate request_events`],
      ['UPDATE of one column through the query builder', null],
    ])('refuses %s in the database itself', async (_name, statement) => {
      const before = await eventsOf(database.db, SID, 'r1');
      const run = statement === null ? database.db.updateTable('request_events').set({ actor: 'mallory@example.co.jp' }).where('seq', '=', 1).execute() : statement.execute(database.db);
      await expect(run).rejects.toThrow(/request_events is append-only: (UPDATE|DELETE|TRUNCATE) refused/);
      expect(await eventsOf(database.db, SID, 'r1')).toEqual(before);
    });

    it('keeps a decided request\'s decision: no UPDATE of it, no DELETE, while a tombstone and the text stay possible', async () => {
      await fileRequest('r3');
      await sql`update requests set state = 'approved', decided_by = 'a@example.co.jp', decided_at = ${AT}, route = '["approver"]'::jsonb, step = 1 where spreadsheet_id = ${SID} and id = 'r3'`.execute(database.db);
      for (const statement of [
        sql`update requests set state = 'rejected' where spreadsheet_id = ${SID} and id = 'r3'`,
        sql`update requests set decided_by = 'mallory@example.co.jp' where spreadsheet_id = ${SID} and id = 'r3'`,
        sql`update requests set cost_total = 1 where spreadsheet_id = ${SID} and id = 'r3'`,
        sql`update requests set requester_email = 'mallory@example.co.jp' where spreadsheet_id = ${SID} and id = 'r3'`,
      ]) {
        await expect(statement.execute(database.db)).rejects.toThrow(/request r3 is decided: its decision cannot change/);
      }
      await expect(sql`delete from requests where spreadsheet_id = ${SID} and id = 'r3'`.execute(database.db)).rejects.toThrow(/request r3 is decided: it cannot be deleted/);
      await sql`update requests set removed_at = ${AT} where spreadsheet_id = ${SID} and id = 'r3'`.execute(database.db);
      const row = await database.db.selectFrom('requests').select(['state', 'decided_by', 'removed_at']).where('spreadsheet_id', '=', SID).where('id', '=', 'r3').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ state: 'approved', decided_by: 'a@example.co.jp' });
      expect(row.removed_at).not.toBeNull();
    });

    it('accepts the director role and still refuses an unknown one', async () => {
      await database.db.insertInto('spreadsheet_members').values({ spreadsheet_id: SID, email: 'd@example.co.jp', role: 'director' }).execute();
      await expect(sql`insert into spreadsheet_members (spreadsheet_id, email, role) values (${SID}, 'x@example.co.jp', 'emperor')`.execute(database.db)).rejects.toThrow(/spreadsheet_members_role_check/);
    });
  });
}
