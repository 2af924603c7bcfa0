import { describe, expect, it } from 'vitest';
import { declaresTopLevelFunction, importExportLines, ScriptExportError, stripFinalExport } from '../../../addon/build/script-exports.ts';

const BUNDLE = ['// comment', 'function helper() { return 1; }', 'function onOpen(e) {', '  helper();', '}', 'function menuSyncNow() {', '}', 'export {', '  menuSyncNow,', '  onOpen', '};', ''].join('\n');

describe('stripFinalExport', () => {
  it('removes the final export list and returns the exported names when every export is a top-level function', () => {
    const { code, exported } = stripFinalExport(BUNDLE, 'main.ts');
    expect(exported).toEqual(['menuSyncNow', 'onOpen']);
    expect(code).not.toContain('export');
    expect(code).toContain('function onOpen(e) {');
  });

  it('fails naming the renamed entry points when esbuild aliased an export', () => {
    const bundle = BUNDLE.replace('  onOpen\n', '  onOpen2 as onOpen\n').replace('function onOpen(', 'function onOpen2(');
    let error: unknown;
    try {
      stripFinalExport(bundle, 'main.ts');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScriptExportError);
    expect((error as ScriptExportError).message).toContain('onOpen2 as onOpen');
    expect((error as ScriptExportError).clashes).toEqual(['onOpen']);
  });

  it('fails when an import is left in the script', () => {
    expect(() => stripFinalExport(`import { x } from "./x.js";\n${BUNDLE}`, 'main.ts')).toThrow(/import\/export left/);
  });

  it('fails when an export is a variable rather than a function declaration', () => {
    const bundle = BUNDLE.replace('function menuSyncNow() {\n}', 'var menuSyncNow = () => {\n};');
    expect(() => stripFinalExport(bundle, 'main.ts')).toThrow(/top-level function declarations, not: menuSyncNow/);
  });

  it('accepts a minified bundle whose export list follows the last statement', () => {
    expect(stripFinalExport('function onOpen(e){helper()}function helper(){}export{onOpen};', 'main.ts').exported).toEqual(['onOpen']);
  });

  it('fails when the bundle has no export list', () => {
    expect(() => stripFinalExport('function onOpen() {}\n', 'main.ts')).toThrow(/without an export list/);
  });
});

describe('importExportLines', () => {
  it('finds import and export statements, dynamic imports and import.meta but not object keys', () => {
    const code = ['const a = { import: 1, export: 2 };', 'export const b = 1;', 'const c = import("x");', 'const d = import.meta.url;', 'import "y";'].join('\n');
    expect(importExportLines(code)).toEqual(['export const b = 1;', 'import "y";', 'import("x");', 'import.meta.url;']);
  });

  it('finds an export right after a statement in minified code', () => {
    expect(importExportLines('function a(){}export{a};')).toEqual(['export{a};']);
  });
});

describe('declaresTopLevelFunction', () => {
  it('tells a top-level declaration from a nested one, a variable or a longer name', () => {
    expect(declaresTopLevelFunction('var x = 1;function onOpen(e){}', 'onOpen')).toBe(true);
    expect(declaresTopLevelFunction('function outer() { function onOpen(e) {} }', 'onOpen')).toBe(false);
    expect(declaresTopLevelFunction('var onOpen = function (e) {};', 'onOpen')).toBe(false);
    expect(declaresTopLevelFunction('function onOpenLater(e) {}', 'onOpen')).toBe(false);
  });
});
