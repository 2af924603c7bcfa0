// The `sheets-sfa` CLI, in-process through main(argv, io) against the example workbook, with the
// embedded database in a temp dir shared by the whole file; and once end to end through the bin.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../server/cli/main.ts';
import type { JsonReport } from '../../../server/cli/json-report.ts';
import { FLAG_CODES } from '../../../shared/flags/flag.ts';
import { FLAG_MESSAGES } from '../../../shared/flags/flag-messages.ts';
import { captureIo } from '../../support/capture-io.ts';

const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLE = join(PROJECT, 'examples', 'sales-pipeline.xlsx');
const README = join(PROJECT, 'examples', 'README.md');
const DEALS = '案件一覧';
const NOW = '2026-11-20';

let root: string;
let dataDir: string;
let readme: string;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(argv: readonly string[], clock?: () => Date): Promise<Run> {
  const { io, stdout, stderr } = captureIo({ SHEETS_SFA_DATA_DIR: dataDir }, clock);
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function jsonOf(result: Run): JsonReport {
  expect(result.stdout.trimEnd().endsWith('}')).toBe(true);
  return JSON.parse(result.stdout) as JsonReport;
}

/** A fresh copy of the example workbook in a folder of its own. */
async function exampleCopy(name = 'sales-pipeline.xlsx'): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(root, 'wb-'));
  const path = join(dir, name);
  await copyFile(EXAMPLE, path);
  return { dir, path };
}

interface FileState {
  readonly bytes: Buffer;
  readonly mtimeMs: number;
  readonly siblings: readonly string[];
}

async function stateOf(path: string, dir: string): Promise<FileState> {
  return { bytes: await readFile(path), mtimeMs: (await stat(path)).mtimeMs, siblings: (await readdir(dir)).sort() };
}

