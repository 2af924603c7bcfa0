// Company forms teams write or leave out at will: 株式会社サンプル, (株)サンプル and サンプル are one customer.
const COMPANY_FORMS = /株式会社|有限会社|合同会社|\(株\)|\(有\)|㈱|㈲|\binc\.?|\bco\.?,?\s*ltd\.?|\bcorp(oration)?\.?|\bk\.?k\.?/giu;

function comparable(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(COMPANY_FORMS, '').replace(/[\s・.,、。-]+/gu, '');
}

function grams(text: string): Map<string, number> {
  const chars = [...text];
  const out = new Map<string, number>();
  // Japanese names are short: single characters for one or two, pairs beyond.
  const n = chars.length <= 2 ? 1 : 2;
  for (let i = 0; i + n <= chars.length; i++) {
    const g = chars.slice(i, i + n).join('');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice similarity of two names, 0–1, after width, case, spacing and company forms are set aside. */
export function nameSimilarity(a: string, b: string): number {
  const x = comparable(a);
  const y = comparable(b);
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  if (x.includes(y) || y.includes(x)) return 0.9;
  const gx = grams(x);
  const gy = grams(y);
  let shared = 0;
  let total = 0;
  for (const [g, count] of gx) {
    shared += Math.min(count, gy.get(g) ?? 0);
    total += count;
  }
  for (const count of gy.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Up to `limit` of the candidates most like `name`, best first; only reasonably close ones. */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const score = nameSimilarity(name, candidate);
    if (score >= 0.34) scored.push({ name: candidate, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.name);
}
