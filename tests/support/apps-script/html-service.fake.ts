// HtmlService: HTML outputs from the bundle's .html files (createHtmlOutputFromFile('Sidebar')
// reads <bundleDir>/Sidebar.html), with the title and size the UI shows them at.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppsScriptState } from './apps-script-state.ts';
import { makeEnum } from './enum-value.ts';
import { scriptException, signatureMismatch } from './realm.ts';
import { guard } from './service-guard.ts';

export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT']);

type HtmlOutputReads = Pick<GoogleAppsScript.HTML.HtmlOutput, 'getContent' | 'getTitle' | 'getWidth' | 'getHeight'>;

export class FakeHtmlOutput implements HtmlOutputReads {
  #content: string;
  #title = '';
  #width: number | null = null;
  #height: number | null = null;

  constructor(content: string) {
    this.#content = content;
  }

  getContent(): string {
    return this.#content;
  }

  setContent(content: string): FakeHtmlOutput {
    this.#content = String(content);
    return this;
  }

  append(html: string): FakeHtmlOutput {
    this.#content += String(html);
    return this;
  }

  appendUntrusted(text: string): FakeHtmlOutput {
    this.#content += String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return this;
  }

  setTitle(title: string): FakeHtmlOutput {
    this.#title = String(title);
    return this;
  }

  getTitle(): string {
    return this.#title;
  }

  setWidth(width: number): FakeHtmlOutput {
    this.#width = width;
    return this;
  }

  getWidth(): number {
    return this.#width ?? 0;
  }

  /** Not Apps Script: the width as set, null when never set. */
  get declaredWidth(): number | null {
    return this.#width;
  }

  setHeight(height: number): FakeHtmlOutput {
    this.#height = height;
    return this;
  }

  getHeight(): number {
    return this.#height ?? 0;
  }

  setSandboxMode(_mode: unknown): FakeHtmlOutput {
    return this;
  }

  setXFrameOptionsMode(_mode: unknown): FakeHtmlOutput {
    return this;
  }

  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this.#content = `<meta name="${String(name)}" content="${String(content)}">${this.#content}`;
    return this;
  }

  setFaviconUrl(_url: string): FakeHtmlOutput {
    return this;
  }
}

export function createHtmlService(state: AppsScriptState, bundleDir: string) {
  return {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutputFromFile(filename: unknown): FakeHtmlOutput {
      guard(state, 'HtmlService.createHtmlOutputFromFile', 'anytime');
      if (typeof filename !== 'string') throw signatureMismatch(state.realm, 'HtmlService.createHtmlOutputFromFile', [filename]);
      const base = filename.endsWith('.html') ? filename.slice(0, -5) : filename;
      const path = join(bundleDir, `${base}.html`);
      if (!existsSync(path)) throw scriptException(state.realm, `No HTML file named ${base} was found.`);
      return new FakeHtmlOutput(readFileSync(path, 'utf8'));
    },
    createHtmlOutput(html?: unknown): FakeHtmlOutput {
      guard(state, 'HtmlService.createHtmlOutput', 'anytime');
      return new FakeHtmlOutput(html === undefined ? '' : String(html));
    },
  };
}
