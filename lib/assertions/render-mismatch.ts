/**
 * `MatchResult.renderMismatch()`: the tested value printed as indented JSON with each mismatch on
 * a `!!` line in front of the value it is about, in the layout AWS CDK's assertions print.
 */
import type { MatchFailure } from './match-result.js';

/** A match result as a tree: the value tested, failures recorded at it, and failed children by key. */
export interface MismatchNode {
  readonly target: unknown;
  /** Failures with paths relative to `target` (usually empty or one key). */
  readonly here: readonly MatchFailure[];
  readonly children: ReadonlyMap<string, MismatchNode>;
}

/** The rendering; mismatch markers start their lines, with the indentation after them. */
export function renderMismatchTree(root: MismatchNode): string {
  const out = new Output();
  failuresAt(out, root, undefined);
  renderNode(out, root);
  // `    !! message` -> `!!   message`: the marker at the margin, the message still indented.
  return out.text().trimEnd().replace(/^( +)!!/gm, (_, spaces: string) => `!!${spaces.slice(2)}`);
}

/** Text with a stack of indents applied after every line break. */
class Output {
  private readonly parts: string[] = [];
  private readonly indents: string[] = [];
  public emit(text: string): void {
    this.parts.push(text.replace(/\n/g, `\n${this.indents.join('')}`));
  }
  public indent(): void {
    this.indents.push('  ');
  }
  public dedent(): void {
    this.indents.pop();
  }
  public text(): string {
    return this.parts.join('');
  }
}

/** Emits the failures recorded at `key` of the node (`undefined`: at the node itself), a line each. */
function failuresAt(out: Output, node: MismatchNode, key: string | undefined): void {
  for (const line of messagesAt(node, key)) out.emit(`!! ${line}\n`);
}

function messagesAt(node: MismatchNode, key: string | undefined): string[] {
  const here = node.here.filter((f) => (key === undefined ? f.path.length === 0 : f.path[0] === key));
  return here.map((f) => (f.path.length > 1 ? `${f.message} at /${f.path.slice(1).join('/')}` : f.message));
}

function renderNode(out: Output, node: MismatchNode): void {
  const target = node.target;
  const flagged = new Set<string>([...node.here.filter((f) => f.path.length).map((f) => f.path[0]), ...node.children.keys()]);
  const container = Array.isArray(target) ? 'array' : target !== null && typeof target === 'object' ? 'object' : undefined;
  if (!container) {
    for (const line of remaining(node, flagged)) out.emit(`!! ${line}\n`);
    out.emit(json(target));
    return;
  }
  const record = target as Record<string, unknown>;
  const keys = container === 'array'
    ? (target as unknown[]).map((_, i) => String(i))
    : [...new Set([...Object.keys(record), ...flagged])].sort();
  out.indent();
  out.emit(container === 'array' ? '[\n' : '{\n');
  keys.forEach((key, i) => {
    if (i > 0) out.emit(',\n');
    failuresAt(out, node, key);
    flagged.delete(key);
    const child = node.children.get(key);
    if (child) failuresAt(out, child, undefined);
    if (container === 'object') out.emit(`${JSON.stringify(key)}: `);
    if (child) renderChild(out, child, record[key]);
    else out.emit(abridged(record[key]));
  });
  for (const line of remaining(node, flagged)) out.emit(`\n!! ${line}`);
  out.dedent();
  out.emit(container === 'array' ? '\n]' : '\n}');
}

/** Failures at keys the value does not show (past the end of an array, inside a scalar), with their paths. */
function remaining(node: MismatchNode, keys: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  for (const key of keys) {
    lines.push(...node.here.filter((f) => f.path[0] === key).map((f) => `${f.message} at /${f.path.join('/')}`));
    const child = node.children.get(key);
    if (child) lines.push(...flatten(child, [key]));
  }
  return lines;
}

function flatten(node: MismatchNode, prefix: readonly string[]): string[] {
  const lines = node.here.map((f) => `${f.message} at /${[...prefix, ...f.path].join('/')}`);
  for (const [key, child] of node.children) lines.push(...flatten(child, [...prefix, key]));
  return lines;
}

/** A child whose matcher tested a transformation of the value (parsed JSON): both, joined by `<*>`. */
function renderChild(out: Output, child: MismatchNode, value: unknown): void {
  if (child.target !== value) {
    out.emit(abridged(value));
    out.emit(' <*> ');
  }
  renderNode(out, child);
}

/** A value away from any mismatch, kept short: scalars, and containers of one element or two scalars. */
function abridged(x: unknown): string {
  if (Array.isArray(x)) {
    if (x.length === 0) return '[]';
    if (x.length === 1) return `[ ${abridged(x[0])} ]`;
    if (x.length === 2 && x.every((e) => ['number', 'boolean', 'string'].includes(typeof e))) return `[ ${x.map(abridged).join(', ')} ]`;
    return '[ ... ]';
  }
  if (x !== null && typeof x === 'object') {
    const keys = Object.keys(x);
    if (keys.length === 0) return '{}';
    if (keys.length === 1) return `{ ${JSON.stringify(keys[0])}: ${abridged((x as Record<string, unknown>)[keys[0]])} }`;
    return '{ ... }';
  }
  return json(x);
}

function json(x: unknown): string {
  return JSON.stringify(x) ?? 'undefined';
}
