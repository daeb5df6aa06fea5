/**
 * The runtime of the generated L1 classes (lib/generated, one module per provider namespace,
 * written by `npm run generate-l1`). A generated class declares only its type, api-version and a
 * small spec (location, tags, sensitive paths, attributes); everything it does is here, once.
 * The props mirror the Bicep resource body (`name`, `location`, `sku`, `properties`, ...); the
 * shapes are checked at synth by lib/synth/validate against the same snapshot the classes were
 * generated from, so no per-property checks live in generated code.
 */
import type { Construct } from 'constructs';
import { ArmResource, ExistingResource, Stack, type Expression, type Parameter, type ResourceBase, type ResourceIdentity, type Value } from '../core/index.js';
import { secureValue } from './secure-value.js';

/** What a generated class says about its type beyond RESOURCE_TYPE and API_VERSION. */
export interface GeneratedTypeSpec {
  /** 'required' or 'optional' when the type has a `location` (default: the stack's), absent when it has none. */
  readonly location?: 'required' | 'optional';
  /** The type has `tags` (so `Tags.of()` applies). */
  readonly tags?: boolean;
  /** The only name the type allows (e.g. `default` for blobServices): the name prop may be left out. */
  readonly fixedName?: string;
  /** Dotted paths (`[]` for every array item) of sensitive strings: each must come from a securestring parameter. */
  readonly secure?: readonly string[];
  /** Attribute getter name -> dotted path read with `reference()` at deployment (read-only properties). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** A sensitive value: a securestring Parameter or its `.value` (a plain string fails synthesis). */
export type SecureValue = Parameter | Expression;

/** A resource (declared, generated or imported) of exactly the ARM type `T`: what a child's `parent` takes. */
export type ResourceOfType<T extends string> = ResourceBase & { readonly resourceType: T };

/** An imported (existing) resource of type `T` with the attribute getters `A` of its generated class. */
export type ExistingOf<T extends string, A> = ExistingResource & A & { readonly resourceType: T };

/** Where an imported top-level resource lives. */
export interface GeneratedImportOptions {
  /** Resource group holding the resource. @default the deployment's resource group */
  readonly resourceGroupName?: Value<string>;
  /** Subscription holding the resource (needs resourceGroupName). @default the deployment's subscription */
  readonly subscriptionId?: Value<string>;
}

/** Envelope props every generated class takes besides the type's own body. */
export interface GeneratedResourceCommonProps {
  /** Deploy only when this is true (ARM `condition`). @default always deployed */
  readonly condition?: Value<boolean>;
}

/** The statics of a generated class. */
interface GeneratedClass {
  readonly RESOURCE_TYPE: string;
  readonly API_VERSION: string;
  readonly SPEC: GeneratedTypeSpec;
  readonly prototype: object;
}

/** Body keys ArmResource renders itself; any other top-level key of the props is set as is. */
const ENVELOPE = new Set(['name', 'parent', 'location', 'tags', 'sku', 'kind', 'identity', 'zones', 'plan', 'properties', 'condition']);
const installed = new WeakSet<object>();
const existingClasses = new WeakMap<GeneratedClass, new (scope: Construct, id: string, props: ConstructorParameters<typeof ExistingResource>[2]) => ExistingResource>();

/** Base of every generated L1 class. */
export abstract class GeneratedResource extends ArmResource {
  /** The ARM resource type (each generated class sets it). */
  public static readonly RESOURCE_TYPE: string;
  /** The api-version the class renders and is validated against (the type's default in types/az/lock.json). */
  public static readonly API_VERSION: string;
  /** @internal What the class says about its type. */
  public static readonly SPEC: GeneratedTypeSpec;

