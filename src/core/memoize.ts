/**
 * Remember the results of a pure function of one string. Bounded: when `limit` results are held
 * the memory is cleared and starts again, so a long-running preview never grows without end.
 */
export function memoize<Result>(compute: (key: string) => Result, limit = 50_000): (key: string) => Result {
  const results = new Map<string, Result>();
  return (key: string): Result => {
    const known = results.get(key);
    if (known !== undefined || results.has(key)) return known as Result;
    if (results.size >= limit) results.clear();
    const result = compute(key);
    results.set(key, result);
    return result;
  };
}
