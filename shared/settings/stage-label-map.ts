import type { StageCode } from '../stages/stage.ts';
import type { SyncSettings } from './sync-settings.ts';

const cache = new WeakMap<SyncSettings, Readonly<Record<string, StageCode>>>();

/**
 * The team's labels for parsing its stage column: each stage's configured label plus the explicit
 * label map (which wins). Cached per settings object, since it is asked once per row.
 */
export function stageLabelMap(settings: SyncSettings): Readonly<Record<string, StageCode>> {
  let map = cache.get(settings);
  if (map === undefined) {
    map = Object.freeze({
      ...Object.fromEntries(settings.stages.map((s) => [s.label, s.code])),
      ...settings.stageLabels,
    });
    cache.set(settings, map);
  }
  return map;
}
