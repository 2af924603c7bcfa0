// Apps Script has no modules: it runs every file as one classic script and can call only
// top-level function declarations (menus, triggers, google.script.run). esbuild's ESM output
// declares the entry points at top level and lists them in one final `export { … };`, which is
// removed here. Anything that would not survive that (a renamed export, a leftover import or
// export, an entry point that is not a top-level function declaration) fails the build.
import vm from 'node:vm';
import ts from 'typescript';

// On its own line, or (minified) right after the last statement.
const FINAL_EXPORT = /(?<=^|[\n;}])export\s*\{([^}]*)\};?\s*$/;

export interface StrippedScript {
  readonly code: string;
  readonly exported: readonly string[];
}

export class ScriptExportError extends Error {
  override readonly name = 'ScriptExportError';
  /** Entry points esbuild renamed because another top-level declaration took their name. */
  readonly clashes: readonly string[];
  constructor(message: string, clashes: readonly string[] = []) {
    super(message);
    this.clashes = clashes;
  }
}

/** Removes the bundle's final export list and checks the script is one classic script. */
export function stripFinalExport(bundle: string, entryFile: string): StrippedScript {
  const match = FINAL_EXPORT.exec(bundle);
  if (match === null) throw new ScriptExportError(`${entryFile}: the bundle ends without an export list; declare the entry points as exported functions`);
  const items = (match[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  // `x as y` means esbuild renamed a function to avoid a clash: Apps Script would see `x`.
  const aliased = items.filter((s) => /\sas\s/.test(s));
  if (aliased.length > 0) {
    throw new ScriptExportError(
      `${entryFile}: esbuild renamed entry points (${aliased.join(', ')}): another bundled module declares the same name at top level`,
      aliased.map((s) => s.split(/\s+as\s+/)[1] ?? s),
    );
  }
  const code = `${bundle.slice(0, match.index)}\n`;
  const leftovers = importExportLines(code);
  if (leftovers.length > 0) throw new ScriptExportError(`${entryFile}: import/export left in the bundle: ${leftovers.slice(0, 5).join(' | ')}`);
  try {
    // Compiles as a classic script, the way Apps Script loads it, without running it.
    new vm.Script(code, { filename: 'Code.js' });
  } catch (error) {
    throw new ScriptExportError(`${entryFile}: the bundle is not a classic script: ${error instanceof Error ? error.message : String(error)}`);
  }
  const declared = topLevelFunctions(code);
  const notFunctions = items.filter((name) => !declared.has(name));
  if (notFunctions.length > 0) {
    throw new ScriptExportError(`${entryFile}: entry points must be top-level function declarations, not: ${notFunctions.join(', ')}`);
  }
  return { code, exported: items };
}

/** What a classic script would refuse or Apps Script cannot run: import/export statements, import(), import.meta. */
export function importExportLines(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/(?:^|[\n;}])[ \t]*((?:import|export)\b(?![ \t]*[:=(.])[^\n]{0,80})/g)) found.push((m[1] ?? '').trim());
  for (const m of code.matchAll(/\bimport\s*\(|\bimport\.meta\b/g)) found.push(code.slice(m.index, m.index + 40).split('\n')[0] ?? '');
  return found;
}

/** The names of the script's top-level function declarations (what Apps Script can call). */
export function topLevelFunctions(code: string): Set<string> {
  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name !== undefined && statement.body !== undefined) names.add(statement.name.text);
  }
  return names;
}

/** Whether the script declares `function name(…) {…}` at top level. */
export function declaresTopLevelFunction(code: string, name: string): boolean {
  return topLevelFunctions(code).has(name);
}
