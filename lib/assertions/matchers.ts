/**
 * The built-in matchers behind `Match`. Literal patterns are matched deeply: objects by key
 * (partially or exactly), arrays element by element, everything else with `===`.
 */
import type { IResourceTarget } from '../core/expression.js';
import { armResourceId } from '../synth/arm-expression.js';
import { toArmPattern } from './arm-form.js';
import { AssertionUsageError } from './errors.js';
import { formatTyped, formatValue, isPlainObject, jsonType, renderValue } from './format.js';
import { MatchResult } from './match-result.js';
import { Matcher } from './matcher.js';

/** How literal objects nested in a pattern are matched. */
interface LiteralOptions {
  /** Objects may have keys the pattern does not name. */
  readonly partialObjects: boolean;
}

/** Names of the matchers users write as `Match.<name>(...)`; other names are internal (a literal in a pattern). */
const PUBLIC_NAMES: ReadonlySet<string> = new Set(['objectLike', 'objectEquals', 'arrayWith', 'arrayEquals', 'exact']);

/** `Match.objectLike({...})` for a matcher the user wrote, the bare pattern for a literal. */
function describeAs(name: string, pattern: unknown): string {
  return PUBLIC_NAMES.has(name) ? `Match.${name}(${renderValue(pattern)})` : renderValue(pattern);
}

/** Turns any pattern (literal or matcher) into a matcher. */
export function asMatcher(pattern: unknown, options: LiteralOptions, name = 'literal'): Matcher {
  return Matcher.isMatcher(pattern) ? pattern : new LiteralMatch(name, pattern, options);
}

/** A literal value: deep comparison, objects partial or exact. */
export class LiteralMatch extends Matcher {
  private readonly pattern: unknown;

  constructor(public readonly name: string, pattern: unknown, private readonly options: LiteralOptions) {
    super();
    if (Matcher.isMatcher(pattern)) {
      // AWS CDK refuses it too: Match.exact(Match.arrayWith(...)) would quietly not be exact.
      throw new AssertionUsageError(
        `Match.${name}() cannot directly contain another matcher, as in AWS CDK: got ${pattern.describe()}. ` +
          `Use that matcher without Match.${name}() around it, or nest it deeper (Match.${name}({ key: matcher })).`,
      );
    }
    this.pattern = toArmPattern(pattern);
    if (this.pattern === undefined) {
      throw new AssertionUsageError(`${name}: a pattern cannot be undefined. To require that a key is missing, use Match.absent().`);
    }
  }

  public override describe(): string {
    return describeAs(this.name, this.pattern);
  }

  public test(actual: unknown): MatchResult {
    const p = this.pattern;
    if (Array.isArray(p)) return new ArrayMatch(this.name, p, { partialObjects: this.options.partialObjects, subsequence: false }).test(actual);
    if (isPlainObject(p)) return new ObjectMatch(this.name, p, { partial: this.options.partialObjects }).test(actual);
    const result = new MatchResult(actual);
    if (actual === p) return result;
    if (actual === undefined) return result.recordFailure({ matcher: this, path: [], message: `missing: expected ${formatValue(p)}` });
    if (jsonType(actual) !== jsonType(p)) return result.recordFailure({ matcher: this, path: [], message: `expected ${formatTyped(p)}, got ${formatTyped(actual)}` });
    return result.recordFailure({ matcher: this, path: [], message: `expected ${formatValue(p)}, got ${formatValue(actual)}` });
  }
}

/** Objects: every key of the pattern must match; with `partial: false`, no other keys allowed. */
export class ObjectMatch extends Matcher {
  private readonly pattern: Record<string, unknown>;

  constructor(public readonly name: string, pattern: Record<string, unknown>, private readonly options: { partial: boolean }) {
    super();
    if (!isPlainObject(pattern)) throw new AssertionUsageError(`${name}: the pattern must be an object literal, got ${formatValue(pattern)}.`);
    this.pattern = toArmPattern(pattern) as Record<string, unknown>;
  }

  public override describe(): string {
    return describeAs(this.name, this.pattern);
  }

