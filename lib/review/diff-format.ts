/**
 * Text rendering of a diff, in the style of `cdk diff`: `[+]` added, `[-]` removed, `[~]`
 * changed, a tree of property changes under each resource, and REPLACE called out.
 */
import type { AssemblyDiff, EntryDiff, ParameterValueDiff, ResourceDiff, StackDiff, ValueChange } from './diff.js';
import { fmt, fmtPair } from '../common/value-text.js';
import { displayName } from './display-name.js';

/** ANSI styling, or none. */
export interface Palette {
  readonly green: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly gray: (s: string) => string;
  readonly bold: (s: string) => string;
}

const ansi = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;

/** Colours for a terminal. */
export const COLOURS: Palette = { green: ansi('32'), red: ansi('31'), yellow: ansi('33'), cyan: ansi('36'), gray: ansi('90'), bold: ansi('1') };
/** No colours (pipes, files, CI logs). */
export const PLAIN: Palette = { green: (s) => s, red: (s) => s, yellow: (s) => s, cyan: (s) => s, gray: (s) => s, bold: (s) => s };

/** Lines of the human-readable diff. */
export function formatDiff(diff: AssemblyDiff, p: Palette = PLAIN): string[] {
  const lines: string[] = [];
  for (const stack of diff.stacks) {
    if (stack.status === 'unchanged') {
      lines.push(`Stack ${p.bold(stack.stack)}: no differences`);
      continue;
    }
    const note = stack.status === 'added' ? ' (new: not in the committed templates)' : stack.status === 'removed' ? ' (no longer synthesized)' : '';
    lines.push(`Stack ${p.bold(stack.stack)}${note}`);
    section(lines, 'Parameters', stack.parameters, (e) => entryLines('Parameter', e, p));
    section(lines, 'Parameter values', stack.parameterValues, (v) => [valueLine(v, p)]);
    section(lines, 'Variables', stack.variables, (e) => entryLines('Variable', e, p));
    section(lines, 'Resources', stack.resources, (r) => resourceLines(r, p));
    section(lines, 'Outputs', stack.outputs, (e) => entryLines('Output', e, p));
    lines.push(summary(stack), '');
  }
  lines.push(
    diff.differences === 0
      ? 'No differences.'
      : `${diff.differences} difference${diff.differences === 1 ? '' : 's'}` +
          (diff.replacements ? `, ${p.red(p.bold(`${diff.replacements} replacement${diff.replacements === 1 ? '' : 's'}`))}` : '') + '.',
  );
  return lines;
}

function section<T>(lines: string[], title: string, items: readonly T[], render: (item: T) => string[]): void {
  if (!items.length) return;
  lines.push(title);
  for (const item of items) lines.push(...render(item));
}

function marker(kind: string, p: Palette): string {
  if (kind === 'added') return p.green('[+]');
  if (kind === 'removed') return p.red('[-]');
  return p.yellow('[~]');
}

function entryLines(noun: string, e: EntryDiff, p: Palette): string[] {
  const head = `${marker(e.kind, p)} ${noun} ${e.name}`;
  if (e.kind === 'added') return [`${head}: ${fmt(e.after)}`];
  if (e.kind === 'removed') return [`${head}: ${fmt(e.before)}`];
  return [head, ...tree(e.changes.map((c) => changeLine(c, p)), p)];
}

/** `[~] prefix: "demo" -> "prod"`; a secure parameter shows `(secure)`, never its value. */
function valueLine(v: ParameterValueDiff, p: Palette): string {
  const head = `${marker(v.kind, p)} ${v.name}: `;
  if (v.secure) return `${head}(secure)`;
  if (v.kind === 'added') return head + fmt(v.after);
  if (v.kind === 'removed') return head + fmt(v.before);
  const [before, after] = fmtPair(v.before, v.after);
  return `${head}${before} -> ${after}`;
}

function resourceLines(r: ResourceDiff, p: Palette): string[] {
  const shown = displayName(r.structuredName ?? r.name);
  const name = r.kind === 'replaced' ? `${displayName(r.previousStructuredName ?? r.previousName)} -> ${shown}` : shown;
  const where = r.path ? ` ${p.gray(`${r.path} (${r.logicalId})`)}` : '';
  const impact = r.replacement ? ` ${p.red(p.bold('REPLACE'))}` : r.kind === 'removed' ? ` ${p.yellow('(orphaned in Incremental mode, deleted in Complete mode)')}` : '';
  const lines = [`${marker(r.kind, p)} ${p.cyan(r.type)} ${name}${where}${impact}`];
  const children = [
    ...(r.replacement ? [p.red(r.replacement)] : []),
    ...r.changes.map((c) => changeLine(c, p)),
    ...r.dependsOn.added.map((d) => `${p.green('[+]')} dependsOn ${unbracket(d)}`),
    ...r.dependsOn.removed.map((d) => `${p.red('[-]')} dependsOn ${unbracket(d)}`),
  ];
  return [...lines, ...tree(children, p)];
}

function changeLine(c: ValueChange, p: Palette): string {
  const createOnly = c.createOnly ? ` ${p.red('(requires replacement)')}` : c.shrinks ? ` ${p.red('(can only grow: requires replacement)')}` : '';
  if (c.kind === 'added') return `${p.green('[+]')} ${c.path}: ${fmt(c.after)}${createOnly}`;
  if (c.kind === 'removed') return `${p.red('[-]')} ${c.path}: ${fmt(c.before)}${createOnly}`;
  const [before, after] = fmtPair(c.before, c.after);
  return `${p.yellow('[~]')} ${c.path || '(value)'}: ${before} -> ${after}${createOnly}`;
}

function tree(children: string[], p: Palette): string[] {
  return children.map((c, i) => ` ${p.gray(i === children.length - 1 ? '└─' : '├─')} ${c}`);
}

function unbracket(s: string): string {
  return s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
}

function summary(s: StackDiff): string {
  const n = (k: string) => s.resources.filter((r) => r.kind === k).length;
  const replaced = s.resources.filter((r) => r.replacement).length;
  const parts = [`${n('added')} added`, `${n('removed')} removed`, `${n('changed') + n('replaced')} changed${replaced ? ` (${replaced} replaced)` : ''}`];
  const others = s.parameters.length + s.variables.length + s.outputs.length;
  const values = s.parameterValues.length;
  return (
    `${s.stack}: resources ${parts.join(', ')}` +
    (others ? `; ${others} parameter/variable/output change${others === 1 ? '' : 's'}` : '') +
    (values ? `; ${values} parameter value change${values === 1 ? '' : 's'}` : '')
  );
}