/** The value examples/README.md plants at a cell of the deals sheet. */
function plantedValue(address: string): string {
  const line = readme.split('\n').find((l) => l.startsWith(`| ${DEALS} | ${address} |`));
  const value = line === undefined ? undefined : /\| `([^`]*)` \|/.exec(line)?.[1];
  if (value === undefined) throw new Error(`examples/README.md plants nothing at ${DEALS}!${address}`);
  return value;
}

/** The planted cells that must not parse, as the issues the report should list. */
function expectedIssues(): { sheet: string; row: number; column: string; value: string }[] {
  return ['E27', 'O42', 'H68'].map((address) => ({
    sheet: DEALS,
    row: Number(address.slice(1)),
    column: address.slice(0, 1),
    value: plantedValue(address),
  }));
}

function issueKeys(report: JsonReport): { sheet: string; row: number; column: string; value: string }[] {
  return report.issues.map((i) => ({ sheet: i.sheet, row: i.row, column: i.column, value: i.value }));
}

async function headerRowOf(path: string, sheet: string, row: number): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const values = workbook.getWorksheet(sheet)?.getRow(row).values;
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [];
}

function expectOneLineError(result: Run, pattern: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^sheets-sfa: /);
  expect(lines[0]).toMatch(pattern);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sheets-sfa-cli-'));
  dataDir = join(root, 'data');
  readme = await readFile(README, 'utf8');
});

afterAll(async () => {
  if (root !== undefined) await rm(root, { recursive: true, force: true });
});

describe('sheets-sfa sync', () => {
  let synced: { dir: string; path: string; original: Buffer; result: Run; report: JsonReport };

  beforeAll(async () => {
    const { dir, path } = await exampleCopy();
    const original = await readFile(path);
    const result = await run(['sync', path, '--json', '--now', NOW]);
    synced = { dir, path, original, result, report: jsonOf(result) };
  });

  it('exits 0 and prints one JSON document, version 1, when asked for --json', () => {
    const { result, report, path } = synced;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(report.version).toBe(1);
    expect(report).toMatchObject({ workbook: path, output: path, backup: join(synced.dir, 'sales-pipeline.bak.xlsx'), asOf: NOW, dryRun: false });
    expect(report.spreadsheetId).toMatch(/^xlsx:[0-9a-f-]{36}$/);
    expect(report.cellsWritten).toBeGreaterThan(0);
  });

  it('reports read/inserted/updated/unchanged/removed per tab when synced for the first time', () => {
    expect(synced.report.tabs.map((t) => ({ sheet: t.sheet, kind: t.kind, read: t.read, inserted: t.inserted, updated: t.updated, unchanged: t.unchanged, removed: t.removed }))).toEqual([
      { sheet: DEALS, kind: 'deals', read: 300, inserted: 300, updated: 0, unchanged: 0, removed: 0 },
      { sheet: '訪問記録', kind: 'visits', read: 600, inserted: 600, updated: 0, unchanged: 0, removed: 0 },
      { sheet: '特別対応申請', kind: 'requests', read: 40, inserted: 40, updated: 0, unchanged: 0, removed: 0 },
    ]);
  });

  it('counts flags for every flag code, including the planted unknown stage and missing owner', () => {
    const { flags } = synced.report;
    expect(Object.keys(flags).sort()).toEqual([...FLAG_CODES].sort());
    for (const code of FLAG_CODES) expect(Number.isInteger(flags[code]), code).toBe(true);
    // The example is generated from a fixed seed for 2026-11-20: these are its exact figures.
    expect(flags).toEqual({
      stale: 104,
      stale_warning: 19,
      ball_follow_up: 73,
      // One of them (row 42, whose 次回予定日 reads 来週) is overdue by the date its latest visit planned.
      next_action_overdue: 72,
      handoff_unattended: 0,
      unknown_stage: 1,
      no_owner: 1,
      bad_cells: 3,
      // Deals with a special request on the requests tab whose cost needs a review.
      cost_review: 26,
      status_tampered: 0,
    });
  });

  it('lists every planted cell that cannot be parsed as an issue with sheet, row, column, value and message', () => {
    const expected = expectedIssues();
    expect(expected.map((i) => i.value)).toEqual(['保留', '来週', '100万〜200万']);
    expect(issueKeys(synced.report)).toEqual(expect.arrayContaining(expected));
    // The other planted cells (350万円, 令和8年9月15日, △120,000, …) are messy but readable.
    expect(synced.report.issues).toHaveLength(expected.length);
    for (const issue of synced.report.issues) {
      expect(issue.message).toContain(issue.value);
      expect(issue.message.length).toBeGreaterThan(issue.value.length);
    }
  });

  it('writes the [SFA] columns into the workbook and keeps a byte-identical backup when syncing in place', async () => {
    expect(await headerRowOf(synced.path, DEALS, 4)).toEqual(expect.arrayContaining(['ID [SFA]', 'フラグ [SFA]']));
    expect((await readFile(join(synced.dir, 'sales-pipeline.bak.xlsx'))).equals(synced.original)).toBe(true);
  });

  it('prints the human summary with tab counts, flag counts, the stalest deals and cell issues when not asked for --json', async () => {
    const { path } = await exampleCopy();
    const result = await run(['sync', path, '--now', NOW]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(() => JSON.parse(result.stdout) as unknown).toThrow();
    const out = result.stdout;
    expect(out).toContain(`同期結果: sales-pipeline(${NOW} 時点)`);
    expect(out).toContain('案件一覧(deals): 読込 300 / 追加 300 / 更新 0 / 変更なし 0 / 削除 0');
    expect(out).toContain('訪問記録(visits): 読込 600 / 追加 600 / 更新 0 / 変更なし 0 / 削除 0');
    expect(out).toContain('特別対応申請(requests): 読込 40 / 追加 40 / 更新 0 / 変更なし 0 / 削除 0');
    // Same workbook, same date: the counts the --json run reported.
    const { flags, stalest } = synced.report;
    for (const code of FLAG_CODES) {
      if (flags[code] > 0) expect(out).toContain(`  ${FLAG_MESSAGES[code].label.ja}: ${flags[code]}件`);
    }
    expect(stalest.length).toBeGreaterThan(0);
    expect(out).toContain(`滞留の長い案件(上位${stalest.length}件)`);
    for (const deal of stalest) expect(out).toContain(`${deal.row}行目 ${deal.account ?? '—'} / ${deal.title ?? '—'}  ${deal.stage ?? '—'} ${deal.daysInStage}日`);
    expect(out).toContain('読めなかったセル: 3件');
    for (const issue of expectedIssues()) expect(out).toContain(`${issue.sheet}!${issue.column}${issue.row}`);
    expect(out).toContain(`バックアップ: ${join(resolve(path, '..'), 'sales-pipeline.bak.xlsx')}`);
  });

  it('prints the summary in English when given --lang en', async () => {
    const { path } = await exampleCopy();
    const result = await run(['sync', path, '--now', NOW, '--dry-run', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Sync of sales-pipeline (as of ${NOW})`);
    expect(result.stdout).toContain('案件一覧 (deals): read 300 / inserted 300 / updated 0 / unchanged 0 / removed 0');
    expect(result.stdout).toContain(`Stale: ${synced.report.flags.stale}`);
    // Cell issues too, though the engine words them in the sheet's (Japanese) language.
    expect(result.stdout).toContain('案件一覧!O42 "次回予定日": Not a date: 来週');
    expect(result.stdout).not.toContain('日付として読めません');
  });

  it('words the JSON issues in the language --lang asks for', async () => {
    const { path } = await exampleCopy();
    const result = await run(['sync', path, '--now', NOW, '--dry-run', '--json', '--lang', 'en']);
    const doc = JSON.parse(result.stdout) as { issues: { row: number; column: string; message: string }[] };
    expect(doc.issues.find((i) => i.row === 42 && i.column === 'O')?.message).toMatch(/^Not a date: 来週/);
  });

  it('leaves the file bytes untouched and writes no backup when given --dry-run', async () => {
    const { dir, path } = await exampleCopy();
    const before = await stateOf(path, dir);
    const result = await run(['sync', path, '--json', '--dry-run', '--now', NOW]);
    expect(result.code).toBe(0);
    const report = jsonOf(result);
    expect(report).toMatchObject({ dryRun: true, output: null, backup: null });
    expect(report.tabs.find((t) => t.kind === 'deals')?.inserted).toBe(300);
    expect(report.flags).toEqual(synced.report.flags);
    expect(await stateOf(path, dir)).toEqual(before);
  });

  it('runs a dry run on a workbook Excel has open (a ~$ owner file beside it)', async () => {
    const { dir, path } = await exampleCopy();
    await writeFile(join(dir, '~$sales-pipeline.xlsx'), 'owner');
    const before = await stateOf(path, dir);
    const result = await run(['sync', path, '--dry-run', '--now', NOW]);
    expect(result.code).toBe(0);
    expect(await stateOf(path, dir)).toEqual(before);
  });

  it('writes the synced workbook elsewhere and leaves the input untouched when given --out', async () => {
    const { dir, path } = await exampleCopy();
    const outDir = join(root, 'out');
    await mkdir(outDir, { recursive: true });
    const out = join(outDir, 'synced.xlsx');
    const before = await stateOf(path, dir);
    const result = await run(['sync', path, '--out', out, '--json', '--now', NOW]);
    expect(result.code).toBe(0);
    expect(jsonOf(result)).toMatchObject({ workbook: path, output: out, backup: null });
    expect(await stateOf(path, dir)).toEqual(before);
    expect(await headerRowOf(out, DEALS, 4)).toEqual(expect.arrayContaining(['ID [SFA]', 'フラグ [SFA]']));
    expect(await headerRowOf(path, DEALS, 4)).not.toContain('ID [SFA]');
  });

  it('parses 保留 as a stage when the --mapping file maps the label', async () => {
    const { dir, path } = await exampleCopy();
    const mapping = join(dir, 'mapping.json');
    await writeFile(mapping, JSON.stringify({ stageLabels: { 保留: 'nurturing' } }));
    const result = await run(['sync', path, '--json', '--dry-run', '--now', NOW, '--mapping', mapping]);
    expect(result.code).toBe(0);
    const report = jsonOf(result);
    expect(report.issues.filter((i) => i.field === 'stage')).toEqual([]);
    expect(issueKeys(report)).toEqual(expectedIssues().filter((i) => i.value !== '保留'));
    expect(report.flags.unknown_stage).toBe(0);
    expect(report.warnings).toEqual([]);
  });

  it.each([
    { name: 'is not JSON', content: '{ "stageLabels": { "保留": "nurturing" ', pattern: /mapping file .*\.json is not valid JSON/ },
    { name: 'is a JSON array', content: '[]', pattern: /mapping file .*must hold a JSON object/ },
    { name: 'gives a column as a number', content: '{"tabs":{"deals":{"sheet":"案件一覧","columns":{"title":5}}}}', pattern: /tabs\.deals\.columns\.title: must be a header text or a column letter/ },
    { name: 'names a deals sheet the workbook does not have', content: JSON.stringify({ tabs: { deals: { sheet: '商談一覧' } } }), pattern: /商談一覧/ },
  ])('exits 2 with one line on stderr and leaves the workbook untouched when the mapping file $name', async ({ content, pattern }) => {
    const { dir, path } = await exampleCopy();
    const mapping = join(root, `mapping-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(mapping, content);
    const before = await stateOf(path, dir);
    const result = await run(['sync', path, '--now', NOW, '--mapping', mapping]);
    expectOneLineError(result, pattern);
    expect(result.stdout).toBe('');
    expect(await stateOf(path, dir)).toEqual(before);
  });

  it('exits 2 before syncing when the --out folder does not exist', async () => {
    const { dir, path } = await exampleCopy();
    const before = await stateOf(path, dir);
    const result = await run(['sync', path, '--now', NOW, '--out', join(dir, 'no-such-folder', 'out.xlsx')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sheets-sfa: cannot write to the folder of .*out\.xlsx\n$/);
    expect(await stateOf(path, dir)).toEqual(before);
  });

  it('syncs in place, with its backup, when --out names the workbook itself', async () => {
    const { path } = await exampleCopy();
    const result = await run(['sync', path, '--now', NOW, '--json', '--out', path]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ output: path, backup: expect.stringMatching(/\.bak\.xlsx$/) });
  });

  it('exits 2 when the mapping file does not exist', async () => {
    const { path } = await exampleCopy();
    const result = await run(['sync', path, '--now', NOW, '--mapping', join(root, 'no-such-mapping.json')]);
    expectOneLineError(result, /cannot read the mapping file/);
  });

  const UNREADABLE: readonly { name: string; code: string; pattern: RegExp; setUp: (dir: string, path: string) => Promise<void> }[] = [
    { name: 'a text file', code: 'not_a_workbook', pattern: /is not an \.xlsx workbook/, setUp: (_dir, path) => writeFile(path, 'No.,顧客名,案件名\n1,株式会社東洋工業,基幹システム刷新\n') },
    {
      name: 'password-protected (CFB header)',
      code: 'encrypted',
      pattern: /password-protected/,
      setUp: (_dir, path) => writeFile(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])),
    },
    { name: 'open in Excel', code: 'locked', pattern: /open in Excel/, setUp: (dir, path) => copyFile(EXAMPLE, path).then(() => writeFile(join(dir, '~$pipeline.xlsx'), 'owner')) },
  ];

  it.each(UNREADABLE)('exits 2 with a one-line reason and leaves the file untouched when the workbook is $name', async ({ code, pattern, setUp }) => {
    const dir = await mkdtemp(join(root, 'bad-'));
    const path = join(dir, 'pipeline.xlsx');
    await setUp(dir, path);
    const before = await stateOf(path, dir);
    const plain = await run(['sync', path, '--now', NOW]);
    expectOneLineError(plain, pattern);
    expect(plain.stdout).toBe('');
    const json = await run(['sync', path, '--now', NOW, '--json']);
    expectOneLineError(json, pattern);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code } });
    expect(await stateOf(path, dir)).toEqual(before);
  });

  it('exits 2 with a one-line reason and creates nothing when the workbook does not exist', async () => {
    const dir = await mkdtemp(join(root, 'missing-'));
    const result = await run(['sync', join(dir, 'pipeline.xlsx'), '--now', NOW]);
    expectOneLineError(result, /file not found: .*pipeline\.xlsx/);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each(['2026-13-01', '2026-02-30', '20261120', '2026/11/20', 'tomorrow', ''])('exits 2 without touching the workbook when --now is %j', async (now) => {
    const { dir, path } = await exampleCopy();
    const before = await stateOf(path, dir);
    const result = await run(['sync', path, '--now', now]);
    expectOneLineError(result, /--now must be a date as YYYY-MM-DD/);
    expect(await stateOf(path, dir)).toEqual(before);
  });

  it.each([
    { argv: ['sync'], pattern: /sync needs a workbook/ },
    { argv: ['export', 'x.xlsx'], pattern: /unknown command: export/ },
    { argv: ['sync', 'a.xlsx', 'b.xlsx'], pattern: /unexpected argument: b\.xlsx/ },
    { argv: ['sync', 'a.xlsx', '--frobnicate'], pattern: /frobnicate/ },
    { argv: ['sync', 'a.xlsx', '--lang', 'fr'], pattern: /--lang must be ja or en/ },
    { argv: ['sync', 'a.xlsx', '--dry-run', '--out', 'b.xlsx'], pattern: /--dry-run writes nothing/ },
  ])('exits 2 with a usage line when given $argv', async ({ argv, pattern }) => {
    expectOneLineError(await run(argv), pattern);
  });

  it.each([{ argv: ['--help'] }, { argv: ['-h'] }, { argv: ['help'] }, { argv: [] }])('prints the usage and exits 0 when given $argv', async ({ argv }) => {
    const result = await run(argv);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: sheets-sfa sync <workbook\.xlsx> \[options\]/);
    expect(result.stdout).toContain('--now YYYY-MM-DD');
    expect(result.stderr).toBe('');
  });

  it('prints the package version when given --version', async () => {
    const pkg = JSON.parse(await readFile(join(PROJECT, 'package.json'), 'utf8')) as { version: string };
    const result = await run(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('raises more stale flags when --now is a later date (what-if)', async () => {
    const { dir, path } = await exampleCopy();
    const before = await stateOf(path, dir);
    const today = jsonOf(await run(['sync', path, '--json', '--dry-run', '--now', NOW]));
    const later = jsonOf(await run(['sync', path, '--json', '--dry-run', '--now', '2027-01-20']));
    expect(today.asOf).toBe(NOW);
    expect(later.asOf).toBe('2027-01-20');
    expect(today.flags).toEqual(synced.report.flags);
    expect(later.flags.stale).toBeGreaterThan(today.flags.stale);
    expect(later.flags.next_action_overdue).toBeGreaterThan(today.flags.next_action_overdue);
    expect(Math.max(...later.stalest.map((d) => d.daysInStage))).toBeGreaterThan(Math.max(...today.stalest.map((d) => d.daysInStage)));
    expect(await stateOf(path, dir)).toEqual(before);
  });

  it('takes today in Asia/Tokyo from the clock when --now is not given', async () => {
    const { path } = await exampleCopy();
    // 15:30 UTC on the 19th is already 00:30 on the 20th in Tokyo.
    const result = await run(['sync', path, '--json', '--dry-run'], () => new Date('2026-11-19T15:30:00Z'));
    expect(result.code).toBe(0);
    const report = jsonOf(result);
    expect(report.asOf).toBe(NOW);
    expect(report.flags).toEqual(synced.report.flags);
  });
});

describe('bin/sheets-sfa.js', () => {
  it('syncs the example end to end in a child process and prints the JSON report', async () => {
    const { dir, path } = await exampleCopy('pipeline (bin).xlsx');
    const childData = await mkdtemp(join(root, 'bin-data-'));
    const child = spawnSync(process.execPath, ['bin/sheets-sfa.js', 'sync', path, '--json', '--now', NOW], {
      cwd: PROJECT,
      env: { ...process.env, SHEETS_SFA_DATA_DIR: childData, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.error).toBeUndefined();
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const report = JSON.parse(child.stdout) as JsonReport;
    expect(report).toMatchObject({ version: 1, workbook: path, output: path, asOf: NOW, dryRun: false });
    expect(report.tabs.map((t) => [t.sheet, t.read, t.inserted])).toEqual([
      [DEALS, 300, 300],
      ['訪問記録', 600, 600],
      ['特別対応申請', 40, 40],
    ]);
    expect(issueKeys(report)).toEqual(expect.arrayContaining(expectedIssues()));
    expect((await readdir(dir)).sort()).toEqual(['pipeline (bin).bak.xlsx', 'pipeline (bin).xlsx']);
    expect(await readdir(childData)).toContain('pglite');
  });
});
