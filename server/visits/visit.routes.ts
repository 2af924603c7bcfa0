import type { FeatureRouteDeps } from '../http/feature-route-deps.ts';
import type { RouteDef } from '../http/route.ts';

/** Routes for visits logged from the sidebar. */
export function visitRoutes(_deps: FeatureRouteDeps): RouteDef[] {
  return [];
}
