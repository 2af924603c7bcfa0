/**
 * Normalises a header for comparison: width (NFKC), case, spaces, and the decorations teams add
 * (※, *, ■, units in brackets such as 金額（円） or 見積金額(税抜)).
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(\[【<《][^)\]】>》]*[)\]】>》]/g, '')
    .replace(/[\s_\-・:：※*■●◆▼#.]/g, '');
}
