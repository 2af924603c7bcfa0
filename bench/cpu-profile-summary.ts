// Summarises a V8 .cpuprofile (node --cpu-prof): CPU time per function, self and inclusive.
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
}

export interface FunctionTime {
  readonly name: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

export interface CpuSummary {
  readonly profiledMs: number;
  /** By self time, highest first; the profiler's own (idle)/(program) and bench/ frames left out. */
  readonly bySelf: readonly FunctionTime[];
  /** Functions in the project's own code (not node_modules, not bench/), by inclusive time. */
  readonly projectByTotal: readonly FunctionTime[];
}

function shortUrl(url: string, root: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  return path.startsWith(root) ? path.slice(root.length + 1) : path;
}

export async function summarizeCpuProfile(file: string, root: string, top = 25): Promise<CpuSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totalSamples = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
  const profiledMs = (profile.endTime - profile.startTime) / 1000;
  const msPerSample = totalSamples === 0 ? 0 : profiledMs / totalSamples;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const project = new Set<string>();
  const harness = new Set<string>();
  const keyOf = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url === '' ? '' : ` ${shortUrl(url, root)}:${lineNumber + 1}`;
    const key = `${functionName === '' ? '(anonymous)' : functionName}${where}`;
    if (url.includes(root) && !url.includes('/node_modules/') && !url.includes('/bench/')) project.add(key);
    if (url.includes('/bench/') || functionName === '(idle)' || functionName === '(program)') harness.add(key);
    return key;
  };
  const root0 = profile.nodes[0];
  if (root0 === undefined) return { profiledMs, bySelf: [], projectByTotal: [] };
  // Walk the call tree; a node's self time counts once for every distinct function on its stack.
  const walk = (node: ProfileNode, stack: Map<string, number>): void => {
    const key = keyOf(node);
    const ms = (node.hitCount ?? 0) * msPerSample;
    self.set(key, (self.get(key) ?? 0) + ms);
    stack.set(key, (stack.get(key) ?? 0) + 1);
    for (const k of stack.keys()) total.set(k, (total.get(k) ?? 0) + ms);
    for (const child of node.children ?? []) {
      const next = byId.get(child);
      if (next !== undefined) walk(next, stack);
    }
    const depth = (stack.get(key) ?? 1) - 1;
    if (depth === 0) stack.delete(key);
    else stack.set(key, depth);
  };
  walk(root0, new Map());
  const timeOf = (name: string): FunctionTime => ({ name, selfMs: self.get(name) ?? 0, totalMs: total.get(name) ?? 0 });
  const bySelf = [...self.keys()].filter((k) => !harness.has(k)).map(timeOf).sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
  const projectByTotal = [...project].map(timeOf).sort((a, b) => b.totalMs - a.totalMs).slice(0, top);
  return { profiledMs, bySelf, projectByTotal };
}
