// Renders the benchmark's results as plain-text tables.
import type { BenchResults } from './bench-results.ts';
import type { CpuSummary } from './cpu-profile-summary.ts';
import type { ProfileCaseResult } from './profile-case.ts';

function table(headers: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-');
const ms1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '-');

export function resultLines(results: BenchResults): string[] {
  const lines: string[] = [];
  const { environment: env, config } = results;
  lines.push(`sheets-sfa sync bench — Node ${env.node}, Postgres ${env.postgres} (${env.server}), ${env.cpus} CPUs, ${env.memoryGiB} GiB; best of ${config.runs}, today ${config.today}, seed ${config.seed}`);
  lines.push(`1-minute load average ${env.loadAverage.atStart.toFixed(2)} at start, ${env.loadAverage.atEnd.toFixed(2)} at end (anything above 0 is other work sharing the CPUs)`);
  lines.push('');
  lines.push(
    ...table(
      ['case', 'rows', 'time (ms)', 'rows/s', 'runs (ms)', 'notes'],
      results.table.map((r) => [r.label, int(r.rows), ms1(r.bestMs), int(r.rowsPerSecond), r.runsMs.map((t) => Math.round(t)).join(' / '), r.note]),
      new Set([1, 2, 3]),
    ),
  );
  lines.push('');
  lines.push(
    ...table(
      ['target', 'value', 'target', 'met', 'what'],
      results.targets.map((t) => [t.name, t.shown ?? (t.name.startsWith('peak RSS') ? `${Math.round(t.value)} MB` : Number.isInteger(t.value) ? String(t.value) : t.value.toFixed(3)), t.target, t.met ? 'yes' : 'NO', t.detail]),
      new Set([1]),
    ),
  );
  if (results.notes.length > 0) lines.push('', ...results.notes.map((n) => `note: ${n}`));
  if (results.raw.xlsxSkipped.length > 0) lines.push('', ...results.raw.xlsxSkipped.map((s) => `.xlsx: ${s}`));
  if (results.problems.length > 0) lines.push('', 'PROBLEMS:', ...results.problems.map((p) => `  ${p}`));
  if (results.raw.profile !== null) lines.push('', ...profileLines(results.raw.profile));
  if (results.raw.cpu !== null) lines.push('', ...cpuLines(results.raw.cpu));
  lines.push('', `bench finished in ${(results.durationMs / 1000).toFixed(0)} s`);
  return lines;
}

export function profileLines(profile: ProfileCaseResult): string[] {
  const lines = [`Where a sync's time goes at ${int(profile.rows)} rows (the engine's own step timings, one run each):`];
  const steps = profile.scenarios[0]?.laps.map((l) => l.step) ?? [];
  const headers = ['step', ...profile.scenarios.flatMap((s) => [`(${s.scenario}) ms`, `(${s.scenario}) %`]), '(a) RSS after'];
  const rows = steps.map((step) => {
    const cells = [step];
    for (const s of profile.scenarios) {
      const lap = s.laps.find((l) => l.step === step);
      cells.push(lap === undefined ? '-' : ms1(lap.ms), lap === undefined ? '-' : `${((lap.ms / s.totalMs) * 100).toFixed(1)}`);
    }
    const a = profile.scenarios[0]?.laps.find((l) => l.step === step);
    cells.push(a === undefined ? '-' : `${Math.round(a.rssMb)} MB`);
    return cells;
  });
  rows.push(['total', ...profile.scenarios.flatMap((s) => [ms1(s.totalMs), '100']), '']);
  lines.push(...table(headers, rows, new Set(headers.map((_, i) => i).filter((i) => i > 0))));
  return lines;
}

export function cpuLines(cpu: CpuSummary): string[] {
  const lines = [`CPU profile of the profile worker (${int(cpu.profiledMs)} ms profiled, includes generating the grid):`];
  lines.push(...table(['project function (inclusive)', 'total ms', 'self ms'], cpu.projectByTotal.map((f) => [f.name, ms1(f.totalMs), ms1(f.selfMs)]), new Set([1, 2])));
  lines.push('');
  lines.push(...table(['hottest functions (self)', 'self ms', 'total ms'], cpu.bySelf.map((f) => [f.name, ms1(f.selfMs), ms1(f.totalMs)]), new Set([1, 2])));
  return lines;
}
