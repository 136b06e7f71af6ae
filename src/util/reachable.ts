/** Every node reachable from `roots` over `edges`, roots included (iterative: dependency graphs are deep and cyclic). */
export function reachableFrom(edges: ReadonlyMap<string, readonly string[]>, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const node = pending.pop() as string;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const next of edges.get(node) ?? []) if (!seen.has(next)) pending.push(next);
  }
  return seen;
}
