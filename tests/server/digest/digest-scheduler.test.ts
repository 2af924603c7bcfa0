import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { digestConfigFromEnv } from '../../../server/digest/digest-config.ts';
import type { DigestDeliveries, EmailDigestMessage } from '../../../server/digest/digest-delivery.ts';
import { startDigestScheduler } from '../../../server/digest/digest-scheduler.ts';
import { grantRole } from '../../../server/members/member.repository.ts';
import { openDatabase } from '../../../server/db/open-database.ts';
import { syncSpreadsheet } from '../../../server/sync/sync-engine.ts';
import { DEAL_HEADERS, dealGrid, gridSource, setCell } from '../sync/test-sheet.ts';

const logger = pino({ level: 'silent' });
// 08:30 in Tokyo.
const AT = new Date('2026-12-01T23:30:00Z');

describe('startDigestScheduler', () => {
  it('schedules nothing while the digest is off (the default)', () => {
    expect(startDigestScheduler({} as Db, digestConfigFromEnv({}), { logger })).toBeNull();
  });

  describe('when enabled', () => {
    let db: Db;
    const id = `sched-${randomUUID()}`;
    const sent: EmailDigestMessage[] = [];
    // Mail and Chat themselves are tested against local servers elsewhere; here only what is handed over.
    const deliveries: DigestDeliveries = { email: { send: async (m) => void sent.push(m) }, chat: null };

    beforeAll(async () => {
      db = await openDatabase({ kind: 'pglite', dataDir: null });
      const grid = dealGrid([{ title: '基幹システム更改', account: '山田製作所', owner: '佐藤', stage: '提案' }]);
      const source = gridSource(id, grid);
      await syncSpreadsheet(db, source, { now: '2026-12-01', clock: () => AT });
      await grantRole(db, id, 'boss@example.co.jp', 'manager', null);
      setCell(grid, '基幹システム更改', DEAL_HEADERS.owner, null);
      await syncSpreadsheet(db, source, { now: '2026-12-01', clock: () => AT });
    });
    afterAll(async () => {
      await db?.destroy();
    });

    it('sends the due digests on its timer, once, and stops', async () => {
      const scheduler = startDigestScheduler(db, digestConfigFromEnv({ DIGEST_ENABLED: 'true', DIGEST_HOUR: '8' }), { logger, clock: () => AT, deliveries, intervalMs: 20 });
      if (scheduler === null) throw new Error('an enabled digest must be scheduled');
      await expect.poll(() => sent.length, { timeout: 5_000 }).toBe(1);
      // Later passes find the day's run done.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await scheduler.stop(1_000);

      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ channel: 'email', to: 'boss@example.co.jp', subject: `[sheets-sfa] 新しいフラグ 1件 — test ${id}(2026-12-02)` });
      expect(sent[0]?.text).toContain('・「基幹システム更改」(山田製作所)\n    担当未設定: 担当者が未入力');
      expect(scheduler.routes).toEqual([]);
      expect(await scheduler.tick()).toEqual([]);
    });
  });
});
