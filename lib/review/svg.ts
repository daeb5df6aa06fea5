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
    return centreNodeText(graphviz.dot(dot, 'svg'));
  } catch (error) {
    throw new AzcdkError(`Graphviz could not lay out the graph: ${(error as Error).message}. This is a bug in azcdk's DOT output; please report it with the DOT (azcdk graph --format dot).`);
  }
}

/**
 * Graphviz places each line of an HTML-like label by its own estimate of the text's width
 * (`text-anchor="start"` at the left edge it computed); a viewer whose font is wider runs the
 * line out of the box on the right. Anchoring each node's lines at the middle of its box keeps
 * them inside whatever the font, as long as the box is wide enough (renderDot sizes it).
 */
function centreNodeText(svg: string): string {
  return svg.replace(/<g id="[^"]*" class="node">[\s\S]*?\n<\/g>\n/g, (node) => {
    const box = /<(?:path|polygon)[^>]* (?:d|points)="([^"]+)"/.exec(node);
    if (!box) return node;
    const xs = [...box[1]!.matchAll(/(-?[\d.]+),-?[\d.]+/g)].map((m) => Number(m[1]));
    const centre = ((Math.min(...xs) + Math.max(...xs)) / 2).toFixed(2).replace(/\.?0+$/, '');
    return node.replace(/<text xml:space="preserve" text-anchor="start" x="-?[\d.]+"/g, `<text xml:space="preserve" text-anchor="middle" x="${centre}"`);
  });
}
