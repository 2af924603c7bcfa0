import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSheetsClient, parseServiceAccountKey, readServiceAccountKey, serviceAccountOf } from '../../../../server/sources/google/sheets-client.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KEY = {
  type: 'service_account',
  client_email: 'sfa-sync@acme.iam.gserviceaccount.com',
  private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  private_key_id: 'key-1',
};

describe('readServiceAccountKey', () => {
  let dir = '';
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'sa-key-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads a key file', async () => {
    const path = join(dir, 'key.json');
    await writeFile(path, JSON.stringify({ ...KEY, project_id: 'acme' }));
    await expect(readServiceAccountKey(path)).resolves.toEqual({ client_email: KEY.client_email, private_key: KEY.private_key, private_key_id: 'key-1' });
  });

  it.each(['client_email', 'private_key', 'private_key_id'] as const)('names the missing %s', async (field) => {
    const path = join(dir, `no-${field}.json`);
    await writeFile(path, JSON.stringify({ ...KEY, [field]: undefined }));
    await expect(readServiceAccountKey(path)).rejects.toThrow(`the service account key ${path} has no ${field}`);
  });

  it('says so when the file is missing or not JSON', async () => {
    await expect(readServiceAccountKey(join(dir, 'absent.json'))).rejects.toThrow(/cannot read the service account key .*absent\.json/);
    const path = join(dir, 'bad.json');
    await writeFile(path, '{ "client_email": ');
    await expect(readServiceAccountKey(path)).rejects.toThrow(`the service account key ${path} is not valid JSON`);
  });

  it('refuses a user credential or a non-PEM key', () => {
    expect(() => parseServiceAccountKey({ type: 'authorized_user', client_id: 'x' })).toThrow(/"authorized_user" credential, not a service account key/);
    expect(() => parseServiceAccountKey({ ...KEY, private_key: 'abc' })).toThrow(/not a PEM private key/);
    expect(() => parseServiceAccountKey([])).toThrow(/not a JSON object/);
  });
});

describe('createSheetsClient', () => {
  let server: Server;
  let rootUrl = '';
  const seen: { url: string; authorization: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization ?? '' });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ spreadsheetId: 's1', properties: { title: 'T' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    rootUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('signs its own scoped JWT with the key, never calling a token endpoint', async () => {
    const sheets = createSheetsClient({ credentials: parseServiceAccountKey(KEY), rootUrl });
    const response = await sheets.spreadsheets.get({ spreadsheetId: 's1' }, { retry: false });
    expect(response.data.properties?.title).toBe('T');
    expect(seen.map((s) => s.url.split('?')[0])).toEqual(['/v4/spreadsheets/s1']);
    const token = seen[0]?.authorization.replace(/^Bearer /, '') ?? '';
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: 'key-1' });
    const spki = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const { payload } = await jwtVerify(token, await importSPKI(spki, 'RS256'));
    expect(payload).toMatchObject({ iss: KEY.client_email, sub: KEY.client_email, scope: 'https://www.googleapis.com/auth/spreadsheets' });
    expect(serviceAccountOf(sheets)).toBe(KEY.client_email);
  });
});
