/** `¥1,234,567`: integer yen with thousands separators, the same in both locales. */
export function formatYen(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}¥${groupThousands(Math.round(Math.abs(amount)))}`;
}

/** A share as a percentage with at most one decimal: 0.2 → `20%`, 0.0537 → `5.4%`. */
export function formatPercent(share: number): string {
  const tenths = Math.round(share * 1000);
  return `${tenths / 10}%`;
}

/** A count with thousands separators and up to two decimals (hours: `1,234.5`). */
export function formatQuantity(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole, fraction] = String(Math.abs(rounded)).split('.');
  const sign = rounded < 0 ? '-' : '';
  return `${sign}${groupThousands(Number(whole))}${fraction === undefined ? '' : `.${fraction}`}`;
}

// Not Intl: the add-on and the server must render the same digits whatever their ICU data.
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
