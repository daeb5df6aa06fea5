/**
 * Tags: `Tags.of(scope).add('env', 'prod')` tags every taggable resource under the scope.
 */
import { AzcdkError } from './errors.js';
import { addBrand } from './brand.js';
import type { IConstruct } from 'constructs';
import { AspectPriority, Aspects, type IAspect } from './aspects.js';
import type { Value } from './expression.js';
import { Tokens } from './tokens.js';

const TAGGABLE = Symbol.for('azcdk.Taggable');

/** Something that carries a TagManager (declared resources). */
interface ITaggable {
  readonly tags: TagManager;
}

function isTaggable(x: unknown): x is ITaggable {
  return typeof x === 'object' && x !== null && (x as { tags?: unknown }).tags instanceof Object && TAGGABLE in (x as ITaggable).tags;
}

/**
 * Top-level types that take no `tags` in ARM (Bicep flags `tags` on them as not allowed):
 * `Tags.of()` skips them. Lower case: ARM types are case-insensitive.
 */
const TYPES_WITHOUT_TAGS = new Set([
  'microsoft.authorization/locks',
  'microsoft.authorization/policyassignments',
  'microsoft.authorization/policydefinitions',
  'microsoft.authorization/policyexemptions',
  'microsoft.authorization/policysetdefinitions',
  'microsoft.authorization/roleassignments',
  'microsoft.authorization/roledefinitions',
  'microsoft.insights/diagnosticsettings',
  'microsoft.resources/tags',
]);

/**
 * Can resources of this type carry tags? Top-level types can, except the few that ARM refuses
 * tags on (role assignments, locks, policies, diagnostic settings); child types cannot.
 */
export function typeSupportsTags(type: string): boolean {
  return type.split('/').length === 2 && !TYPES_WITHOUT_TAGS.has(type.toLowerCase());
}

/**
 * The tags of one resource. Tags given in the resource's props win over inherited ones; among
 * inherited tags, the one added nearest to the resource wins (aspects run outer scopes first).
 * Azure tag names are case-insensitive, so `Env` and `env` are the same tag: the winner's
 * spelling is kept.
 */
export class TagManager {
  // Keyed by lower-case name; created by the first Tags.of() that reaches it.
  private inherited?: Map<string, { key: string; value: Value<string> }>;

  /**
   * @param taggable whether `Tags.of()` reaches this resource (ARM refuses tags on child types and on
   *   role assignments, locks, policies and diagnostic settings)
   * @param own the tags given in the resource's props: they win over tags from `Tags.of()`
   */
  constructor(public readonly taggable: boolean, private readonly own: Record<string, Value<string>> = {}) {
  }

  /** Sets an inherited tag (called by the Tags aspect). */
  public setTag(key: string, value: Value<string>): void {
    (this.inherited ??= new Map()).set(key.toLowerCase(), { key, value });
  }

  /** Removes an inherited tag, whatever the case of its name (called by the Tags aspect). */
  public removeTag(key: string): void {
    this.inherited?.delete(key.toLowerCase());
  }

  /**
   * Tags with literal keys sorted, then keys that are expressions in the order they were given
   * (their token text depends on creation order, so it must not decide the order); undefined
   * when there are none.
   */
  public render(): Record<string, Value<string>> | undefined {
    if (!this.inherited && Object.keys(this.own).length === 0) return undefined;
    const all = new Map(this.inherited);
    for (const [key, value] of Object.entries(this.own)) all.set(key.toLowerCase(), { key, value });
    if (all.size === 0) return undefined;
    const keys = [...all.values()].map((t) => t.key);
    const literal = keys.filter((k) => !Tokens.containsToken(k)).sort();
    const expressions = keys.filter((k) => Tokens.containsToken(k));
    const byKey = new Map([...all.values()].map((t) => [t.key, t.value]));
    return Object.fromEntries([...literal, ...expressions].map((k) => [k, byKey.get(k)!]));
  }

  /** Problems with the tags given in the resource's props (Tags.of() checks its own at add()). */
  public problems(): string[] {
    const problems = Object.entries(this.own).flatMap(([key, value]) => tagProblems(key, value));
    const seen = new Map<string, string>();
    for (const key of Object.keys(this.own)) {
      const other = seen.get(key.toLowerCase());
      if (other !== undefined) problems.push(`tags '${other}' and '${key}' differ only in case, but Azure tag names are case-insensitive: keep one.`);
      seen.set(key.toLowerCase(), key);
    }
    return problems;
  }
}

const TAG_KEY_INVALID = /[<>%&\\?/]/;
const MAX_KEY_LENGTH = 512;
const MAX_VALUE_LENGTH = 256;

/** The literal text of a value (expressions left out): what can be checked at synth. */
function literalText(value: Value<string>): string {
  if (typeof value !== 'string') return '';
  return Tokens.containsToken(value) ? Tokens.split(value).filter((p) => typeof p === 'string').join('') : value;
}

/**
 * What Azure would refuse in one tag: an empty key, a key over 512 characters or with one of
 * `<>%&\?/`, a value over 256 characters. Parts that are expressions are not known until
 * deployment, so only the literal text is checked.
 */
function tagProblems(key: string, value: Value<string>): string[] {
  const problems: string[] = [];
  const keyText = literalText(key);
  if (key.length === 0 || keyText.length > MAX_KEY_LENGTH || TAG_KEY_INVALID.test(keyText)) {
    problems.push(`invalid tag key '${key.replace(/\$\{AzCdk\.Token\[\d+\]\}/g, '${...}')}': 1-${MAX_KEY_LENGTH} characters, none of < > % & \\ ? /.`);
  }
  const valueText = literalText(value);
  if (valueText.length > MAX_VALUE_LENGTH) {
    problems.push(`value of tag '${key}' is ${valueText.length} characters long; Azure allows ${MAX_VALUE_LENGTH}.`);
  }
  return problems;
}

/** Adds or removes tags on every taggable resource under a scope. */
export class Tags {
  /** Tags for a scope (an app, a stack, an L2 construct or a resource). */
  public static of(scope: IConstruct): Tags {
    return new Tags(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Adds a tag to every taggable resource under the scope (a tag of the same name, in any case,
   * added nearer to the resource, or given in its props, wins).
   * Azure limits: key at most 512 characters without `<>%&\?/`, value at most 256, 50 tags per resource.
   * It runs as an aspect with `AspectPriority.MUTATING`, before default-priority aspects, so a
   * policy aspect sees the tags wherever it was added.
   */
  public add(key: string, value: Value<string>): void {
    const problems = tagProblems(key, value);
    if (problems.length) throw new AzcdkError(`[${this.scope.node.path}] ${problems[0]}`);
    Aspects.of(this.scope).add(new TagAspect((m) => m.setTag(key, value)), { priority: AspectPriority.MUTATING });
  }

  /** Removes a tag added by `Tags.of()` on an outer scope (any case) from every resource under the scope. */
  public remove(key: string): void {
    Aspects.of(this.scope).add(new TagAspect((m) => m.removeTag(key)), { priority: AspectPriority.MUTATING });
  }
}

class TagAspect implements IAspect {
  constructor(private readonly apply: (manager: TagManager) => void) {}
  public visit(node: IConstruct): void {
    if (isTaggable(node) && node.tags.taggable) this.apply(node.tags);
  }
}

addBrand(TagManager, TAGGABLE);
