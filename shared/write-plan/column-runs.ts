/**
 * Contiguous runs of columns, left to right, each as [first, last]; duplicates count once. The
 * sources protect and write service columns run by run: one range, one request each.
 */
export function columnRuns(columns: readonly number[]): [first: number, last: number][] {
  const runs: [number, number][] = [];
  for (const c of [...new Set(columns)].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run !== undefined && run[1] + 1 === c) run[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}
