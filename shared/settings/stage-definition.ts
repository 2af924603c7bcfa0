import type { StageCode, StageDefinition } from '../stages/stage.ts';
import type { SyncSettings } from './sync-settings.ts';

/** A stage as this spreadsheet defines it (label, team, threshold), or null. */
export function stageDefinition(settings: SyncSettings, code: StageCode | null): StageDefinition | null {
  if (code === null) return null;
  return settings.stages.find((s) => s.code === code) ?? null;
}
