import { describe, expect, it } from 'vitest';
import { holdLockExternally, releaseExecutionLocks } from './lock-service.fake.ts';
import { fakeAppsScript, MANAGER, REP } from './fake-apps-script.ts';

describe('LockService', () => {
  it('fails tryLock and throws from waitLock while another execution holds the document lock', () => {
    const { g, state } = fakeAppsScript({ now: new Date('2026-04-01T00:00:00Z') });
    holdLockExternally(state, 'document', true);
    const lock = g.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(state.clock.now()).toBe(Date.parse('2026-04-01T00:00:05Z'));
    expect(() => lock.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    holdLockExternally(state, 'document', false);
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
  });

  it('releases a lock on releaseLock and when its execution ends', () => {
    const { g, state } = fakeAppsScript();
    state.execution = { id: 7, user: REP, authMode: 'FULL', kind: 'call', startedAt: state.clock.now(), limitMs: 360_000 };
    const lock = g.LockService.getScriptLock();
    expect(lock.tryLock(100)).toBe(true);
    state.execution = { id: 8, user: REP, authMode: 'FULL', kind: 'call', startedAt: state.clock.now(), limitMs: 360_000 };
    expect(g.LockService.getScriptLock().tryLock(100)).toBe(false);
    releaseExecutionLocks(state, 7);
    expect(g.LockService.getScriptLock().tryLock(100)).toBe(true);
  });

  it('keeps user locks apart per user', () => {
    const { g, state } = fakeAppsScript();
    holdLockExternally(state, 'user', true);
    expect(g.LockService.getUserLock().tryLock(10)).toBe(false);
    state.user = MANAGER;
    expect(g.LockService.getUserLock().tryLock(10)).toBe(true);
  });
});
