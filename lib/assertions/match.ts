/**
 * `Match`: the pattern vocabulary. A literal object in a pattern means `Match.objectLike`
 * (except directly inside `arrayWith`/`arrayEquals`, where it is exact, as in AWS CDK);
 * azcdk expressions in a pattern (`nsg.id`, `param.value`) stand for their rendered ARM form.
 */
import { Construct, type IConstruct } from 'constructs';
import type { IResourceTarget } from '../core/expression.js';
import { ResourceBase } from '../core/resource-base.js';
import { AssertionUsageError } from './errors.js';
import type { Matcher } from './matcher.js';
import {
  AbsentMatch, AnyValueMatch, ArrayMatch, LiteralMatch, NotMatch, ObjectMatch, ReferencesResourceMatch, ResourceIdMatch,
  SerializedJsonMatch, StringLikeRegexpMatch,
} from './matchers.js';

/** Factory of matchers. */
export abstract class Match {
  /** An object with at least these keys; nested objects are matched the same way. */
  public static objectLike(pattern: Record<string, unknown>): Matcher {
    return new ObjectMatch('objectLike', pattern, { partial: true });
  }

  /** An object with exactly these keys; nested objects must match exactly too. */
  public static objectEquals(pattern: Record<string, unknown>): Matcher {
    return new ObjectMatch('objectEquals', pattern, { partial: false });
  }

  /**
   * An array containing these elements in this order, possibly with others between them. As in
   * AWS CDK, a plain object element is compared exactly (at every level below it): write
   * `Match.arrayWith([Match.objectLike({ name: 'a' })])` for an element with at least these keys.
   * `Match.absent()` and `Match.anyValue()` cannot be elements.
   */
  public static arrayWith(pattern: unknown[]): Matcher {
    return new ArrayMatch('arrayWith', pattern, { subsequence: true, partialObjects: false, explainExactElements: true });
  }

  /**
   * An array of exactly these elements, in order. As in AWS CDK, a plain object element is
   * compared exactly; wrap it in `Match.objectLike(...)` to allow other keys. (A literal array
   * inside `objectLike`, by contrast, keeps matching its objects partially.)
   */
  public static arrayEquals(pattern: unknown[]): Matcher {
    return new ArrayMatch('arrayEquals', pattern, { subsequence: false, partialObjects: false, explainExactElements: true });
  }

  /**
   * Deep equality: objects at every level must have exactly the pattern's keys. As in AWS CDK, a
   * matcher cannot be the whole pattern (`Match.exact(Match.arrayWith(...))` is an
   * AssertionUsageError: it could not be exact); nested deeper (`{ key: matcher }`) it is used as it is.
   */
  public static exact(pattern: unknown): Matcher {
    return new LiteralMatch('exact', pattern, { partialObjects: false });
  }

  /**
   * Anything present and not null. As in AWS CDK, it cannot be an element of `arrayWith` (it
   * would match any element); in `arrayEquals` it stands for one element of any value.
   */
  public static anyValue(): Matcher {
    return new AnyValueMatch();
  }

  /** The key must be missing. Only meaningful as an object value. */
  public static absent(): Matcher {
    return new AbsentMatch();
  }

  /**
   * Anything that does not match `pattern`. As in AWS CDK, a literal pattern is compared exactly
   * (like `Match.exact`): `Match.not({ a: 1 })` passes on `{ a: 1, b: 2 }`. To rule out a partial
   * shape, pass a matcher: `Match.not(Match.objectLike({ a: 1 }))`.
   */
  public static not(pattern: unknown): Matcher {
    return new NotMatch(pattern);
  }

  /**
   * A string of JSON (such as a policy document or settings written as a string) whose parsed
   * value matches `pattern`. As in AWS CDK, a literal pattern is compared exactly:
   * `Match.serializedJson({ a: 1 })` fails on `'{"a":1,"b":2}'`; write
   * `Match.serializedJson(Match.objectLike({ a: 1 }))` for a partial match. A value that is not a
   * string, or not valid JSON, is a mismatch.
   */
  public static serializedJson(pattern: unknown): Matcher {
    return new SerializedJsonMatch(pattern);
  }

  /**
   * A string matching a regular expression. A string is compiled with the `m` flag, as AWS CDK
   * does (`^`/`$` also match at line breaks); a RegExp keeps its own flags. An invalid
   * expression throws an AssertionUsageError.
   */
  public static stringLikeRegexp(pattern: string | RegExp): Matcher {
    return new StringLikeRegexpMatch(pattern);
  }

  /**
   * Exactly the id of `resource` as ARM writes it: `[resourceId('type', 'name')]`. Same as using
   * `resource.id` in a pattern. An L2 construct stands for its `Resource` child.
   */
  public static resourceId(resource: IResourceTarget | IConstruct): Matcher {
    return new ResourceIdMatch(resourceOf(resource, 'resourceId'));
  }

  /**
   * An ARM expression that uses `resource`'s id anywhere inside: its id, a `reference()` to one of
   * its properties, or a `format()` that includes it. An L2 construct stands for its `Resource` child.
   */
  public static referencesResource(resource: IResourceTarget | IConstruct): Matcher {
    return new ReferencesResourceMatch(resourceOf(resource, 'referencesResource'));
  }
}

/** A resource, or the `Resource` child of an L2 construct (the CDK convention); anything else is a clear error. */
function resourceOf(x: IResourceTarget | IConstruct, matcher: string): IResourceTarget {
  if (ResourceBase.isResource(x)) return x;
  if (Construct.isConstruct(x)) {
    const child = x.node.tryFindChild('Resource');
    if (ResourceBase.isResource(child)) return child;
    throw new AssertionUsageError(`Match.${matcher}(): '${x.node.path}' is neither a resource nor a construct with a 'Resource' child; pass the resource itself.`);
  }
  if (x && typeof (x as IResourceTarget).resourceType === 'string') return x as IResourceTarget;
  throw new AssertionUsageError(`Match.${matcher}() needs a resource or an L2 construct, got ${x === undefined ? 'undefined' : typeof x}.`);
}
