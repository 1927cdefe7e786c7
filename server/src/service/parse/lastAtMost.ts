/** The last index of `items` whose key is at most `value`, by binary search (keys ascending; 0 when none is). */
export function lastAtMost<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (key(items[mid]!) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}
