// How one structural change (insert, delete, move of rows or columns) maps old positions to new.

/** How one structural change maps old positions to new ones. */
export interface Shift {
  /** New index of an old row/column, or null when it was deleted. */
  index(i: number): number | null;
  /** New position of a range boundary (a gap between indexes). */
  start(b: number): number;
  end(b: number): number;
  /** For moves: a range may only be remapped when it does not straddle the moved block. */
  keepsRange?(start: number, end: number): boolean;
}

export function insertShift(at: number, count: number): Shift {
  return {
    index: (i) => (i >= at ? i + count : i),
    start: (b) => (b >= at ? b + count : b),
    end: (b) => (b > at ? b + count : b),
  };
}

export function deleteShift(from: number, to: number): Shift {
  const n = to - from;
  const boundary = (b: number): number => (b <= from ? b : b >= to ? b - n : from);
  return {
    index: (i) => (i < from ? i : i >= to ? i - n : null),
    start: boundary,
    end: boundary,
  };
}

export function moveShift(from: number, to: number, destination: number): Shift {
  const n = to - from;
  const target = destination > from ? destination - n : destination;
  const index = (i: number): number => {
    if (i >= from && i < to) return target + (i - from);
    if (destination > from && i >= to && i < destination) return i - n;
    if (destination < from && i >= destination && i < from) return i + n;
    return i;
  };
  return {
    index,
    start: (b) => index(b),
    end: (b) => index(b - 1) + 1,
    keepsRange: (start, end) => {
      const inside = start >= from && end <= to;
      const outside = end <= Math.min(from, destination) || start >= Math.max(to, destination);
      return inside || outside;
    },
  };
}
