// The system Chromium driven by playwright-core (which ships no browser of its own). A missing
// Chromium is an error with the install command, never a skipped test: the sidebar's browser tests
// are the proof that a rep and an approver can use it.
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Chromium's Japanese UI strings and formats (Debian's chromium-l10n). */
export const CHROMIUM_JA_LOCALE = '/usr/lib/chromium/locales/ja.pak';

/** What .ci/run installs when Chromium or its Japanese locale is missing (Debian/Ubuntu). */
export const CHROMIUM_INSTALL_COMMAND = 'apt-get install -y --no-install-recommends chromium chromium-l10n fonts-noto-cjk';

// Headless in a container: no sandbox (no user namespaces), no GPU, and nothing that would
// reach the network on its own (updates, sync, QUIC probes).
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export class ChromiumMissingError extends Error {
  constructor(what: string) {
    super(`${what}. The sidebar's browser tests need it; install it with: sudo ${CHROMIUM_INSTALL_COMMAND}`);
    this.name = 'ChromiumMissingError';
  }
}

function missing(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return false;
  } catch {
    return true;
  }
}

/**
 * Launches the system Chromium headless, its own language Japanese as on the team's PCs (date
 * fields read 年/月/日, the calendar and native messages are Japanese); one per test file, closed
 * by the caller after.
 */
export async function launchChromium(): Promise<Browser> {
  if (missing(CHROMIUM_PATH, constants.X_OK)) throw new ChromiumMissingError(`Chromium was not found at ${CHROMIUM_PATH}`);
  if (missing(CHROMIUM_JA_LOCALE, constants.R_OK)) throw new ChromiumMissingError(`Chromium has no Japanese locale (${CHROMIUM_JA_LOCALE})`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true, env: { ...process.env, LANGUAGE: 'ja' } });
}
