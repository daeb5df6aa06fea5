/**
 * The outcome of testing a value against a pattern: every mismatch with the path where it was
 * found, plus the values captured along the way (kept only if the whole match succeeds). The
 * names are AWS CDK's (`recordFailure({ matcher, path, message, cost })`, `hasFailed()`,
 * `failCount`, `toHumanStrings()`, `renderMismatch()`, `finished()`), so custom matchers and
 * tests ported from AWS CDK work unchanged.
 */
import type { Matcher } from './matcher.js';
import { renderMismatchTree, type MismatchNode } from './render-mismatch.js';

/** One mismatch. */
export interface MatchFailure {
  /**
   * The matcher that found it; `toHumanStrings()` names it.
   * @default none: a failure recorded with a message string names no matcher
   */
  readonly matcher?: Matcher;
  /** Keys and indexes from the tested value's root to the mismatch; empty at the root. */
  readonly path: readonly string[];
  /** What was expected and what was found. */
  readonly message: string;
  /** How bad the mismatch is; ranks candidates ("closest match"). 0 for an explanation that adds no mismatch of its own. @default 1 */
  readonly cost?: number;
}

/** Something that stores captured values (a Capture), kept abstract to avoid an import cycle. */
export interface CaptureSink {
  _record(value: unknown): void;
}

/** A failure recorded here, or the failed result of a child (`key` of the target), in the order they came. */
type Entry = { readonly failure: MatchFailure & { readonly cost: number } } | { readonly key: string; readonly inner: MatchResult };

/** Result of `Matcher.test(value)`. */
export class MatchResult {
  private readonly entries: Entry[] = [];
  private readonly captured: Array<{ readonly sink: CaptureSink; readonly value: unknown }> = [];
  private count = 0;
  private cost = 0;
  private finalized = false;

  /** @param target the value tested */
  constructor(public readonly target: unknown) {}

  /**
   * Records a mismatch, AWS CDK's way: `recordFailure({ matcher: this, path: [], message })`, the
   * path relative to this result's target. The older form `recordFailure(message, path?, cost?)`
   * still works.
   */
  public recordFailure(failure: MatchFailure): this;
  public recordFailure(message: string, path?: readonly string[], cost?: number): this;
  public recordFailure(failure: MatchFailure | string, path: readonly string[] = [], cost = 1): this {
    const f = typeof failure === 'string' ? { path, message: failure, cost } : { ...failure, cost: failure.cost ?? 1 };
    this.entries.push({ failure: f });
    this.count += 1;
    this.cost += f.cost;
    return this;
  }

  /**
   * Records a captured value; it reaches the Capture only through finished(). AWS CDK's form
   * `recordCapture({ capture, value })` and `recordCapture(capture, value)` both work.
   */
  public recordCapture(options: { readonly capture: CaptureSink; readonly value: unknown }): this;
  public recordCapture(sink: CaptureSink, value: unknown): this;
  public recordCapture(sink: CaptureSink | { readonly capture: CaptureSink; readonly value: unknown }, value?: unknown): this {
    if ('capture' in sink) this.captured.push({ sink: sink.capture, value: sink.value });
    else this.captured.push({ sink, value });
    return this;
  }

  /** Merges the result of matching a child (`key` of this target) into this result. */
  public compose(key: string, inner: MatchResult): this {
    if (inner.hasFailed()) {
      this.entries.push({ key, inner });
      this.count += inner.count;
      this.cost += inner.cost;
    }
    this.captured.push(...inner.captured);
    return this;
  }

  /** True if no mismatch was recorded. */
  public get isSuccess(): boolean {
    return this.count === 0;
  }

  /** True if a mismatch was recorded (AWS CDK's name; the opposite of `isSuccess`). */
  public hasFailed(): boolean {
    return this.count > 0;
  }

  /** How many mismatches were recorded, here and in composed results. */
  public get failCount(): number {
    return this.count;
  }

  /** Sum of failure costs: lower means closer to matching. */
  public get failCost(): number {
    return this.cost;
  }

  /** Every mismatch recorded, in order, with paths from this result's target. */
  public get failures(): readonly MatchFailure[] {
    const out: MatchFailure[] = [];
    const walk = (r: MatchResult, prefix: readonly string[]): void => {
      for (const e of r.entries) {
        if ('failure' in e) out.push(prefix.length ? { ...e.failure, path: [...prefix, ...e.failure.path] } : e.failure);
        else walk(e.inner, [...prefix, e.key]);
      }
    };
    walk(this, []);
    return out;
  }

  /** Hands captured values to their Captures if the match succeeded; only the first call does it. */
  public finalize(): this {
    if (!this.finalized && this.isSuccess) for (const c of this.captured) c.sink._record(c.value);
    this.finalized = true;
    return this;
  }

  /** AWS CDK's name for `finalize()`: call it once the match is known, so Captures get their values. */
  public finished(): this {
    return this.finalize();
  }

  /** One line per failure: `/properties/sku/name: expected "B1", got "B2"`. */
  public renderMismatches(prefix: readonly string[] = []): string[] {
    return this.failures.map((f) => `${renderPath([...prefix, ...f.path])}: ${f.message}`);
  }

  /**
   * AWS CDK's flat rendering, one string per failure: `expected "B1", got "B2" at /sku/name (using
   * objectLike matcher)` (the matcher is named when the failure recorded it).
   */
  public toHumanStrings(): string[] {
    return this.failures.map((f) => `${f.message}${f.path.length ? ` at /${f.path.join('/')}` : ''}${f.matcher ? ` (using ${f.matcher.name} matcher)` : ''}`);
  }

  /**
   * AWS CDK's deep rendering: the tested value as indented JSON, each mismatch on a `!!` line just
   * before the value it is about, values away from any mismatch abridged (`{ ... }`), and a value a
   * matcher transformed (the parsed JSON of `Match.serializedJson`) shown as `"..." <*> {...}`.
   * `<match>` when nothing failed.
   */
  public renderMismatch(): string {
    return this.hasFailed() ? renderMismatchTree(this.node()) : '<match>';
  }

  /** The failures as a tree for rendering (a key composed twice keeps its last result). */
  private node(): MismatchNode {
    const here: MatchFailure[] = [];
    const children = new Map<string, MismatchNode>();
    for (const e of this.entries) {
      if ('failure' in e) here.push(e.failure);
      else children.set(e.key, e.inner.node());
    }
    return { target: this.target, here, children };
  }

  /** @internal Adds another result's failures and captures at this level (a matcher that wraps another's result). */
  public _absorb(inner: MatchResult): this {
    this.entries.push(...inner.entries);
    this.count += inner.count;
    this.cost += inner.cost;
    this.captured.push(...inner.captured);
    return this;
  }
}

/** A JSON-pointer-like path: `/properties/subnets/0/name`; the root is `/`. */
export function renderPath(path: readonly string[]): string {
  return path.length ? '/' + path.join('/') : '/';
}
