/**
 * Line breaking of Bicep expressions, as `bicep format` (Bicep CLI 0.49.2, default settings) does it,
 * so that the formatter leaves the writer's output unchanged byte for byte.
 *
 * The expression renderer builds a {@link Doc}: text, plus the few structures the formatter may
 * break. {@link layoutDoc} prints it on one line when it fits in {@link LINE_WIDTH} columns; else
 * it runs the formatter's algorithm (a Wadler-style printer whose group is printed flat if its own
 * flat width fits the rest of the line, else its line breaks are taken and inner groups decide
 * again; text after a group does not count):
 * - call arguments (two or more): `f(` newline, one argument per line with commas, `)` on its own
 *   line; a call with one argument never breaks at its parentheses;
 * - inline arrays `[a, b]`: one item per line, without commas;
 * - inline objects `{ a: 1, b: 2 }`: one property per line, without commas;
 * - ternaries: the condition, then `? x` and `: y` on their own lines, one level deeper (and each
 *   branch another level deeper for its own breaks);
 * - everything else is glued: operators, parentheses, `!`, property access, string
 *   interpolations and literals never break, so such a line stays long.
 *
 * A call's last argument that is an array or object (two or more arguments) is special: when it
 * is broken it hugs the call (`union(a, {` ... `})`), and when the call is measured only the text
 * up to its opening bracket counts, the rest of the line not at all. `[]` and `{}` count as broken
 * there, so a line holding `f(x, {})` can stay longer than 120 columns.
 *
 * The formatter also reads its input: an array or object that starts with a newline stays broken,
 * and then every bracket and ternary around it breaks too (except the call it hugs). So the text
 * the formatter leaves unchanged is a fixed point: the layout is repeated, keeping broken the
 * arrays and objects the previous round broke, until it breaks the same ones it kept.
 *
 * Source: Bicep.Core PrettyPrintV2 (SyntaxLayouts, PrettyPrinterV2); checked against the CLI.
 */

/** The line width of `bicep format`. */
export const LINE_WIDTH = 120;

/** Text, or a structure the formatter may break over lines. */
export type Doc = string | DocNode;

/** Docs printed one after the other (never broken between them). */
export interface ConcatDoc {
  readonly kind: 'concat';
  readonly parts: readonly Doc[];
}

/** Call arguments `(a, b)`, an inline array `[a, b]` or an inline object `{ a: 1 }` (items are `key: value`). */
export interface ListDoc {
  readonly kind: 'list';
  readonly style: ListStyle;
  readonly items: readonly Doc[];
}

/** `condition ? whenTrue : whenFalse`. */
export interface TernaryDoc {
  readonly kind: 'ternary';
  readonly condition: Doc;
  readonly whenTrue: Doc;
  readonly whenFalse: Doc;
}

export type DocNode = ConcatDoc | ListDoc | TernaryDoc;

/** The three bracketed lists of Bicep expressions. */
export type ListStyle = 'arguments' | 'array' | 'object';

/** Brackets, and what stands between the brackets and the items when flat (`{ a }` but `[a]`). */
const BRACKETS: Record<ListStyle, { open: string; close: string; padding: string }> = {
  arguments: { open: '(', close: ')', padding: '' },
  array: { open: '[', close: ']', padding: '' },
  object: { open: '{', close: '}', padding: ' ' },
};

/** Docs one after the other; adjacent text is joined, and all-text gives text. */
export function concat(...parts: Doc[]): Doc {
  const out: Doc[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part === '') continue;
      if (typeof out[out.length - 1] === 'string') out[out.length - 1] += part;
      else out.push(part);
    } else if (part.kind === 'concat') {
      for (const inner of part.parts) {
        if (typeof inner === 'string' && typeof out[out.length - 1] === 'string') out[out.length - 1] += inner;
        else out.push(inner);
      }
    } else {
      out.push(part);
    }
  }
  if (out.length === 0) return '';
  return out.length === 1 ? out[0] : { kind: 'concat', parts: out };
}