  public test(actual: unknown): MatchResult {
    const result = new MatchResult(actual);
    if (!isPlainObject(actual)) {
      const message = actual === undefined ? `missing: expected an object like ${formatValue(this.pattern)}` : `expected an object, got ${formatTyped(actual)}`;
      return result.recordFailure({ matcher: this, path: [], message });
    }
    if (!this.options.partial) {
      for (const key of Object.keys(actual)) {
        if (!(key in this.pattern)) result.recordFailure({ matcher: this, path: [key], message: `unexpected key (${this.name} allows ${listKeys(this.pattern)})` });
      }
    }
    for (const [key, p] of Object.entries(this.pattern)) {
      const value = Object.prototype.hasOwnProperty.call(actual, key) ? actual[key] : undefined;
      result.compose(key, asMatcher(p, { partialObjects: this.options.partial }, this.name).test(value));
    }
    return result;
  }
}

/** Arrays: the same elements in order, or (`subsequence`) the pattern's elements in order among others. */
export class ArrayMatch extends Matcher {
  private readonly pattern: unknown[];

  constructor(
    public readonly name: string,
    pattern: unknown[],
    private readonly options: LiteralOptions & {
      readonly subsequence: boolean;
      /** On an unexpected key in a plain object element, say once that elements are exact and how to relax that. @default false */
      readonly explainExactElements?: boolean;
    },
  ) {
    super();
    if (!Array.isArray(pattern)) throw new AssertionUsageError(`${name}: the pattern must be an array, got ${formatValue(pattern)}.`);
    this.pattern = toArmPattern(pattern) as unknown[];
    if (options.subsequence && this.pattern.some((p) => p instanceof AbsentMatch)) {
      throw new AssertionUsageError(`${name}: Match.absent() cannot be an array element (an element is either there or not): use Match.not(Match.arrayWith([...])).`);
    }
    if (options.subsequence && this.pattern.some((p) => p instanceof AnyValueMatch)) {
      throw new AssertionUsageError(
        `${name}: Match.anyValue() cannot be an array element, as in AWS CDK (it would match any element): ` +
          'name the element you expect, or use Match.arrayEquals([...]) with Match.anyValue() at its position.',
      );
    }
  }

  public override describe(): string {
    return describeAs(this.name, this.pattern);
  }

  public test(actual: unknown): MatchResult {
    const result = new MatchResult(actual);
    if (!Array.isArray(actual)) {
      const message = actual === undefined ? `missing: expected an array like ${formatValue(this.pattern)}` : `expected an array, got ${formatTyped(actual)}`;
      return result.recordFailure({ matcher: this, path: [], message });
    }
    const elementMatchers = this.pattern.map((p) => asMatcher(p, { partialObjects: this.options.partialObjects }, this.name));
    if (this.options.subsequence) this.testSubsequence(actual, elementMatchers, result);
    else this.testExact(actual, elementMatchers, result);
    if (this.options.explainExactElements && result.failures.some((f) => f.message.startsWith(`unexpected key (${this.name} `))) {
      result.recordFailure({
        matcher: this,
        path: [],
        message: `${this.name} compares a plain object element exactly, as AWS CDK does: write Match.objectLike({...}) for an element that may have other keys`,
        cost: 0,
      });
    }
    return result;
  }

  private testExact(actual: unknown[], matchers: Matcher[], result: MatchResult): MatchResult {
    if (actual.length !== matchers.length) {
      result.recordFailure({ matcher: this, path: [], message: `expected ${matchers.length} element${matchers.length === 1 ? '' : 's'}, got ${actual.length}: ${formatValue(actual)}` });
    }
    for (let i = 0; i < Math.min(actual.length, matchers.length); i++) result.compose(String(i), matchers[i].test(actual[i]));
    return result;
  }

