/**
 * `azcdk graph [STACK..] [--format svg|dot|mermaid] [--out FILE]`: a picture of the stacks'
 * resources and their dependsOn edges. Renderers are imported inside the handler, and the
 * WebAssembly Graphviz only for SVG, so other commands do not pay for them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { AzcdkError, UsageError } from '../core/errors.js';
import { displayPath, type CliIo } from './io.js';
import { synthesizeForCli, withAppFlags } from './synth.js';

/** Output formats. */
export const GRAPH_FORMATS = ['svg', 'dot', 'mermaid'] as const;

/** Flags of `azcdk graph`. */
export interface GraphArgs {
  readonly app?: string;
  readonly strict: boolean;
  readonly stack?: string[];
  readonly format?: (typeof GRAPH_FORMATS)[number];
  readonly out?: string;
}

/** The command. */
export function graphCommand(io: CliIo): CommandModule<object, GraphArgs> {
  return {
    command: 'graph [stack..]',
    describe: 'Draw resources and their dependencies (reference, parent, ordering) as SVG, DOT or Mermaid',
    builder: (y) =>
      withAppFlags(y)
        .positional('stack', { type: 'string', array: true, describe: 'Stacks to draw (default: all)' })
        .option('format', { choices: GRAPH_FORMATS, describe: 'Output format (default: from the --out extension: .svg, .dot/.gv, .mmd/.mermaid; else dot)' })
        .option('out', { alias: 'o', type: 'string', describe: 'Write to FILE instead of stdout' }) as unknown as Argv<GraphArgs>,
    handler: async (args) => {
      const format = chooseFormat(args.format, args.out);
      const { assemblyManifest, selectStacks } = await import('../review/assembly.js');
      const { buildGraph } = await import('../review/graph.js');
      const { renderDot } = await import('../review/dot.js');
      const assembly = await synthesizeForCli({ app: args.app, strict: args.strict }, io);
      const manifest = assemblyManifest(assembly);
      const graph = buildGraph(manifest, selectStacks(Object.keys(manifest.stacks).sort(), args.stack));
      let output: string;
      if (format === 'mermaid') output = (await import('../review/mermaid.js')).renderMermaid(graph);
      else if (format === 'svg') output = await (await import('../review/svg.js')).renderSvg(renderDot(graph));
      else output = renderDot(graph);
      if (args.out === undefined) {
        io.out(output.replace(/\n$/, ''));
        return;
      }
      const file = io.resolve(args.out);
      writeGraph(file, output.endsWith('\n') ? output : output + '\n', args.out);
      const nodes = graph.clusters.reduce((n, c) => n + c.nodes.length, 0);
      io.err(`Wrote ${displayPath(io.cwd, file)} (${format}, ${count(nodes, 'resource')}, ${count(graph.edges.length, 'dependency', 'dependencies')}).`);
    },
  };
}

/** Writes the picture, creating missing folders (like deploy's --outputs-file); a failure names the file. */
function writeGraph(file: string, text: string, flag: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new AzcdkError(
      `--out ${flag}: could not write ${file} (${(error as Error).message}). Pass a file path in a folder you can write to, or leave out --out to print to stdout.`,
    );
  }
}

type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** File extensions (lower case, no dot) and the format each one holds. */
const EXTENSIONS: Readonly<Record<string, GraphFormat>> = { svg: 'svg', dot: 'dot', gv: 'dot', mmd: 'mermaid', mermaid: 'mermaid' };

/** `.dot or .gv` */
function extensionsOf(format: GraphFormat): string {
  return Object.keys(EXTENSIONS).filter((e) => EXTENSIONS[e] === format).map((e) => `.${e}`).join(' or ');
}

/**
 * The format to write: --format, else the --out extension, else DOT on stdout. An --out name
 * whose extension says nothing (g.png, graph) or another format (--format dot --out g.svg) is a
 * usage error: writing DOT text into a .png would only be found out when opening it.
 */
function chooseFormat(format: GraphFormat | undefined, out: string | undefined): GraphFormat {
  if (out === undefined) return format ?? 'dot';
  const ext = extname(out).slice(1).toLowerCase();
  const implied = Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined;
  const known = GRAPH_FORMATS.map((f) => `${extensionsOf(f)} (${f})`).join(', ');
  if (format === undefined) {
    if (implied) return implied;
    throw new UsageError(
      `--out ${out}: ${ext ? `.${ext} is not a graph file extension` : 'the file name has no extension'}. ` +
        `azcdk graph writes ${known}: name the file with one of them, or pass --format ${GRAPH_FORMATS.join('|')}.`,
    );
  }
  if (implied && implied !== format) {
    throw new UsageError(`--format ${format} --out ${out}: a .${ext} file holds ${implied}. Pass --format ${implied}, or a file name ending in ${extensionsOf(format)}.`);
  }
  return format;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
