/** `¥1,234,567`: integer yen with thousands separators, the same in both languages. */
export function formatYenAmount(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  // Not Intl: the add-on and the server must print the same digits whatever their ICU data.
  return `${sign}¥${String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}