/** `name(args)`: with fewer than two arguments the formatter never breaks it. */
export function callDoc(name: string, args: readonly Doc[]): Doc {
  return args.length < 2 ? concat(name, '(', ...args, ')') : concat(name, { kind: 'list', style: 'arguments', items: args });
}

/**
 * `[a, b]` (`[]` when empty: still a list, because as a call's last argument even `[]` is laid out
 * like a broken array, see {@link layoutDoc}).
 */
export function arrayDoc(items: readonly Doc[]): Doc {
  return { kind: 'list', style: 'array', items };
}

/** `{ a: 1, b: 2 }` from `key: value` entries (`{}` when empty). */
export function objectDoc(entries: readonly Doc[]): Doc {
  return { kind: 'list', style: 'object', items: entries };
}

/** `condition ? whenTrue : whenFalse`. */
export function ternaryDoc(condition: Doc, whenTrue: Doc, whenFalse: Doc): Doc {
  return { kind: 'ternary', condition, whenTrue, whenFalse };
}

/** The doc on one line. */
export function flatText(doc: Doc): string {
  if (typeof doc === 'string') return doc;
  switch (doc.kind) {
    case 'concat':
      return doc.parts.map(flatText).join('');
    case 'list': {
      const { open, close, padding } = BRACKETS[doc.style];
      if (doc.items.length === 0) return open + close;
      return `${open}${padding}${doc.items.map(flatText).join(', ')}${padding}${close}`;
    }
    case 'ternary':
      return `${flatText(doc.condition)} ? ${flatText(doc.whenTrue)} : ${flatText(doc.whenFalse)}`;
  }
}

/**
 * The doc as `bicep format` prints it when it starts at `column` of a line indented
 * `indentLevel` levels (2 spaces each): one line if it fits, else broken as described above.
 * Lines after the first carry their own indentation.
 */
export function layoutDoc(doc: Doc, column: number, indentLevel: number): string {
  if (typeof doc === 'string') return doc;
  const flat = flatText(doc);
  if (column + flat.length <= LINE_WIDTH) return flat;
  let kept = new Set<ListDoc>();
  // A kept list stays broken, so each round keeps more lists or stops; one round after the first
  // is all that 20,000 fuzzed expressions needed. The cap only bounds the work (its text is valid Bicep).
  for (let round = 0; ; round++) {
    const printer = new Printer(column);
    printer.print(indentLevel, [new Builder(kept).build(doc)]);
    if (round === 8 || sameMembers(printer.broken, kept)) return printer.text();
    kept = printer.broken;
  }
}

function sameMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

// The formatter's documents: text, a line (newline, or `flat` inside a group that fits), and
// containers: glue (never flattened on its own), group (flat if it fits), indent (one level deeper
// for its lines), tail (a call's broken last argument: counts as its `{` or `[` when the call is
// measured, and stays broken).
type Part = string | Line | Container;
interface Line {
  readonly line: true;
  readonly flat: string;
  /** The list whose opening bracket this line follows: printed as a newline, that list is broken. */
  readonly opens?: ListDoc;
}
interface Container {
  readonly line?: undefined;
  readonly box: 'glue' | 'group' | 'indent' | 'tail';
  readonly parts: readonly Part[];
}

const box = (kind: Container['box'], parts: readonly Part[]): Container => ({ box: kind, parts });
const SPACE_LINE: Line = { line: true, flat: ' ' };

/** Builds the formatter's documents, as SyntaxLayouts does, for lists kept broken from the input. */
class Builder {
  /** Counts the reasons to break (kept lists) seen so far: a bracket that saw one is glued, not grouped. */
  private breakers = 0;

  constructor(private readonly kept: ReadonlySet<ListDoc>) {}

  public build(doc: Doc): Part {
    if (typeof doc === 'string') return doc;
    switch (doc.kind) {
      case 'concat':
        return box('glue', doc.parts.map((p) => this.build(p)));
      case 'list':
        return this.list(doc);
      case 'ternary': {
        const before = this.breakers;
        const parts = [
          this.build(doc.condition),
          SPACE_LINE,
          box('glue', ['? ', box('indent', [this.build(doc.whenTrue)])]),
          SPACE_LINE,
          box('glue', [': ', box('indent', [this.build(doc.whenFalse)])]),
        ];
        return box(this.breakers > before ? 'glue' : 'group', [box('indent', parts)]);
      }
    }
  }

