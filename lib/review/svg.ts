/**
 * SVG through Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz): no system `dot`
 * binary needed. The module (about 2 MB of wasm) is imported only when an SVG is asked for.
 */
import { AzcdkError } from '../core/errors.js';

/** Lays out DOT text and returns the SVG document. Throws AzcdkError if the DOT is invalid. */
export async function renderSvg(dot: string): Promise<string> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  try {
    return graphviz.dot(dot, 'svg');
  } catch (error) {
    throw new AzcdkError(`Graphviz could not lay out the graph: ${(error as Error).message}. This is a bug in azcdk's DOT output; please report it with the DOT (azcdk graph --format dot).`);
  }
}
