import type { FeatureRouteDeps } from '../http/feature-route-deps.ts';
import type { RouteDef } from '../http/route.ts';

/** Routes for special requests, their cost and their decisions. */
export function requestRoutes(_deps: FeatureRouteDeps): RouteDef[] {
  return [];
}
