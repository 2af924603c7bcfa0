import type { Ball } from '../records/ball.ts';
import { empty, failed, parsed, type CellValue, type ParseResult } from './cell-value.ts';
import { indexLabels, isBlankMarker, labelKey } from './normalize-text.ts';

const BALL_LABELS: Readonly<Record<Ball, readonly string[]>> = {
  us: ['自社', '当社', '弊社', '当方', 'こちら', '我々', '営業', '社内', 'us', 'ours', 'we', 'our side'],
  customer: [
    '顧客',
    'お客様',
    'お客さま',
    '客先',
    '先方',
    '取引先',
    'customer',
    'client',
    'them',
    'their side',
  ],
};

const BALLS = indexLabels(BALL_LABELS);
// `先方側`, `顧客待ち`: the side is what matters.
const SIDE_SUFFIX = /(?:側|待ち)$/u;

/** Reads who holds the ball: us (自社, 当社, 営業…) or the customer (顧客, 先方, お客様…). */
export function parseBall(cell: CellValue): ParseResult<Ball> {
  if (cell === null) return empty();
  if (typeof cell !== 'string') return failed('ball.unknown');
  if (isBlankMarker(cell)) return empty();
  const key = labelKey(cell);
  const ball = BALLS.get(key) ?? BALLS.get(key.replace(SIDE_SUFFIX, ''));
  return ball === undefined ? failed('ball.unknown') : parsed(ball);
}
