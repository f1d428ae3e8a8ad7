/**
 * Orders formulas so each runs after those it reads, keeping the written order where free,
 * and names every cycle (a → b → a) so the user can see which formulas to untangle.
 */
export function dependencyOrder(
  names: readonly string[],
  refs: ReadonlyMap<string, ReadonlySet<string>>,
): { order: string[]; cycles: string[][] } {
  const order: string[] = [];
  const cycles: string[][] = [];
  const seenCycles = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const position = new Map(names.map((n, i) => [n, i]));

  function visit(name: string): void {
    state.set(name, 'visiting');
    stack.push(name);
    const deps = [...(refs.get(name) ?? [])]
      .filter((d) => position.has(d))
      .sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    for (const dep of deps) {
      const s = state.get(dep);
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(dep)), dep];
        const key = [...new Set(cycle)].sort().join('\u0000');
        if (!seenCycles.has(key)) {
          seenCycles.add(key);
          cycles.push(cycle);
        }
      } else if (s === undefined) {
        visit(dep);
      }
    }
    stack.pop();
    state.set(name, 'done');
    order.push(name);
  }

  for (const name of names) if (!state.has(name)) visit(name);
  return { order, cycles };
}