  private list(doc: ListDoc): Part {
    const { open, close, padding } = BRACKETS[doc.style];
    const count = doc.items.length;
    // Glued, never a group: so as a call's last argument `[]` and `{}` are tails too.
    if (count === 0) return box('glue', [open + close]);
    // A call's last argument that is an array or object is laid out before the call's own
    // bracket, so its reasons to break do not break the call; broken, it hugs the call.
    const last = count >= 2 && doc.style === 'arguments' ? doc.items[count - 1] : undefined;
    let tail: Part | undefined;
    if (last !== undefined && typeof last !== 'string' && last.kind === 'list' && last.style !== 'arguments') {
      tail = this.build(last);
      if (typeof tail !== 'string' && !tail.line && tail.box === 'glue') tail = box('tail', tail.parts);
    }
    const before = this.breakers;
    const items: Part[] = [];
    doc.items.forEach((item, i) => {
      if (i > 0) items.push({ line: true, flat: doc.style === 'arguments' ? ' ' : ', ' });
      if (i < count - 1) items.push(doc.style === 'arguments' ? box('glue', [this.build(item), ',']) : this.build(item));
      else items.push(tail ?? this.build(item));
    });
    if (this.kept.has(doc)) this.breakers++;
    const parts: Part[] = [
      open,
      // Only an array or object that starts with a newline stays broken: a call's arguments do not.
      box('indent', [{ line: true, flat: padding, opens: doc.style === 'arguments' ? undefined : doc }, ...items]),
      { line: true, flat: padding },
      close,
    ];
    return box(this.breakers > before ? 'glue' : 'group', parts);
  }
}

/** PrettyPrinterV2's printer, from a column inside a line; records the lists it breaks. */
class Printer {
  public readonly broken = new Set<ListDoc>();
  private readonly out: string[] = [];
  /** Whitespace not yet written: dropped at a newline, so no line ends in spaces. */
  private pendingSpace = '';

  constructor(private occupied: number) {}

  public text(): string {
    return this.out.join('');
  }

  public print(level: number, parts: readonly Part[]): void {
    for (const part of parts) this.printPart(level, part);
  }

  private printPart(level: number, part: Part): void {
    if (typeof part === 'string') {
      this.write(part);
      return;
    }
    if (part.line) {
      this.pendingSpace = '  '.repeat(level);
      this.out.push('\n');
      this.occupied = 2 * level;
      if (part.opens) this.broken.add(part.opens);
      return;
    }
    switch (part.box) {
      case 'glue':
      case 'tail':
        this.print(level, part.parts);
        return;
      case 'indent':
        this.print(level + 1, part.parts);
        return;
      case 'group':
        this.printGroup(level, part);
    }
  }

  /** Flat if the group's flat width fits the rest of the line (up to a tail's opening bracket), else broken. */
  private printGroup(level: number, group: Container): void {
    let remaining = LINE_WIDTH - this.occupied;
    if (remaining < 0) {
      this.print(level, group.parts);
      return;
    }
    const flattened: Part[] = [];
    let afterTail = false;
    for (const part of flatten(group)) {
      if (!afterTail) {
        remaining -= typeof part === 'string' ? part.length : 1;
        if (remaining < 0) {
          this.print(level, group.parts);
          return;
        }
        afterTail = typeof part !== 'string';
      }
      flattened.push(part);
    }
    this.print(level, flattened);
  }

  private write(text: string): void {
    this.occupied += text.length;
    if (text.trim() === '') {
      this.pendingSpace += text;
      return;
    }
    if (this.pendingSpace) {
      this.out.push(this.pendingSpace);
      this.pendingSpace = '';
    }
    this.out.push(text);
  }
}

/** The group's text on one line; a tail stays itself. */
function* flatten(part: Part): Generator<string | Container> {
  if (typeof part === 'string') yield part;
  else if (part.line) yield part.flat;
  else if (part.box === 'tail') yield part;
  else for (const p of part.parts) yield* flatten(p);
}
