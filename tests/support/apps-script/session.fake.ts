// Session: who is running the code (a trigger runs as its owner), their language, the script's zone.
import { currentUser, type AppsScriptState } from './apps-script-state.ts';
import { FakeUserObject } from './protection.fake.ts';
import { guard, hasScope, SCOPES } from './service-guard.ts';

export function createSession(state: AppsScriptState) {
  // Without the userinfo.email scope Apps Script hands back an empty address.
  const user = (method: string): FakeUserObject => {
    guard(state, `Session.${method}`, 'limited');
    return new FakeUserObject(hasScope(state, SCOPES.email) ? currentUser(state).email : '');
  };
  return {
    getActiveUser: (): FakeUserObject => user('getActiveUser'),
    getEffectiveUser: (): FakeUserObject => user('getEffectiveUser'),
    getActiveUserLocale: (): string => currentUser(state).locale ?? 'ja',
    getScriptTimeZone: (): string => state.scriptTimeZone,
    getTemporaryActiveUserKey: (): string => Buffer.from(currentUser(state).email).toString('base64url'),
  };
}
