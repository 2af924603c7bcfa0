// LockService: document, user and script locks held by an execution until released or until the
// execution ends. Tests can hold a lock "from another execution" (holdLock); waiting on it does not
// block: the clock moves by the timeout and the wait fails, as it would had nobody let go.
import { lockKey, type AppsScriptState, type LockKind } from './apps-script-state.ts';
import { scriptException, signatureMismatch } from './realm.ts';
import { guard } from './service-guard.ts';

type LockReads = Pick<GoogleAppsScript.Lock.Lock, 'hasLock' | 'tryLock' | 'releaseLock' | 'waitLock'>;

export class FakeLock implements LockReads {
  readonly #state: AppsScriptState;
  readonly #key: string;
  #held = false;

  constructor(state: AppsScriptState, key: string) {
    this.#state = state;
    this.#key = key;
  }

  #free(): boolean {
    const holder = this.#state.locks.get(this.#key);
    const me = this.#state.execution?.id ?? 0;
    return holder === undefined || (holder.kind === 'execution' && holder.id === me);
  }

  tryLock(timeoutInMillis: number): boolean {
    guard(this.#state, 'Lock.tryLock', 'anytime');
    if (typeof timeoutInMillis !== 'number') throw signatureMismatch(this.#state.realm, 'Lock.tryLock', [timeoutInMillis]);
    if (this.#free()) {
      this.#state.locks.set(this.#key, { kind: 'execution', id: this.#state.execution?.id ?? 0 });
      this.#held = true;
      return true;
    }
    this.#state.clock.advance(Math.max(0, timeoutInMillis));
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw scriptException(this.#state.realm, 'Lock timeout: another process was holding the lock for too long.');
  }

  hasLock(): boolean {
    const holder = this.#state.locks.get(this.#key);
    return this.#held && holder?.kind === 'execution' && holder.id === (this.#state.execution?.id ?? 0);
  }

  releaseLock(): void {
    if (this.hasLock()) this.#state.locks.delete(this.#key);
    this.#held = false;
  }
}

export function createLockService(state: AppsScriptState) {
  const lock = (method: string, kind: LockKind): FakeLock => {
    guard(state, `LockService.${method}`, 'limited');
    return new FakeLock(state, lockKey(state, kind));
  };
  return {
    getDocumentLock: (): FakeLock => lock('getDocumentLock', 'document'),
    getUserLock: (): FakeLock => lock('getUserLock', 'user'),
    getScriptLock: (): FakeLock => lock('getScriptLock', 'script'),
  };
}

/** Locks die with the execution that held them. */
export function releaseExecutionLocks(state: AppsScriptState, executionId: number): void {
  for (const [key, holder] of state.locks) if (holder.kind === 'execution' && holder.id === executionId) state.locks.delete(key);
}

/** A test holding (or letting go of) a lock as if another execution had it. */
export function holdLockExternally(state: AppsScriptState, kind: LockKind, held: boolean): void {
  const key = lockKey(state, kind);
  if (held) state.locks.set(key, { kind: 'external' });
  else if (state.locks.get(key)?.kind === 'external') state.locks.delete(key);
}
