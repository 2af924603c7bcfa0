// Checks Apps Script makes before a service call runs: the execution's time limit, its
// authorization mode (simple triggers run LIMITED or NONE), and the manifest's OAuth scopes.
import type { AppsScriptState } from './apps-script-state.ts';
import { scriptException } from './realm.ts';

const AUTH = 'https://www.googleapis.com/auth/';

export const SCOPES = {
  spreadsheets: [`${AUTH}spreadsheets.currentonly`, `${AUTH}spreadsheets`],
  ui: [`${AUTH}script.container.ui`],
  external: [`${AUTH}script.external_request`],
  scriptapp: [`${AUTH}script.scriptapp`],
  openid: ['openid'],
  email: [`${AUTH}userinfo.email`],
} as const;

/** 'anytime': no authorization needed; 'limited': allowed in simple triggers of an enabled add-on; 'full': needs full authorization. */
export type Access = 'anytime' | 'limited' | 'full';

export function hasScope(state: AppsScriptState, scopes: readonly string[]): boolean {
  return state.scopes === null || scopes.length === 0 || scopes.some((scope) => state.scopes?.includes(scope));
}

export function checkDeadline(state: AppsScriptState): void {
  const execution = state.execution;
  if (execution !== null && state.clock.now() - execution.startedAt > execution.limitMs) {
    throw scriptException(state.realm, 'Exceeded maximum execution time');
  }
}

export function guard(state: AppsScriptState, method: string, access: Access, scopes: readonly string[] = []): void {
  checkDeadline(state);
  const mode = state.execution?.authMode ?? 'FULL';
  const allowed = access === 'anytime' || (access === 'limited' ? mode !== 'NONE' : mode === 'FULL');
  if (!allowed || !hasScope(state, scopes)) {
    const needed = scopes[0] === undefined ? '' : ` Required permissions: ${scopes[0]}`;
    throw scriptException(state.realm, `You do not have permission to call ${method}.${needed}`);
  }
}
