// One Apps Script execution: a fresh V8 context (global code runs again every time, so nothing
// survives between executions but properties and the document), the globals over the shared state,
// the runtime's clock behind Date, the bundle's top-level code, then the requested function.
import vm from 'node:vm';
import { createAppsScriptGlobals, type GlobalsOptions } from './apps-script-globals.ts';
import type { AppsScriptState, AuthMode, ExecutionKind, FakeUser } from './apps-script-state.ts';
import { releaseExecutionLocks } from './lock-service.fake.ts';
import { contextRealm } from './realm.ts';

export const EXECUTION_LIMIT_MS = 6 * 60_000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;

// Date inside the context reads the runtime's clock; dates built from explicit parts are untouched.
const INSTALL_CLOCK = `(function (now) {
  var RealDate = Date;
  globalThis.Date = new Proxy(RealDate, {
    construct: function (target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget);
    },
    apply: function () { return new RealDate(now()).toString(); },
    get: function (target, prop, receiver) {
      if (prop === 'now') return function () { return now(); };
      return Reflect.get(target, prop, receiver);
    },
  });
})`;

const INVOKE = new vm.Script('globalThis.__sfaTarget.apply(undefined, globalThis.__sfaArgs)', { filename: 'google.script.run' });

export interface ExecutionRequest {
  readonly kind: ExecutionKind;
  readonly authMode: AuthMode;
  readonly user: FakeUser;
  readonly functionName: string;
  /** Builds the arguments inside the execution's context (its JSON, its objects). */
  readonly args: (context: ExecutionContext) => unknown[];
}

export interface ExecutionContext {
  readonly context: vm.Context;
  /** JSON.parse of the context's realm. */
  parse(json: string): unknown;
}

export class ScriptFunctionNotFound extends Error {}

export function runExecution(state: AppsScriptState, bundle: vm.Script, options: GlobalsOptions, request: ExecutionRequest): unknown {
  if (state.execution !== null) throw new Error('An Apps Script execution is already running in this sandbox.');
  const limitMs = request.kind === 'simple-trigger' ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS;
  const execution = { id: state.nextExecutionId++, user: request.user, authMode: request.authMode, kind: request.kind, startedAt: state.clock.now(), limitMs };
  state.execution = execution;
  try {
    const context = vm.createContext({}, { name: `apps-script-${execution.id}` });
    state.realm = contextRealm(context);
    (vm.runInContext(INSTALL_CLOCK, context) as (now: () => number) => void)(() => state.clock.now());
    const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
    Object.assign(global, createAppsScriptGlobals(state, options));
    // A runaway loop stops at the execution limit in real time too.
    const timeout = limitMs + 60_000;
    bundle.runInContext(context, { timeout });
    const target = global[request.functionName];
    if (typeof target !== 'function') throw new ScriptFunctionNotFound(`Script function not found: ${request.functionName}`);
    const parseJson = vm.runInContext('JSON.parse', context) as (json: string) => unknown;
    global.__sfaTarget = target;
    global.__sfaArgs = vm.runInContext('[]', context) as unknown[];
    (global.__sfaArgs as unknown[]).push(...request.args({ context, parse: parseJson }));
    try {
      return INVOKE.runInContext(context, { timeout });
    } finally {
      delete global.__sfaTarget;
      delete global.__sfaArgs;
    }
  } finally {
    releaseExecutionLocks(state, execution.id);
    state.execution = null;
  }
}
