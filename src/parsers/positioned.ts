/** A value and where it stands in its file (1-based). */
export interface Positioned<T> {
  value: T;
  line: number;
  column: number;
}

export interface ParseProblem {
  message: string;
  line: number;
  column?: number;
}

/** Converts a 0-based offset to a 1-based line/column using precomputed line starts. */
export function positionAt(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}
