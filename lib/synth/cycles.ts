/**
 * The one cycle finder, for every graph synthesis checks: resources (dependsOn), variables that
 * use each other, and stacks that deploy after each other.
 */

/**
 * Finds the cycles of a directed graph, each once: one per edge that closes a loop in a
 * depth-first walk from each start in turn, so two independent cycles are both reported.
 * Iterative, so long chains (tens of thousands of resources) do not overflow the call stack.
 * @param starts the nodes to walk from, in the order cycles should be reported
 * @param edgesFrom a node's outgoing edges, in order
 * @param target the node an edge leads to
 * @returns each cycle as its edges, from the node the closing edge leads back to; the closing edge last
 */
export function findCycles<N, E>(starts: Iterable<N>, edgesFrom: (node: N) => readonly E[], target: (edge: E) => N): E[][] {
  const cycles: E[][] = [];
  const state = new Map<N, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const start of starts) {
    if (state.has(start)) continue;
    const path: Array<{ node: N; edge: E }> = []; // the edges walked, each with the node it leaves
    const stack: Array<{ node: N; edges: readonly E[]; next: number }> = [{ node: start, edges: edgesFrom(start), next: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const frame = stack[stack.length - 1];
      if (frame.next >= frame.edges.length) {
        state.set(frame.node, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const edge = frame.edges[frame.next++];
      const to = target(edge);
      const s = state.get(to);
      if (s === 1) {
        const from = path.findIndex((step) => step.node === to);
        cycles.push([...path.slice(from === -1 ? path.length : from).map((step) => step.edge), edge]);
        continue;
      }
      if (s === 2) continue;
      state.set(to, 1);
      path.push({ node: frame.node, edge });
      stack.push({ node: to, edges: edgesFrom(to), next: 0 });
    }
  }
  return cycles;
}
