/**
 * The outcome of testing a value against a pattern: every mismatch with the path where it was
 * found, plus the values captured along the way (kept only if the whole match succeeds).
 */

/** One mismatch. `path` is the list of keys/indexes from the tested value's root. */
export interface MatchFailure {
  /** Keys and indexes from the tested value's root to the mismatch; empty at the root. */
  readonly path: readonly string[];
  /** What was expected and what was found. */
  readonly message: string;
  /** How bad the mismatch is; ranks candidates ("closest match"). @default 1 */
  readonly cost: number;
}

/** Something that stores captured values (a Capture), kept abstract to avoid an import cycle. */
export interface CaptureSink {
  _record(value: unknown): void;
}

/** Result of `Matcher.test(value)`. */
export class MatchResult {
  private readonly failureList: MatchFailure[] = [];
  private readonly captured: Array<{ readonly sink: CaptureSink; readonly value: unknown }> = [];

  /** @param target the value tested */
  constructor(public readonly target: unknown) {}

  /** Records a mismatch at `path` (relative to this result's target). */
  public recordFailure(message: string, path: readonly string[] = [], cost = 1): this {
    this.failureList.push({ path, message, cost });
    return this;
  }

  /** Records a captured value; it reaches the Capture only through finalize(). */
  public recordCapture(sink: CaptureSink, value: unknown): this {
    this.captured.push({ sink, value });
    return this;
  }

  /** Merges the result of matching a child (`key` of this target) into this result. */
  public compose(key: string, inner: MatchResult): this {
    for (const f of inner.failureList) this.failureList.push({ ...f, path: [key, ...f.path] });
    this.captured.push(...inner.captured);
    return this;
  }

  /** True if no mismatch was recorded. */
  public get isSuccess(): boolean {
    return this.failureList.length === 0;
  }

  /** Every mismatch recorded, in order, with paths from this result's target. */
  public get failures(): readonly MatchFailure[] {
    return this.failureList;
  }

  /** Sum of failure costs: lower means closer to matching. */
  public get failCost(): number {
    return this.failureList.reduce((sum, f) => sum + f.cost, 0);
  }

  /** Hands captured values to their Captures; call once the match is known to succeed. */
  public finalize(): this {
    if (this.isSuccess) for (const c of this.captured) c.sink._record(c.value);
    return this;
  }

  /** One line per failure: `/properties/sku/name: expected "B1", got "B2"`. */
  public renderMismatches(prefix: readonly string[] = []): string[] {
    return this.failureList.map((f) => `${renderPath([...prefix, ...f.path])}: ${f.message}`);
  }
}

/** A JSON-pointer-like path: `/properties/subnets/0/name`; the root is `/`. */
export function renderPath(path: readonly string[]): string {
  return path.length ? '/' + path.join('/') : '/';
}
