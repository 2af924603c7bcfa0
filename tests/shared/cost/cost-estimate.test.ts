import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateCost, type CostInput, type CostLine } from '../../../shared/cost/cost-estimate.ts';
import { DEFAULT_REQUEST_POLICY, type RequestPolicy } from '../../../shared/cost/request-policy.ts';

const P = DEFAULT_REQUEST_POLICY;
const NONE: CostInput = { hours: [], directCosts: [], discount: 0, recurring: null };
const input = (patch: Partial<CostInput>): CostInput => ({ ...NONE, ...patch });
const rates = (hourlyRates: Record<string, number>): RequestPolicy => ({ ...P, hourlyRates });

function ok(result: ReturnType<typeof estimateCost>): { lines: readonly CostLine[]; total: number } {
  if (!result.ok) throw new Error(`expected an estimate, got ${result.problems.join('; ')}`);
  return result;
}

function problems(result: ReturnType<typeof estimateCost>): readonly string[] {
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('estimateCost', () => {
  it('adds labour, direct costs, the discount and recurring cost when all are given', () => {
    const result = ok(
      estimateCost(
        {
          hours: [
            { role: '法務', hours: 2.5 },
            { role: '営業サポート', hours: 6 },
          ],
          directCosts: [
            { label: '契約書 製本費', amount: 12_000 },
            { label: '特急便', amount: 3_500 },
          ],
          discount: 50_000,
          recurring: { monthly: 8_000, months: 12 },
        },
        P,
      ),
    );
    // 2.5 × 8,000 = 20,000; 6 × 4,000 = 24,000; 12,000 + 3,500; 50,000; 8,000 × 12 = 96,000.
    expect(result.lines.map((l) => [l.kind, l.label, l.amount])).toEqual([
      ['labour', '法務', 20_000],
      ['labour', '営業サポート', 24_000],
      ['direct', '契約書 製本費', 12_000],
      ['direct', '特急便', 3_500],
      ['discount', '値引き', 50_000],
      ['recurring', '継続費用', 96_000],
    ]);
    expect(result.total).toBe(205_500);
  });

  it('is zero with no lines when nothing is entered', () => {
    expect(estimateCost(NONE, P)).toEqual({ ok: true, lines: [], total: 0 });
  });

  it('describes each line in the language asked for', () => {
    const patch = input({ hours: [{ role: '物流', hours: 1234.5 }], directCosts: [{ label: 'Courier', amount: 900 }], discount: 10_000, recurring: { monthly: 12_500, months: 6 } });
    expect(ok(estimateCost(patch, P, 'ja')).lines.map((l) => [l.label, l.detail])).toEqual([
      ['物流', '1,234.5時間 × ¥3,000/時'],
      ['Courier', '直接費'],
      ['値引き', '顧客への値引き額'],
      ['継続費用', '¥12,500/月 × 6か月'],
    ]);
    expect(ok(estimateCost(patch, P, 'en')).lines.map((l) => [l.label, l.detail])).toEqual([
      ['物流', '1,234.5 h × ¥3,000/h'],
      ['Courier', 'Direct cost'],
      ['Discount', 'Given to the customer'],
      ['Recurring cost', '¥12,500/month × 6 months'],
    ]);
  });

  it('carries quantities and unit amounts so a sidebar can lay lines out itself', () => {
    const lines = ok(estimateCost(input({ hours: [{ role: '法務', hours: 1.5 }], recurring: { monthly: 100, months: 3 }, discount: 7 }), P)).lines;
    expect(lines.map((l) => [l.quantity, l.unitAmount])).toEqual([
      [1.5, 8000],
      [null, null],
      [3, 100],
    ]);
  });

  it.each<[string, CostInput, RequestPolicy, number]>([
    ['a half yen of labour rounds up', input({ hours: [{ role: 'R', hours: 0.5 }] }), rates({ R: 1 }), 1],
    ['just under a half yen of labour rounds down', input({ hours: [{ role: 'R', hours: 0.49 }] }), rates({ R: 1 }), 0],
    // Floating point makes 2.675 × 100 = 267.49999999999997; a calculator says 267.5.
    ['2.675 h × ¥100 rounds up as typed', input({ hours: [{ role: 'R', hours: 2.675 }] }), rates({ R: 100 }), 268],
    ['1.005 h × ¥1,000 rounds up as typed', input({ hours: [{ role: 'R', hours: 1.005 }] }), rates({ R: 1000 }), 1005],
    ['0.1 h × ¥3,335 rounds half up', input({ hours: [{ role: 'R', hours: 0.1 }] }), rates({ R: 3335 }), 334],
    ['a fractional direct cost rounds half up', input({ directCosts: [{ label: 'x', amount: 1234.5 }] }), P, 1235],
    ['a fractional direct cost below half rounds down', input({ directCosts: [{ label: 'x', amount: 1234.4999 }] }), P, 1234],
    ['a fractional discount rounds half up', input({ discount: 99.5 }), P, 100],
    ['recurring rounds the product, not the month', input({ recurring: { monthly: 3333.5, months: 3 } }), P, 10_001],
  ])('rounds per line when %s', (_, given, policy, total) => {
    expect(ok(estimateCost(given, policy)).total).toBe(total);
  });

  it('rounds each line on its own, not the sum', () => {
    // Two lines of ¥0.5 are ¥1 each, not ¥1 together.
    const result = ok(estimateCost(input({ hours: [{ role: 'R', hours: 0.5 }, { role: 'R', hours: 0.5 }] }), rates({ R: 1 })));
    expect(result.lines.map((l) => l.amount)).toEqual([1, 1]);
    expect(result.total).toBe(2);
  });

  it.each<[string, string, RequestPolicy, string, number]>([
    ['with spaces around it', ' 法務 ', P, '法務', 8000],
    ['in half-width katakana', 'ｴｲｷﾞｮｳｻﾎﾟｰﾄ', rates({ エイギョウサポート: 4000 }), 'エイギョウサポート', 4000],
    ['in full-width letters', 'ＩＴ', rates({ IT: 5000 }), 'IT', 5000],
    ['with a separator inside', '営業・サポート', P, '営業サポート', 4000],
    ['with a space inside', '営業 サポート', P, '営業サポート', 4000],
  ])('finds the rate of a role written %s', (_, role, policy, label, amount) => {
    const line = ok(estimateCost(input({ hours: [{ role, hours: 1 }] }), policy)).lines[0];
    expect(line?.label).toBe(label);
    expect(line?.amount).toBe(amount);
  });

  it('omits the discount line when no discount is given', () => {
    expect(ok(estimateCost(input({ discount: 0, directCosts: [{ label: 'x', amount: 1 }] }), P)).lines.map((l) => l.kind)).toEqual(['direct']);
  });

  it.each<[string, CostInput, string[]]>([
    ['an unknown role', input({ hours: [{ role: '広報', hours: 1 }] }), ['hours[0].role: unknown role "広報" (rates exist for 営業サポート, 法務, 物流, 経理, 技術サポート)']],
    ['negative hours', input({ hours: [{ role: '法務', hours: -1 }] }), ['hours[0].hours: must not be negative']],
    ['hours that are not a number', input({ hours: [{ role: '法務', hours: Number.NaN }] }), ['hours[0].hours: a finite number of hours']],
    ['infinite hours', input({ hours: [{ role: '法務', hours: Number.POSITIVE_INFINITY }] }), ['hours[0].hours: a finite number of hours']],
    ['hours past any real job', input({ hours: [{ role: '法務', hours: 10_001 }] }), ['hours[0].hours: at most 10000 hours per line']],
    ['a direct cost with no label', input({ directCosts: [{ label: ' ', amount: 5 }] }), ['directCosts[0].label: say what the cost is for']],
    ['a negative direct cost', input({ directCosts: [{ label: 'x', amount: -5 }] }), ['directCosts[0].amount: must not be negative']],
    ['an infinite direct cost', input({ directCosts: [{ label: 'x', amount: Number.NEGATIVE_INFINITY }] }), ['directCosts[0].amount: a finite number of yen']],
    ['a direct cost past a safe integer', input({ directCosts: [{ label: 'x', amount: 2 ** 60 }] }), ['directCosts[0].amount: the amount is too large']],
    ['a negative discount', input({ discount: -1000 }), ['discount: must not be negative']],
    ['a NaN discount', input({ discount: Number.NaN }), ['discount: a finite number of yen']],
    ['negative monthly cost', input({ recurring: { monthly: -1, months: 3 } }), ['recurring.monthly: must not be negative']],
    ['fractional months', input({ recurring: { monthly: 100, months: 1.5 } }), ['recurring.months: a whole number of months from 1 to 120']],
    ['zero months', input({ recurring: { monthly: 100, months: 0 } }), ['recurring.months: a whole number of months from 1 to 120']],
    ['months past ten years', input({ recurring: { monthly: 100, months: 121 } }), ['recurring.months: a whole number of months from 1 to 120']],
    [
      'lines that are each fine but too large together',
      input({ directCosts: [{ label: 'a', amount: 2 ** 52 }, { label: 'b', amount: 2 ** 52 }] }),
      ['total: the estimate is too large'],
    ],
  ])('reports %s', (_, given, expected) => {
    expect(problems(estimateCost(given, P))).toEqual(expected);
  });

  it('reports every problem at once, by path', () => {
    const given = input({
      hours: [{ role: '法務', hours: 1 }, { role: '謎', hours: -2 }],
      directCosts: [{ label: '', amount: 1 }],
      discount: -1,
      recurring: { monthly: Number.NaN, months: 2.5 },
    });
    expect(problems(estimateCost(given, P))).toEqual([
      'hours[1].role: unknown role "謎" (rates exist for 営業サポート, 法務, 物流, 経理, 技術サポート)',
      'hours[1].hours: must not be negative',
      'directCosts[0].label: say what the cost is for',
      'discount: must not be negative',
      'recurring.monthly: a finite number of yen',
      'recurring.months: a whole number of months from 1 to 120',
    ]);
  });

  const policy = rates({ 法務: 8000, 物流: 3333, 営業サポート: 4001 });
  const money = fc.double({ min: 0, max: 10_000_000, noNaN: true, noDefaultInfinity: true });
  const costInput = fc.record({
    hours: fc.array(fc.record({ role: fc.constantFrom(...Object.keys(policy.hourlyRates)), hours: fc.double({ min: 0, max: 10_000, noNaN: true, noDefaultInfinity: true }) }), { maxLength: 8 }),
    directCosts: fc.array(fc.record({ label: fc.constantFrom('送料', '製本', 'x'), amount: money }), { maxLength: 8 }),
    discount: money,
    recurring: fc.option(fc.record({ monthly: money, months: fc.integer({ min: 1, max: 120 }) }), { nil: null }),
  });

  it('always totals the sum of its lines in whole yen', () => {
    fc.assert(
      fc.property(costInput, (given) => {
        const result = ok(estimateCost(given, policy));
        expect(Number.isSafeInteger(result.total)).toBe(true);
        expect(result.total).toBe(result.lines.reduce((sum, l) => sum + l.amount, 0));
        for (const line of result.lines) expect(Number.isInteger(line.amount)).toBe(true);
      }),
    );
  });

  it('never strays more than half a yen from the exact product of a line', () => {
    fc.assert(
      fc.property(costInput, (given) => {
        for (const line of ok(estimateCost(given, policy)).lines) {
          const exact = line.quantity === null || line.unitAmount === null ? null : line.quantity * line.unitAmount;
          // A little relative slack covers the float product this check itself computes.
          if (exact !== null) expect(Math.abs(line.amount - exact)).toBeLessThanOrEqual(0.5 + exact * 1e-9);
        }
      }),
    );
  });
});