  // Greedy: each pattern element takes the first matching element after the previous one's.
  private testSubsequence(actual: unknown[], matchers: Matcher[], result: MatchResult): MatchResult {
    let next = 0;
    for (let k = 0; k < matchers.length; k++) {
      let found: MatchResult | undefined;
      let closest: { index: number; result: MatchResult } | undefined;
      for (let i = next; i < actual.length && !found; i++) {
        const r = matchers[k].test(actual[i]);
        if (r.isSuccess) {
          found = r;
          next = i + 1;
        } else if (!closest || r.failCost < closest.result.failCost) {
          closest = { index: i, result: r };
        }
      }
      if (found) {
        result.compose(String(next - 1), found);
        continue;
      }
      const where = next === 0 ? '' : ` after index ${next - 1} (where element ${k - 1} of the pattern matched)`;
      result.recordFailure({
        matcher: this,
        path: [],
        message: `${this.name}: no element${where} matches element ${k} of the pattern, ${formatValue(this.pattern[k])}` +
          (closest ? `; closest is element ${closest.index}:` : ` (the array has ${actual.length} element${actual.length === 1 ? '' : 's'})`),
        cost: closest ? 0 : 1,
      });
      if (closest) result.compose(String(closest.index), closest.result);
      return result;
    }
    return result;
  }
}

/** Any value but null or nothing. */
export class AnyValueMatch extends Matcher {
  public readonly name = 'anyValue';
  public override describe(): string {
    return 'Match.anyValue()';
  }
  public test(actual: unknown): MatchResult {
    const result = new MatchResult(actual);
    if (actual === undefined) return result.recordFailure({ matcher: this, path: [], message: 'missing: expected any value' });
    if (actual === null) return result.recordFailure({ matcher: this, path: [], message: 'expected any value, got null' });
    return result;
  }
}

/** Nothing there: the key is missing. */
export class AbsentMatch extends Matcher {
  public readonly name = 'absent';
  public override describe(): string {
    return 'Match.absent()';
  }
  public test(actual: unknown): MatchResult {
    const result = new MatchResult(actual);
    return actual === undefined ? result : result.recordFailure({ matcher: this, path: [], message: `expected absent, got ${formatValue(actual)}` });
  }
}

/**
 * Inverts a pattern. As in AWS CDK, a literal pattern is compared exactly (objects must have
 * exactly its keys, at every level): `Match.not({ a: 1 })` passes on `{ a: 1, b: 2 }`. To forbid a
 * partial shape, say so: `Match.not(Match.objectLike({ a: 1 }))`.
 */
export class NotMatch extends Matcher {
  public readonly name = 'not';
  private readonly inner: Matcher;
  private readonly pattern: unknown;
  constructor(pattern: unknown) {
    super();
    this.pattern = toArmPattern(pattern);
    this.inner = asMatcher(pattern, { partialObjects: false }, 'not');
  }
  public override describe(): string {
    return `Match.not(${renderValue(this.pattern)})`;
  }
  public test(actual: unknown): MatchResult {
    const result = new MatchResult(actual);
    return this.inner.test(actual).isSuccess ? result.recordFailure({ matcher: this, path: [], message: `expected not to match ${formatValue(this.pattern)}, got ${formatValue(actual)}` }) : result;
  }
}

/**
 * A string of JSON whose parsed value matches a pattern (AWS CDK's `Match.serializedJson`). As in
 * AWS CDK, a literal pattern is compared exactly; pass `Match.objectLike(...)` for a partial one.
 * Mismatches inside the JSON have paths that go on into the parsed value.
 */
export class SerializedJsonMatch extends Matcher {
  public readonly name = 'serializedJson';
  private readonly pattern: unknown;
  private readonly inner: Matcher;
  constructor(pattern: unknown) {
    super();
    this.pattern = toArmPattern(pattern);
    this.inner = asMatcher(pattern, { partialObjects: false }, 'serializedJson');
  }
  public override describe(): string {
    return `Match.serializedJson(${renderValue(this.pattern)})`;
  }
  public test(actual: unknown): MatchResult {
    const expected = `a string of JSON matching ${formatValue(this.pattern)}`;
    if (typeof actual !== 'string') {
      const message = actual === undefined ? `missing: expected ${expected}` : `expected ${expected}, got ${formatTyped(actual)}`;
      return new MatchResult(actual).recordFailure({ matcher: this, path: [], message });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(actual);
    } catch {
      return new MatchResult(actual).recordFailure({ matcher: this, path: [], message: `expected ${expected}, got ${formatValue(actual)}, which is not valid JSON` });
    }
    const inner = this.inner.test(parsed);
    if (inner.isSuccess) return inner;
    // The result's target is the parsed value, so renderMismatch() shows the string <*> its JSON.
    return new MatchResult(parsed)
      .recordFailure({ matcher: this, path: [], message: 'the JSON in this string does not match (the paths below go on inside it):', cost: 0 })
      ._absorb(inner);
  }
}

