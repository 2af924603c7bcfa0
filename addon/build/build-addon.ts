// Builds what clasp pushes (addon/dist): Code.js, the add-on as one classic script whose Apps
// Script entry points are top-level function declarations; Sidebar.html, the sidebar with its
// script and styles inlined; appsscript.json, with the service URL whitelisted.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { MENU_FUNCTIONS, SIDEBAR_RPC_NAMES, TRIGGER_FUNCTIONS } from '../src/rpc/sidebar-rpc.ts';
import { DEFAULT_SERVICE_URL, manifestFor, serviceBaseUrl } from './addon-manifest.ts';
import { inlineSidebar } from './inline-sidebar.ts';
import { SCRIPT_BUNDLE_OPTIONS } from './script-bundle-options.ts';
import { ScriptExportError, stripFinalExport } from './script-exports.ts';

const ADDON_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The bundle's path comments name files relative to this, whatever the caller's working directory.
const ROOT = resolve(ADDON_DIR, '..');

export interface BuildAddonOptions {
  readonly outDir: string;
  /** The service's base URL; default: env SHEETS_SFA_SERVICE_URL, else https://sheets-sfa.example.com. */
  readonly serviceUrl?: string;
  /** Whitespace and syntax only: identifiers stay, so the entry points keep their names. */
  readonly minify?: boolean;
  /** Where sidebar.html, sidebar.css and main.ts are; default addon/sidebar (tests use a fixture). */
  readonly sidebarDir?: string;
}

/** Every function Apps Script must find at top level: triggers, menu items, sidebar calls. */
export const ENTRY_POINTS: readonly string[] = [...TRIGGER_FUNCTIONS, ...MENU_FUNCTIONS, ...SIDEBAR_RPC_NAMES];

const OUTPUTS = ['Code.js', 'Sidebar.html', 'appsscript.json'] as const;

function describeErrors(error: unknown): string {
  const failure = error as { errors?: esbuild.Message[] };
  if (Array.isArray(failure.errors) && failure.errors.length > 0) {
    return failure.errors.map((e) => `${e.location === null ? '' : `${e.location.file}:${e.location.line}: `}${e.text}`).join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}

async function bundleScript(baseUrl: string, minify: boolean): Promise<string> {
  const entry = join(ADDON_DIR, 'src/main.ts');
  let result: esbuild.BuildResult<{ write: false }>;
  try {
    result = await esbuild.build({
      ...SCRIPT_BUNDLE_OPTIONS,
      entryPoints: [entry],
      absWorkingDir: ROOT,
      legalComments: 'none',
      minifyWhitespace: minify,
      minifySyntax: minify,
      minifyIdentifiers: false,
      define: { SHEETS_SFA_SERVICE_URL: JSON.stringify(baseUrl) },
      logLevel: 'silent',
    });
  } catch (error) {
    throw new Error(`addon/src/main.ts could not be bundled:\n${describeErrors(error)}`);
  }
  const text = result.outputFiles[0]?.text ?? '';
  let stripped: ReturnType<typeof stripFinalExport>;
  try {
    stripped = stripFinalExport(text, 'addon/src/main.ts');
  } catch (error) {
    if (error instanceof ScriptExportError && error.clashes.length > 0) throw new ScriptExportError(`${error.message}\n${await clashingDeclarations(error.clashes)}`, error.clashes);
    throw error;
  }
  const { code, exported } = stripped;
  const missing = ENTRY_POINTS.filter((name) => !exported.includes(name));
  if (missing.length > 0) throw new ScriptExportError(`addon/src/main.ts does not export the entry points ${missing.join(', ')}`);
  return `// sheets-sfa add-on, built by addon/build/build-addon.ts: edit addon/src, not this file.\n${code}`;
}

/** Where the top-level declarations that took an entry point's name are, to say what to rename. */
async function clashingDeclarations(names: readonly string[]): Promise<string> {
  const src = join(ADDON_DIR, 'src');
  const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.ts') && f !== 'main.ts');
  const lines: string[] = [];
  for (const file of files) {
    const text = await readFile(join(src, file), 'utf8');
    for (const name of names) {
      if (new RegExp(`^(export\\s+)?(async\\s+)?(function\\*?|const|let|var|class)\\s+${name}\\b`, 'm').test(text)) lines.push(`  ${name}: addon/src/${file}`);
    }
  }
  return lines.length === 0 ? '' : `These modules declare an entry point's name at top level (give theirs another name):\n${lines.join('\n')}`;
}

async function bundleSidebar(sidebarDir: string, minify: boolean): Promise<string> {
  const files = { html: join(sidebarDir, 'sidebar.html'), css: join(sidebarDir, 'sidebar.css'), js: join(sidebarDir, 'main.ts') };
  const absent = Object.values(files).filter((f) => !existsSync(f));
  if (absent.length > 0) {
    throw new Error(`the sidebar cannot be built: ${absent.join(', ')} missing (the sidebar is addon/sidebar/main.ts, sidebar.css and sidebar.html)`);
  }
  try {
    const common = { absWorkingDir: ROOT, bundle: true, write: false, minify, charset: 'utf8', legalComments: 'none', logLevel: 'silent' } as const;
    const [js, css] = await Promise.all([
      esbuild.build({ ...common, entryPoints: [files.js], format: 'iife', platform: 'browser', target: 'es2020' }),
      esbuild.build({ ...common, entryPoints: [files.css], loader: { '.css': 'css' } }),
    ]);
    return inlineSidebar(await readFile(files.html, 'utf8'), css.outputFiles[0]?.text ?? '', js.outputFiles[0]?.text ?? '', files.html);
  } catch (error) {
    if (error instanceof Error && error.name === 'SidebarInlineError') throw error;
    throw new Error(`the sidebar could not be bundled:\n${describeErrors(error)}`);
  }
}

// clasp pushes every script and HTML file in the folder: a file left from an older build would
// be pushed with it.
async function clearStaleOutputs(outDir: string): Promise<void> {
  for (const name of await readdir(outDir)) {
    if (/\.(js|gs|html|json)$/i.test(name) && !(OUTPUTS as readonly string[]).includes(name)) await rm(join(outDir, name));
  }
}

/** Builds the add-on into outDir; returns the files written (absolute paths). */
export async function buildAddon(options: BuildAddonOptions): Promise<{ files: string[] }> {
  const baseUrl = serviceBaseUrl(options.serviceUrl ?? process.env.SHEETS_SFA_SERVICE_URL ?? DEFAULT_SERVICE_URL);
  const minify = options.minify ?? false;
  const [code, sidebar, template] = await Promise.all([
    bundleScript(baseUrl, minify),
    bundleSidebar(options.sidebarDir ?? join(ADDON_DIR, 'sidebar'), minify),
    readFile(join(ADDON_DIR, 'appsscript.json'), 'utf8'),
  ]);
  const manifest = manifestFor(JSON.parse(template), baseUrl);
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  await clearStaleOutputs(outDir);
  const contents: Record<(typeof OUTPUTS)[number], string> = {
    'Code.js': code,
    'Sidebar.html': sidebar,
    'appsscript.json': `${JSON.stringify(manifest, null, 2)}\n`,
  };
  const files: string[] = [];
  for (const name of OUTPUTS) {
    const file = join(outDir, name);
    await writeFile(file, contents[name]);
    files.push(file);
  }
  return { files };
}

if (import.meta.main) {
  try {
    const { files } = await buildAddon({ outDir: join(ADDON_DIR, 'dist'), minify: process.argv.includes('--minify') });
    for (const f of files) console.log(f);
  } catch (error) {
    console.error(`build:addon failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
