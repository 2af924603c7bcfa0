import { FLAG_CODES, type DealStatus } from '../../shared/flags/flag.ts';
import { costReviewParams, type CostReview } from './request-statuses.ts';

/**
 * What a cost review adds to a deal's status hash; nothing without one, so other hashes stand.
 * The sync and a visit logged through the API hash alike, so neither rewrites what the other wrote.
 */
export function reviewKey(review: CostReview | undefined): string[] {
  return review === undefined ? [] : [`cost_review:${review.count}:${review.total}`];
}

/** The deal's status with 要コスト確認 among its flags, in FLAG_CODES order. */
export function withCostReview(status: DealStatus, review: CostReview | undefined): DealStatus {
  if (review === undefined) return status;
  const flags = [...status.flags, { code: 'cost_review' as const, params: costReviewParams(review) }];
  flags.sort((a, b) => FLAG_CODES.indexOf(a.code) - FLAG_CODES.indexOf(b.code));
  return { ...status, flags };
}
