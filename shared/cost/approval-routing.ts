import type { Role } from '../access/role.ts';
import type { RequestPolicy } from './request-policy.ts';

/**
 * The roles that must approve, in order, for a request costing `total`: every routing step whose
 * `fromCost` the total reaches. A total that is not a finite number needs every step (an estimate
 * that cannot be read is never waved through); a negative one is treated as 0.
 */
export function approvalSteps(total: number, policy: RequestPolicy): Role[] {
  const cost = Number.isFinite(total) ? Math.max(0, total) : Number.POSITIVE_INFINITY;
  return policy.routing.filter((step) => cost >= step.fromCost).map((step) => step.role);
}

/**
 * The cost from which a request needs more than the base approval level: the lowest `fromCost`
 * above the first step's (default ¥100,000). Null when every step starts at the same cost, so no
 * request is escalated by its cost.
 */
export function routingThreshold(policy: RequestPolicy): number | null {
  const base = policy.routing[0]?.fromCost ?? 0;
  const above = policy.routing.map((s) => s.fromCost).filter((c) => c > base);
  return above.length === 0 ? null : Math.min(...above);
}
