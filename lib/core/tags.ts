/**
 * Tags: `Tags.of(scope).add('env', 'prod')` tags every taggable resource under the scope.
 */
import { AzcdkError } from './errors.js';
import { addBrand } from './brand.js';
import type { IConstruct } from 'constructs';
import { Aspects, type IAspect } from './aspects.js';
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
 * The tags of one resource. Tags given in the resource's props win over inherited ones; among
 * inherited tags, the one added nearest to the resource wins (aspects run outer scopes first).
 */
export class TagManager {
  private inherited?: Map<string, Value<string>>; // created by the first Tags.of() that reaches it

  constructor(public readonly taggable: boolean, private readonly own: Record<string, Value<string>> = {}) {
  }

  /** Sets an inherited tag (called by the Tags aspect). */
  public setTag(key: string, value: Value<string>): void {
    (this.inherited ??= new Map()).set(key, value);
  }

  /** Removes an inherited tag (called by the Tags aspect). */
  public removeTag(key: string): void {
    this.inherited?.delete(key);
  }

  /**
   * Tags with literal keys sorted, then keys that are expressions in the order they were given
   * (their token text depends on creation order, so it must not decide the order); undefined
   * when there are none.
   */
  public render(): Record<string, Value<string>> | undefined {
    if (!this.inherited && Object.keys(this.own).length === 0) return undefined;
    const all: Record<string, Value<string>> = {};
    for (const [k, v] of this.inherited ?? []) all[k] = v;
    for (const [k, v] of Object.entries(this.own)) all[k] = v;
    const keys = Object.keys(all);
    if (keys.length === 0) return undefined;
    const literal = keys.filter((k) => !Tokens.containsToken(k)).sort();
    const expressions = keys.filter((k) => Tokens.containsToken(k));
    return Object.fromEntries([...literal, ...expressions].map((k) => [k, all[k]]));
  }
}

const TAG_KEY_INVALID = /[<>%&\\?/]/;

/** Adds or removes tags on every taggable resource under a scope. */
export class Tags {
  /** Tags for a scope (an app, a stack, an L2 construct or a resource). */
  public static of(scope: IConstruct): Tags {
    return new Tags(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Adds a tag to every taggable resource under the scope.
   * Azure limits: key at most 512 characters without `<>%&\?/`, value at most 256, 50 tags per resource.
   */
  public add(key: string, value: Value<string>): void {
    if (key.length === 0 || key.length > 512 || TAG_KEY_INVALID.test(key)) {
      throw new AzcdkError(`[${this.scope.node.path}] invalid tag key '${key}': 1-512 characters, none of < > % & \\ ? /.`);
    }
    if (typeof value === 'string' && value.length > 256) {
      throw new AzcdkError(`[${this.scope.node.path}] value of tag '${key}' is ${value.length} characters long; Azure allows 256.`);
    }
    Aspects.of(this.scope).add(new TagAspect((m) => m.setTag(key, value)));
  }

  /** Removes a tag (added by an outer scope) from every resource under the scope. */
  public remove(key: string): void {
    Aspects.of(this.scope).add(new TagAspect((m) => m.removeTag(key)));
  }
}

class TagAspect implements IAspect {
  constructor(private readonly apply: (manager: TagManager) => void) {}
  public visit(node: IConstruct): void {
    if (isTaggable(node) && node.tags.taggable) this.apply(node.tags);
  }
}

addBrand(TagManager, TAGGABLE);