/**
 * A string matching a regular expression. A string pattern is compiled with the `m` flag, as AWS
 * CDK does (`^` and `$` also match at line breaks); a RegExp keeps its own flags.
 */
export class StringLikeRegexpMatch extends Matcher {
  public readonly name = 'stringLikeRegexp';
  private readonly regexp: RegExp;
  constructor(pattern: string | RegExp) {
    super();
    this.regexp = compileRegexp(pattern);
  }
  public override describe(): string {
    return `Match.stringLikeRegexp(${this.regexp})`;
  }
  public test(actual: unknown): MatchResult {
    const result = new MatchResult(actual);
    if (typeof actual !== 'string') return result.recordFailure({ matcher: this, path: [], message: `expected a string matching ${this.regexp}, got ${formatTyped(actual)}` });
    // A fresh RegExp: a /g or /y regexp keeps lastIndex between calls.
    return new RegExp(this.regexp.source, this.regexp.flags.replace(/[gy]/g, '')).test(actual)
      ? result
      : result.recordFailure({ matcher: this, path: [], message: `expected a string matching ${this.regexp}, got ${formatValue(actual)}` });
  }
}

function compileRegexp(pattern: unknown): RegExp {
  if (pattern instanceof RegExp) return pattern;
  if (typeof pattern !== 'string') {
    throw new AssertionUsageError(`stringLikeRegexp: the pattern must be a string or a RegExp, got ${formatTyped(pattern)}.`);
  }
  try {
    return new RegExp(pattern, 'm');
  } catch (error) {
    throw new AssertionUsageError(
      `stringLikeRegexp: ${JSON.stringify(pattern)} is not a valid regular expression (${(error as Error).message}). ` +
        'Escape the special characters (\\( \\[ \\. ...) to match them literally.',
    );
  }
}

/** Label of a resource in messages: its construct path if it has one, else type and name. */
export function describeTarget(target: IResourceTarget): string {
  const path = (target as { node?: { path?: string } }).node?.path;
  return path ? `'${path}'` : `${target.resourceType} ${formatValue(target.shortName)}`;
}

/** Exactly the id expression of a resource: `[resourceId('type', 'name')]`. */
export class ResourceIdMatch extends Matcher {
  public readonly name = 'resourceId';
  private readonly id: string;
  constructor(private readonly target: IResourceTarget) {
    super();
    this.id = `[${armResourceId(target)}]`;
  }
  public override describe(): string {
    return `Match.resourceId(${describeTarget(this.target)})`;
  }
  public test(actual: unknown): MatchResult {
    const result = new MatchResult(actual);
    return actual === this.id ? result : result.recordFailure({ matcher: this, path: [], message: `expected the id of ${describeTarget(this.target)}, ${this.id}, got ${formatValue(actual)}` });
  }
}

/** An ARM expression string that uses a resource's id anywhere: `[reference(resourceId(...))...]`, `[format(...)]`. */
export class ReferencesResourceMatch extends Matcher {
  public readonly name = 'referencesResource';
  private readonly id: string;
  constructor(private readonly target: IResourceTarget) {
    super();
    this.id = armResourceId(target);
  }
  public override describe(): string {
    return `Match.referencesResource(${describeTarget(this.target)})`;
  }
  public test(actual: unknown): MatchResult {
    const result = new MatchResult(actual);
    const isExpression = typeof actual === 'string' && actual.startsWith('[') && !actual.startsWith('[[') && actual.endsWith(']');
    return isExpression && actual.includes(this.id)
      ? result
      : result.recordFailure({ matcher: this, path: [], message: `expected an expression referencing ${describeTarget(this.target)} (${this.id}), got ${formatValue(actual)}` });
  }
}

function listKeys(pattern: Record<string, unknown>): string {
  const keys = Object.keys(pattern);
  return keys.length ? `only ${keys.join(', ')}` : 'no keys';
}
