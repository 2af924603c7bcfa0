// Authentication (service-account JWTs and user tokens), sharing, quota and injected faults.

import { google } from 'googleapis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFailure, sheetsAsServiceAccount, sheetsAsUser } from './stand-in-clients.ts';
import { startSheetsStandIn } from './sheets-stand-in.ts';
import type { ServiceAccountKey, SheetsStandIn } from './sheets-stand-in.ts';

const BOT = 'sfa-sync@sheets-sfa.iam.gserviceaccount.com';
const OWNER = 'owner@example.com';

describe('authentication and sharing', () => {
  let standIn: SheetsStandIn;
  let key: ServiceAccountKey;
  let spreadsheetId: string;

  beforeAll(async () => {
    standIn = await startSheetsStandIn({ quotaPerMinutePerUser: null });
    key = await standIn.createServiceAccount(BOT);
    spreadsheetId = standIn.createSpreadsheet({ title: 'p', sheets: [{ title: 'Deals', rows: [['x']] }], sharedWith: [BOT, OWNER] });
  });

  afterAll(async () => {
    await standIn.close();
  });

  it('serves a service account when it signs its own JWT with the key file', async () => {
    const response = await sheetsAsServiceAccount(standIn, key).spreadsheets.values.get({ spreadsheetId, range: 'Deals!A1' });

    expect(response.data.values).toEqual([['x']]);
    expect(standIn.requests.at(-1)).toMatchObject({ caller: BOT, kind: 'read', status: 200 });
  });

  it('looks like a Google key file when a service account is created', () => {
    expect(key).toMatchObject({ type: 'service_account', client_email: BOT, token_uri: 'https://oauth2.googleapis.com/token' });
    expect(key.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('answers 401 UNAUTHENTICATED when the bearer token is missing or unknown', async () => {
    const anonymous = google.sheets({ version: 'v4', rootUrl: standIn.rootUrl, retry: false });
    const forged = new google.auth.OAuth2();
    forged.setCredentials({ access_token: 'ya29.not-a-real-token' });
    const missing = await apiFailure(anonymous.spreadsheets.get({ spreadsheetId }));
    const forgedClient = google.sheets({ version: 'v4', rootUrl: standIn.rootUrl, auth: forged, retry: false });
    const invalid = await apiFailure(forgedClient.spreadsheets.get({ spreadsheetId }));

    expect(missing.status).toBe(401);
    expect(missing.body.error.status).toBe('UNAUTHENTICATED');
    expect(invalid.status).toBe(401);
    expect(invalid.body.error.status).toBe('UNAUTHENTICATED');
  });

  it('answers 401 when a JWT is signed by a key the stand-in did not issue', async () => {
    const other = await startSheetsStandIn();
    try {
      const strangerKey = await other.createServiceAccount(BOT);
      const failure = await apiFailure(sheetsAsServiceAccount(standIn, strangerKey).spreadsheets.get({ spreadsheetId }));
      expect(failure.status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('answers 404 NOT_FOUND when the spreadsheet does not exist', async () => {
    const failure = await apiFailure(sheetsAsUser(standIn, OWNER).spreadsheets.get({ spreadsheetId: 'no-such-spreadsheet' }));

    expect(failure).toEqual({ status: 404, body: { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } } });
  });

  it('answers 403 PERMISSION_DENIED when the caller is not shared on it, until it is shared', async () => {
    const stranger = sheetsAsUser(standIn, 'stranger@example.com');
    const failure = await apiFailure(stranger.spreadsheets.values.get({ spreadsheetId, range: 'Deals!A1' }));
    expect(failure).toEqual({
      status: 403,
      body: { error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } },
    });

    standIn.share(spreadsheetId, 'stranger@example.com');
    expect((await stranger.spreadsheets.values.get({ spreadsheetId, range: 'Deals!A1' })).data.values).toEqual([['x']]);
    standIn.unshare(spreadsheetId, 'stranger@example.com');
    expect((await apiFailure(stranger.spreadsheets.values.get({ spreadsheetId, range: 'Deals!A1' }))).status).toBe(403);
  });

  it('refuses writes with 403 when the JWT only carries the read-only scope', async () => {
    const readOnly = sheetsAsServiceAccount(standIn, key, ['https://www.googleapis.com/auth/spreadsheets.readonly']);
    const failure = await apiFailure(
      readOnly.spreadsheets.values.update({ spreadsheetId, range: 'Deals!A1', valueInputOption: 'RAW', requestBody: { values: [['y']] } }),
    );

    expect(failure.status).toBe(403);
    expect(standIn.values(spreadsheetId, 'Deals')).toEqual([['x']]);
  });
});

describe('quota', () => {
  it('answers 429 RESOURCE_EXHAUSTED when a user exceeds the per-minute reads, counting writes apart', async () => {
    let now = 1_000_000;
    const standIn = await startSheetsStandIn({ quotaPerMinutePerUser: 2, clock: () => now });
    try {
      const id = standIn.createSpreadsheet({ title: 'q', sheets: [{ title: 'Deals' }], sharedWith: [OWNER] });
      const sheets = sheetsAsUser(standIn, OWNER);
      const read = () => sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Deals!A1' });
      const writeOnce = () =>
        sheets.spreadsheets.values.batchUpdate({
          spreadsheetId: id,
          requestBody: { valueInputOption: 'RAW', data: [{ range: 'Deals!A1', values: [['w']] }] },
        });

      await read();
      now += 30_000;
      await read();
      const exhausted = await apiFailure(read());
      expect(exhausted.status).toBe(429);
      expect(exhausted.body.error.status).toBe('RESOURCE_EXHAUSTED');
      expect(exhausted.body.error.message).toMatch(/^Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'/);

      await writeOnce(); // writes have their own bucket
      now += 30_001; // the first read has left the 60 s window
      await read();
      expect(standIn.requests.map((r) => r.status)).toEqual([200, 200, 429, 200, 200]);
    } finally {
      await standIn.close();
    }
  });
});

describe('injected faults', () => {
  it('fails the next requests with 429 then 500 and serves the retry when failNext is used', async () => {
    const standIn = await startSheetsStandIn();
    try {
      const id = standIn.createSpreadsheet({ title: 'f', sheets: [{ title: 'Deals', rows: [['before']] }], sharedWith: [OWNER] });
      const sheets = sheetsAsUser(standIn, OWNER);
      const write = () =>
        sheets.spreadsheets.values.batchUpdate({
          spreadsheetId: id,
          requestBody: { valueInputOption: 'RAW', data: [{ range: 'Deals!A1', values: [['after']] }] },
        });
      standIn.failNext({ method: 'POST', pathIncludes: 'values:batchUpdate' }, 429);
      standIn.failNext({ pathIncludes: 'values:batchUpdate' }, 500);

      const throttled = await apiFailure(write());
      expect(throttled.status).toBe(429);
      expect(throttled.body.error.status).toBe('RESOURCE_EXHAUSTED');
      const broken = await apiFailure(write());
      expect(broken.body.error).toEqual({ code: 500, message: 'Internal error encountered.', status: 'INTERNAL' });
      expect(standIn.values(id, 'Deals')).toEqual([['before']]);

      await write();
      expect(standIn.values(id, 'Deals')).toEqual([['after']]);
      expect(standIn.requests.map((r) => [r.status, r.kind, r.caller])).toEqual([
        [429, 'write', OWNER],
        [500, 'write', OWNER],
        [200, 'write', OWNER],
      ]);
      standIn.resetRequests();
      expect(standIn.requests).toEqual([]);
    } finally {
      await standIn.close();
    }
  });

  it('serves the first matching requests and fails the next ones when after is given', async () => {
    const standIn = await startSheetsStandIn();
    try {
      const id = standIn.createSpreadsheet({ title: 'f', sheets: [{ title: 'Deals', rows: [['a']] }], sharedWith: [OWNER] });
      const sheets = sheetsAsUser(standIn, OWNER);
      const write = (cell: string, value: string) =>
        sheets.spreadsheets.values.batchUpdate({ spreadsheetId: id, requestBody: { valueInputOption: 'RAW', data: [{ range: `Deals!${cell}`, values: [[value]] }] } });
      standIn.failNext({ pathIncludes: 'values:batchUpdate' }, 500, 2, { after: 2 });

      await write('A1', 'one');
      // A read does not match, so it neither counts towards after nor fails.
      await sheets.spreadsheets.get({ spreadsheetId: id });
      await write('B1', 'two');
      expect((await apiFailure(write('C1', 'lost'))).status).toBe(500);
      expect((await apiFailure(write('C1', 'lost'))).status).toBe(500);
      await write('D1', 'four');

      expect(standIn.values(id, 'Deals')).toEqual([['one', 'two', '', 'four']]);
      expect(standIn.requests.map((r) => r.status)).toEqual([200, 200, 200, 500, 500, 200]);
    } finally {
      await standIn.close();
    }
  });

  it('applies the request but answers the error when applied is set', async () => {
    const standIn = await startSheetsStandIn();
    try {
      const id = standIn.createSpreadsheet({ title: 'f', sheets: [{ title: 'Deals', rows: [['before']] }], sharedWith: [OWNER] });
      const sheets = sheetsAsUser(standIn, OWNER);
      const sheetId = standIn.inspect(id).sheets?.[0]?.properties?.sheetId ?? 0;
      const addFilterView = () =>
        sheets.spreadsheets.batchUpdate({
          spreadsheetId: id,
          requestBody: { requests: [{ addFilterView: { filter: { title: 'v', range: { sheetId, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: 1 } } } }] },
        });
      standIn.failNext({ method: 'POST', pathIncludes: ':batchUpdate' }, 503, 1, { applied: true });
      standIn.failNext({ method: 'POST', pathIncludes: 'values:batchUpdate' }, 429, 1, { applied: true });

      const lost = await apiFailure(addFilterView());
      expect(lost.status).toBe(503);
      expect(lost.body.error).toEqual({ code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' });
      // The filter view exists all the same: a retry that does not look first adds a second one.
      expect(standIn.inspect(id).sheets?.[0]?.filterViews?.map((v) => v.title)).toEqual(['v']);

      const throttled = await apiFailure(
        sheets.spreadsheets.values.batchUpdate({ spreadsheetId: id, requestBody: { valueInputOption: 'RAW', data: [{ range: 'Deals!A1', values: [['after']] }] } }),
      );
      expect(throttled.body.error.status).toBe('RESOURCE_EXHAUSTED');
      expect(standIn.values(id, 'Deals')).toEqual([['after']]);
      expect(standIn.requests.map((r) => [r.status, r.kind])).toEqual([
        [503, 'write'],
        [429, 'write'],
      ]);
    } finally {
      await standIn.close();
    }
  });

  it('refuses a negative or fractional after when a fault is added', async () => {
    const standIn = await startSheetsStandIn();
    try {
      expect(() => standIn.failNext({}, 500, 1, { after: -1 })).toThrow('after must be a non-negative integer');
      expect(() => standIn.failNext({}, 500, 1, { after: 1.5 })).toThrow('after must be a non-negative integer');
    } finally {
      await standIn.close();
    }
  });

  it('fails several reads in a row with 503 when a count is given', async () => {
    const standIn = await startSheetsStandIn();
    try {
      const id = standIn.createSpreadsheet({ title: 'f', sheets: [{ title: 'Deals' }], sharedWith: [OWNER] });
      const sheets = sheetsAsUser(standIn, OWNER);
      standIn.failNext({ method: 'GET' }, 503, 2);

      expect((await apiFailure(sheets.spreadsheets.get({ spreadsheetId: id }))).body.error.status).toBe('UNAVAILABLE');
      expect((await apiFailure(sheets.spreadsheets.get({ spreadsheetId: id }))).status).toBe(503);
      expect((await sheets.spreadsheets.get({ spreadsheetId: id })).status).toBe(200);
    } finally {
      await standIn.close();
    }
  });
});
