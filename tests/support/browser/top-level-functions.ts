// The names google.script.run offers: Apps Script exposes every top-level function declaration of
// the project's scripts. The bundle is esbuild output, so its top-level declarations are exactly
// the ones that start a line at column 0; nested ones are indented.
const TOP_LEVEL_FUNCTION = /^(?:async[ \t]+)?function[ \t]*\*?[ \t]*([A-Za-z_$][\w$]*)[ \t]*\(/gm;

export function topLevelFunctionNames(script: string): string[] {
  return [...new Set(Array.from(script.matchAll(TOP_LEVEL_FUNCTION), (match) => match[1] as string))];
}
