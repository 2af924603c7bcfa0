// An .xlsx workbook records no time zone of its own: a timeZone override decides its "today", from
// the --mapping file and, once stored, on later syncs without it. At 23:30 UTC it is still 11-20
// in UTC but 11-21 in Tokyo (the default).
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../server/cli/main.ts';
import type { JsonReport } from '../../../server/cli/json-report.ts';
import { captureIo } from '../../support/capture-io.ts';

const EXAMPLE = fileURLToPath(new URL('../../../examples/sales-pipeline.xlsx', import.meta.url));
const CLOCK = () => new Date('2026-11-20T23:30:00Z');

let root: string;

async function sync(dataDir: string, workbook: string, extra: readonly string[] = []): Promise<JsonReport> {
  const { io, stdout, stderr } = captureIo({ SHEETS_SFA_DATA_DIR: dataDir }, CLOCK);
  const code = await main(['sync', workbook, '--json', ...extra], io);
  expect(code, stderr.text).toBe(0);
  return JSON.parse(stdout.text) as JsonReport;
}

async function workbookCopy(name: string): Promise<string> {
  const path = join(root, name);
  await copyFile(EXAMPLE, path);
  return path;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sheets-sfa-cli-tz-'));
});

afterAll(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('sheets-sfa sync of an .xlsx workbook with a timeZone override', () => {
  it('computes today in the override\'s zone, from the mapping file and then from the stored settings', async () => {
    const dataDir = join(root, 'data-override');
    const workbook = await workbookCopy('override.xlsx');
    const mapping = join(root, 'mapping.json');
    await writeFile(mapping, JSON.stringify({ settings: { timeZone: 'UTC' } }));
    const first = await sync(dataDir, workbook, ['--mapping', mapping]);
    expect(first.asOf).toBe('2026-11-20');
    expect(first.warnings).toEqual([]);
    const again = await sync(dataDir, workbook);
    expect(again.asOf).toBe('2026-11-20');
  });

  it('computes today in the default zone (Asia/Tokyo) when no override is given', async () => {
    const report = await sync(join(root, 'data-plain'), await workbookCopy('plain.xlsx'));
    expect(report.asOf).toBe('2026-11-21');
  });
});
