// What the sidebar sends when a person accepts set-up's proposal as it stands.
import type { RpcResult, SetupChoice, SetupProposal, SetupSaved, TabProposal } from '../../../addon/src/rpc/sidebar-rpc.ts';
import type { AddonRuntime } from '../../support/apps-script/addon-runtime.ts';

export function okValue<T>(result: RpcResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function errorOf<T>(result: RpcResult<T>) {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

export function acceptProposal(proposal: SetupProposal, extra: Partial<SetupChoice> = {}): SetupChoice {
  const tabs = proposal.tabs
    .filter((t): t is TabProposal & { sheet: string; headerRow: number } => t.sheet !== null && t.headerRow !== null)
    .map((t) => ({ kind: t.kind, sheet: t.sheet, headerRow: t.headerRow, columns: Object.fromEntries(t.fields.flatMap((f) => (f.column === null ? [] : [[f.field, f.column]]))) }));
  const stageLabels = Object.fromEntries(proposal.stageLabels.flatMap((l) => (l.stage === null ? [] : [[l.label, l.stage]])));
  return { tabs, stageLabels, staleAfterDays: {}, createMissingTabs: true, ...extra };
}

/** Runs set-up through the sidebar's calls, accepting the proposal; the first sync included. */
export async function setUpAsProposed(runtime: AddonRuntime, extra: Partial<SetupChoice> = {}): Promise<SetupSaved> {
  const proposal = okValue(await runtime.call<RpcResult<SetupProposal>>('sidebarSetupProposal'));
  return okValue(await runtime.call<RpcResult<SetupSaved>>('sidebarSetupSave', acceptProposal(proposal, extra)));
}
