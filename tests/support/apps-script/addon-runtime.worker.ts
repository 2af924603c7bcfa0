// The worker side of addon-runtime.ts: one AddonSandbox whose UrlFetchApp blocks on the main
// thread's real fetch, driven by messages { id, op, args }.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { createAddonSandbox, type AddonSandbox, type AddonSandboxOptions } from './addon-sandbox.ts';
import { blockingTransport } from './fetch-bridge.ts';

export interface RuntimeWorkerData {
  readonly options: Omit<AddonSandboxOptions, 'transport'>;
  readonly signal: SharedArrayBuffer;
  readonly fetchPort: MessagePort;
}

export interface RuntimeRequest {
  readonly id: number;
  readonly op: RuntimeOp;
  readonly args: unknown[];
}

export type RuntimeReply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly message: string; readonly stack: string | null };

export const RUNTIME_OPS = [
  'call',
  'runOnOpen',
  'runOnInstall',
  'runTimeDrivenTriggers',
  'setUser',
  'setNow',
  'setActiveCell',
  'editCells',
  'sortRows',
  'insertRows',
  'insertColumns',
  'deleteRows',
  'snapshot',
  'writes',
  'ui',
  'triggers',
  'fetches',
  'logs',
  'clearRecords',
  'properties',
  'holdLock',
] as const satisfies readonly (keyof AddonSandbox)[];

export type RuntimeOp = (typeof RUNTIME_OPS)[number];

const port = parentPort;
if (port === null) throw new Error('addon-runtime.worker.ts must run in a worker thread');
const data = workerData as RuntimeWorkerData;

let sandbox: AddonSandbox | null = null;
try {
  sandbox = createAddonSandbox({ ...data.options, transport: blockingTransport(data.fetchPort, new Int32Array(data.signal)) });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, message: error instanceof Error ? error.message : String(error) });
}

port.on('message', (request: RuntimeRequest) => {
  let reply: RuntimeReply;
  try {
    if (sandbox === null || !RUNTIME_OPS.includes(request.op)) throw new Error(`Unknown runtime operation: ${request.op}`);
    const method = sandbox[request.op] as (...args: unknown[]) => unknown;
    reply = { id: request.id, ok: true, value: method.apply(sandbox, request.args) };
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error && typeof error.stack === 'string' ? error.stack : null,
    };
  }
  port.postMessage(reply);
});
