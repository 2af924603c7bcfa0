import { estimateCost, type CostInput, type CostLine } from '../../shared/cost/cost-estimate.ts';
import { parseCostInput } from '../../shared/cost/parse-cost-input.ts';
import type { RequestPolicy } from '../../shared/cost/request-policy.ts';
import type { Locale } from '../../shared/i18n/locale.ts';
import type { RequestType } from '../../shared/records/request.ts';
import { refusalMessage } from '../../shared/requests/request-refusals.ts';
import { backgroundProblem } from '../../shared/requests/request-workflow.ts';
import { ApiError } from '../http/api-error.ts';

/** What a requester writes: filed once, revised while the request is with them. */
export interface RequestContentInput {
  readonly type: RequestType;
  readonly background: string | null;
  readonly description: string | null;
  readonly alternative: string | null;
  readonly cost: unknown;
}

export interface CheckedContent {
  readonly type: RequestType;
  readonly background: string;
  readonly description: string;
  readonly alternative: string | null;
  readonly costInput: CostInput;
  readonly costTotal: number;
  readonly lines: readonly CostLine[];
}

const text = (v: string | null): string | null => {
  const t = v?.replace(/\r\n?/g, '\n').trim() ?? '';
  return t === '' ? null : t;
};

/**
 * Checks a request's content before anything is stored: a background thick enough to judge on
 * (seed 000), a description of what is asked, and a cost the policy can price. Every problem is
 * named at once.
 */
export function checkContent(input: RequestContentInput, policy: RequestPolicy, locale: Locale): CheckedContent {
  const problems: string[] = [];
  const background = text(input.background);
  const thin = backgroundProblem(background, policy);
  if (thin !== null) problems.push(`body.background: ${refusalMessage(thin.code, { chars: thin.chars, min: policy.minBackgroundChars })[locale]}`);
  const description = text(input.description);
  if (description === null) problems.push('body.description: say what the customer asks for');
  const parsed = parseCostInput(input.cost);
  let costInput: CostInput | null = null;
  let estimate: ReturnType<typeof estimateCost> | null = null;
  if (!parsed.ok) problems.push(...parsed.problems.map((p) => `body.cost.${p.replace(/^cost: /, '')}`));
  else {
    costInput = parsed.input;
    estimate = estimateCost(parsed.input, policy, locale);
    if (!estimate.ok) problems.push(...estimate.problems.map((p) => `body.cost.${p}`));
  }
  if (problems.length > 0 || background === null || description === null || costInput === null || estimate === null || !estimate.ok) {
    throw new ApiError(400, 'invalid_request', problems.join('; '));
  }
  return { type: input.type, background, description, alternative: text(input.alternative), costInput, costTotal: estimate.total, lines: estimate.lines };
}