  constructor(scope: Construct, id: string, props: Readonly<Record<string, unknown>>) {
    const cls = new.target as unknown as GeneratedClass;
    const spec = cls.SPEC;
    const parent = props.parent as ResourceBase | undefined;
    super(scope, id, {
      type: cls.RESOURCE_TYPE,
      apiVersion: cls.API_VERSION,
      // A few types name their resources with an integer (cloudServices/updateDomains).
      name: (typeof props.name === 'number' ? String(props.name) : props.name ?? spec.fixedName) as Value<string>,
      parent,
      location: spec.location === undefined ? null : ((props.location ?? (parent && spec.location === 'required' ? Stack.of(scope).location : undefined)) as Value<string> | undefined),
      tags: props.tags as Record<string, Value<string>> | undefined,
      sku: props.sku as Record<string, unknown> | undefined,
      kind: props.kind as Value<string> | undefined,
      identity: props.identity as ResourceIdentity | undefined,
      zones: props.zones as Value<string>[] | undefined,
      plan: props.plan as Record<string, unknown> | undefined,
      properties: props.properties as Record<string, unknown> | undefined,
      condition: props.condition as Value<boolean> | undefined,
      taggable: spec.tags === true,
    });
    installAttributes(cls, cls.prototype);
    for (const key of Object.keys(props)) {
      if (!ENVELOPE.has(key) && props[key] !== undefined) this.addOverride(key, props[key]);
    }
    const secure = spec.secure;
    if (secure?.length) this.node.addValidation({ validate: () => secureProblems(this._renderBody(), secure, cls.RESOURCE_TYPE) });
  }
}

/**
 * The `fromXxxName` import of a generated class: an ExistingResource of its type and api-version,
 * with the class's attribute getters.
 * @param parent the parent resource of a child type, else undefined
 */
export function importGenerated(cls: GeneratedClass, scope: Construct, id: string, name: Value<string>, parent: ResourceBase | undefined, options: GeneratedImportOptions = {}): ExistingResource {
  let Existing = existingClasses.get(cls);
  if (!Existing) {
    Existing = class extends ExistingResource {};
    installAttributes(cls, Existing.prototype);
    existingClasses.set(cls, Existing);
  }
  return new Existing(scope, id, {
    type: cls.RESOURCE_TYPE, apiVersion: cls.API_VERSION, name, parent,
    resourceGroupName: options.resourceGroupName, subscriptionId: options.subscriptionId,
  });
}

/** Defines the attribute getters of `cls` on `prototype`, once (on first use, so importing a module stays cheap). */
function installAttributes(cls: GeneratedClass, prototype: object): void {
  if (installed.has(prototype)) return;
  installed.add(prototype);
  for (const [name, path] of Object.entries(cls.SPEC.attributes ?? {})) {
    Object.defineProperty(prototype, name, {
      configurable: true,
      get(this: ResourceBase) {
        return this.getRuntimeProperty(path);
      },
    });
  }
}

/** Each sensitive value present in `body` that does not come from a securestring parameter. */
function secureProblems(body: Record<string, unknown>, paths: readonly string[], type: string): string[] {
  const problems: string[] = [];
  for (const path of paths) {
    for (const { where, value } of valuesAt(body, path.split('.'), '')) {
      if (value === undefined) continue;
      const checked = secureValue(value as Value<string>, where, `a ${type}`);
      if ('error' in checked) problems.push(checked.error);
    }
  }
  return problems;
}

/** The values at a dotted path (`[]` segments fan out over array items), with where each is. */
function valuesAt(node: unknown, segments: readonly string[], where: string): Array<{ where: string; value: unknown }> {
  if (segments.length === 0) return [{ where, value: node }];
  if (node === null || typeof node !== 'object') return [];
  const [head, ...rest] = segments;
  if (head.endsWith('[]')) {
    const key = head.slice(0, -2);
    const items = (node as Record<string, unknown>)[key];
    if (!Array.isArray(items)) return [];
    return items.flatMap((item, i) => valuesAt(item, rest, `${where ? where + '.' : ''}${key}[${i}]`));
  }
  return valuesAt((node as Record<string, unknown>)[head], rest, where ? `${where}.${head}` : head);
}
