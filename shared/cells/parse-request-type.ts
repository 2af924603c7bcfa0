import type { RequestType } from '../records/request.ts';
import { empty, failed, parsed, type CellValue, type ParseResult } from './cell-value.ts';
import { indexLabels, isBlankMarker, labelKey } from './normalize-text.ts';

const REQUEST_TYPE_LABELS: Readonly<Record<RequestType, readonly string[]>> = {
  contract_change: [
    '契約変更',
    '契約内容変更',
    '契約条件変更',
    '条件変更',
    'Contract change',
    'Contract amendment',
  ],
  discount: ['値引き', '値引', '割引', '割引き', 'ディスカウント', '値下げ', 'Discount'],
  special_delivery: [
    '特別納品',
    '特急納品',
    '納期',
    '納期調整',
    '納期短縮',
    '短納期',
    '配送',
    '特別配送',
    'Special delivery',
    'Expedited delivery',
    'Rush delivery',
    'Delivery',
  ],
  special_support: ['特別対応', '特別サポート', 'サポート', '個別対応', 'Special support', 'Support'],
  other: ['その他', 'Other', 'Others'],
};

const REQUEST_TYPES = indexLabels(REQUEST_TYPE_LABELS);
// `値引き申請`, `納期調整依頼`: the kind of paperwork is not part of the type.
const PAPERWORK_SUFFIX = /(?:の)?(?:申請|依頼|要望|希望|request)$/u;

/**
 * Reads a special-handling request type from its Japanese or English label. An unknown label is
 * reported, not filed as `other`: `other` is a choice the requester makes.
 */
export function parseRequestType(cell: CellValue): ParseResult<RequestType> {
  if (cell === null) return empty();
  if (typeof cell !== 'string') return failed('requestType.unknown');
  if (isBlankMarker(cell)) return empty();
  const key = labelKey(cell);
  const type = REQUEST_TYPES.get(key) ?? REQUEST_TYPES.get(key.replace(PAPERWORK_SUFFIX, ''));
  return type === undefined ? failed('requestType.unknown') : parsed(type);
}
