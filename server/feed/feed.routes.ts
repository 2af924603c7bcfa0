import type { FeatureRouteDeps } from '../http/feature-route-deps.ts';
import type { RouteDef } from '../http/route.ts';

/** Routes for the feed, follows and the daily report. */
export function feedRoutes(_deps: FeatureRouteDeps): RouteDef[] {
  return [];
}
