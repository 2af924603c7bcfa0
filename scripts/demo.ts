import { copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../server/cli/main.ts';

// Syncs a copy of the example workbook, so the committed example stays as generated. The fixed
// --now matches the day the example was generated for, so the figures in the README reproduce.
const dir = join(tmpdir(), 'sheets-sfa-demo');
await mkdir(dir, { recursive: true });
const copy = join(dir, 'sales-pipeline.xlsx');
await copyFile(new URL('../examples/sales-pipeline.xlsx', import.meta.url), copy);
process.stdout.write(`sheets-sfa demo: syncing a copy of examples/sales-pipeline.xlsx → ${copy}\n\n`);
process.exitCode = await main(['sync', copy, '--now', '2026-11-20', ...process.argv.slice(2)]);
