// Which lines two versions of a file differ in (Myers' O(ND) algorithm), for files whose patch GitHub omits.

export interface LineChanges {
  /** 1-based line numbers in the new text that were added. */
  added: Set<number>;
  /** 1-based line numbers in the old text that were deleted. */
  deleted: Set<number>;
}

/** The edit script's added and deleted lines, or null when the versions differ in more than `maxEdits` lines. */
export function lineChanges(oldText: string, newText: string, maxEdits = 1000): LineChanges | null {
  const a = splitText(oldText);
  const b = splitText(newText);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const A = a.slice(prefix, a.length - suffix);
  const B = b.slice(prefix, b.length - suffix);
  const added = new Set<number>();
  const deleted = new Set<number>();
  if (!A.length || !B.length) {
    A.forEach((_, i) => deleted.add(prefix + i + 1));
    B.forEach((_, i) => added.add(prefix + i + 1));
    return { added, deleted };
  }
  const N = A.length;
  const M = B.length;
  const max = Math.min(N + M, maxEdits);
  // v[k] = furthest x on diagonal k; stored with an offset. Each step's window is kept for the backtrack.
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < N && y < M && A[x] === B[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= N && y >= M) {
        backtrack(trace, N, M, (kind, index) => (kind === 'add' ? added : deleted).add(prefix + index + 1));
        return { added, deleted };
      }
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number, emit: (kind: 'add' | 'delete', index: number) => void): void {
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const window = trace[d];
    // window[0] is diagonal -d-1.
    const at = (k: number) => window[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (x === prevX) emit('add', prevY);
    else emit('delete', prevX);
    x = prevX;
    y = prevY;
  }
}

function splitText(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
