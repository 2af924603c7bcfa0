import type { BuildOptions } from 'esbuild';

/**
 * How a TypeScript entry becomes one Apps Script file: ESM output, so its exports can be stripped
 * into top-level functions (script-exports.ts); V8's ES2022; no Node or browser built-ins.
 */
export const SCRIPT_BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'neutral',
  write: false,
  charset: 'utf8',
} as const satisfies BuildOptions;
