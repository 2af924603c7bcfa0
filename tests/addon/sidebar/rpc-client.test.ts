import { describe, expect, it } from 'vitest';
import { SIDEBAR_RPC_NAMES, type RpcError } from '../../../addon/src/rpc/sidebar-rpc.ts';
import { createRpcClient, RpcFailure, type ScriptRunner } from '../../../addon/sidebar/rpc-client.ts';

type Answer = { kind: 'success'; value: unknown } | { kind: 'failure'; error: unknown };

/**
 * Behaves as google.script.run does: each with…Handler returns a new runner carrying the handler,
 * calling a function name returns at once and one handler fires later, with a JSON copy.
 */
function fakeRun(answer: (name: string, args: unknown[]) => Answer, calls: { name: string; args: unknown[] }[] = []): () => ScriptRunner {
  const make = (ok: ((v: unknown) => void) | null, ko: ((e: unknown) => void) | null): ScriptRunner => {
    const runner: Record<string, unknown> = {
      withSuccessHandler: (f: (v: unknown) => void) => make(f, ko),
      withFailureHandler: (f: (e: unknown) => void) => make(ok, f),
    };
    for (const name of SIDEBAR_RPC_NAMES) {
      runner[name] = (...args: unknown[]) => {
        calls.push({ name, args: JSON.parse(JSON.stringify(args)) as unknown[] });
        setTimeout(() => {
          const a = answer(name, args);
          if (a.kind === 'success') ok?.(a.value === undefined ? undefined : JSON.parse(JSON.stringify(a.value)));
          else ko?.(a.error);
        }, 0);
      };
    }
    return runner as unknown as ScriptRunner;
  };
  return () => make(null, null);
}

async function failureOf(promise: Promise<unknown>): Promise<RpcError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RpcFailure) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('createRpcClient', () => {
  it('has a method for every sidebar call', () => {
    const client = createRpcClient(fakeRun(() => ({ kind: 'success', value: null })), () => 'ja');
    for (const name of SIDEBAR_RPC_NAMES) expect(typeof client[name]).toBe('function');
  });

  it('calls the add-on function of the same name with the form, and resolves with the value', async () => {
    const calls: { name: string; args: unknown[] }[] = [];
    const client = createRpcClient(fakeRun(() => ({ kind: 'success', value: { ok: true, value: { requestId: 'r-1', state: 'approved', cellsWritten: 2 } } }), calls), () => 'ja');
    const form = { requestId: 'r-1', action: 'approve' as const, comment: null, expectedVersion: 4 };
    await expect(client.sidebarDecide(form)).resolves.toEqual({ requestId: 'r-1', state: 'approved', cellsWritten: 2 });
    expect(calls).toEqual([{ name: 'sidebarDecide', args: [form] }]);
  });

  it('rejects with the add-on’s error when the call was refused', async () => {
    const error: RpcError = { code: 'conflict', message: '他の人が先に判断しました', fields: { comment: 'x' } };
    const client = createRpcClient(fakeRun(() => ({ kind: 'success', value: { ok: false, error } })), () => 'ja');
    await expect(failureOf(client.sidebarApprovalQueue())).resolves.toEqual(error);
  });

  it('turns an Apps Script exception into an internal error in the sidebar’s language', async () => {
    let locale: 'ja' | 'en' = 'ja';
    const client = createRpcClient(fakeRun(() => ({ kind: 'failure', error: new Error('Exception: Service Spreadsheets failed') })), () => locale);
    await expect(failureOf(client.sidebarSyncNow())).resolves.toEqual({ code: 'internal', message: '予期しないエラーが発生しました: Exception: Service Spreadsheets failed' });
    locale = 'en';
    await expect(failureOf(client.sidebarSyncNow())).resolves.toEqual({ code: 'internal', message: 'Something went wrong: Exception: Service Spreadsheets failed' });
  });

  it('treats an answer that is not an RpcResult as an internal error', async () => {
    const client = createRpcClient(fakeRun(() => ({ kind: 'success', value: undefined })), () => 'en');
    const error = await failureOf(client.sidebarBootstrap());
    expect(error.code).toBe('internal');
    expect(error.message).toContain('sidebarBootstrap answered nothing');
  });

  it('fails, rather than hangs, when the add-on lacks the function', async () => {
    const bare = (): ScriptRunner => {
      const runner: ScriptRunner = { withSuccessHandler: () => runner, withFailureHandler: () => runner };
      return runner;
    };
    const error = await failureOf(createRpcClient(bare, () => 'en').sidebarSettings());
    expect(error).toEqual({ code: 'internal', message: 'Something went wrong: sidebarSettings is not an add-on function' });
  });
});
