/**
 * ArmResource: the L1 base. Any resource type at any api-version, with a typed envelope.
 */
import { addBrand, hasBrand } from './brand.js';
import type { Construct, IConstruct } from 'constructs';
import type { Value } from './expression.js';
import { ResourceBase, type ResourceIdentityProps } from './resource-base.js';
import { Stack } from './stack.js';
import { TagManager, typeSupportsTags } from './tags.js';

const ARM_RESOURCE_BRAND = Symbol.for('azcdk.ArmResource');

/** Managed identity of a resource. */
export interface ResourceIdentity {
  /** `SystemAssigned`, `UserAssigned`, `SystemAssigned,UserAssigned` or `None`. */
  readonly type: Value<string>;
  /** User-assigned identity ids mapped to `{}`. Keys must be literal ids. @default none */
  readonly userAssignedIdentities?: Record<string, object>;
}

/** Options of a generic ARM resource. */
export interface ArmResourceProps extends ResourceIdentityProps {
  /**
   * Location. `null` for resource types that have none.
   * @default the stack's `location` parameter for top-level resources; none for child resources
   */
  readonly location?: Value<string> | null;
  /** Tags. `Tags.of(scope).add()` adds more; tags given here win. @default none */
  readonly tags?: Record<string, Value<string>>;
  /** SKU, e.g. `{ name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }`. @default none */
  readonly sku?: Record<string, unknown>;
  /** Kind. @default none */
  readonly kind?: Value<string>;
  /** Managed identity. @default none */
  readonly identity?: ResourceIdentity;
  /** Availability zones. @default none */
  readonly zones?: Value<string>[];
  /** Marketplace plan. @default none */
  readonly plan?: Record<string, unknown>;
  /** The resource's `properties`. @default none */
  readonly properties?: Record<string, unknown>;
  /** Deploy only when this is true (ARM `condition`). @default always deployed */
  readonly condition?: Value<boolean>;
  /**
   * Can this resource type carry tags? `Tags.of()` skips types that cannot.
   * @default true for top-level resources except the types ARM refuses tags on (role
   * assignments and definitions, locks, policies, diagnostic settings); false for child resources
   */
  readonly taggable?: boolean;
}

/** Why one resource depends on another without referencing it. */
export interface ExplicitDependency {
  /** The resource (or construct whose resources) this one deploys after. */
  readonly target: IConstruct;
  /** Why the edge exists; shown in the manifest, graph and cycle errors. */
  readonly reason: string;
}

/**
 * A resource deployed by its stack's template. Use it directly for any type azcdk has no typed
 * class for yet:
 *
 * ```ts
 * const nsg = new ArmResource(stack, 'Nsg', {
 *   type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01',
 *   name: `${prefix.value}-nsg`, properties: { securityRules: [] },
 * });
 * ```
 * References (`nsg.id`, `nsg.name`, `nsg.getRuntimeProperty(...)`) used in another resource of
 * the same stack add that resource's `dependsOn` automatically.
 */
export class ArmResource extends ResourceBase {
  /** True if `x` is a declared ArmResource. */
  public static isArmResource(x: unknown): x is ArmResource {
    return hasBrand(x, ARM_RESOURCE_BRAND);
  }

  /** Always false: this resource is deployed by its stack's template. */
  public readonly isExisting = false;
  /** The stack that deploys this resource. */
  public readonly stack: Stack;
  /** Tags of this resource (aspects write here). */
  public readonly tags: TagManager;
  /** The props as given (typed subclasses render `properties` themselves). */
  protected readonly props: ArmResourceProps;
  private overrides?: Array<{ path: string[]; value: unknown }>;
  private explicitDependencies?: ExplicitDependency[];

  constructor(scope: Construct, id: string, props: ArmResourceProps) {
    super(scope, id, props);
    this.stack = Stack.of(this);
    this.props = props;
    this.tags = new TagManager(props.taggable ?? typeSupportsTags(props.type), props.tags);
  }

  /**
   * Makes this resource deploy after `target` (a resource, or every resource under a construct),
   * for ordering the template cannot infer from references.
   * @param reason shown in cycle errors and in the manifest
   */
  public addDependency(target: IConstruct, reason = 'explicit dependency'): void {
    (this.explicitDependencies ??= []).push({ target, reason });
  }

  /** Explicit dependencies added with addDependency. */
  public get dependencies(): readonly ExplicitDependency[] {
    return this.explicitDependencies ?? [];
  }

  /**
   * Escape hatch: sets a value at a dotted path of the rendered resource (`sku.tier`,
   * `properties.network.publicNetworkAccess`), after everything else. `undefined` deletes it.
   */
  public addOverride(path: string, value: unknown): void {
    (this.overrides ??= []).push({ path: path.split('.'), value });
  }

  /** Escape hatch: `addOverride('properties.' + path, value)`. */
  public addPropertyOverride(path: string, value: unknown): void {
    this.addOverride(`properties.${path}`, value);
  }

  /** Escape hatch: removes a value at a dotted path of the rendered resource. */
  public addDeletionOverride(path: string): void {
    this.addOverride(path, undefined);
  }

  /**
   * The resource's `properties`, rendered at synth time. Typed subclasses override this to turn
   * their typed props (which L2 constructs may still change) into the ARM shape.
   */
  protected renderProperties(): Record<string, unknown> | undefined {
    return this.props.properties;
  }

  /**
   * @internal The resource body in ARM key order, before expressions are resolved
   * (name is the short name; the writer joins parent segments).
   */
  public _renderBody(): Record<string, unknown> {
    const p = this.props;
    const location = p.location === undefined ? (this.parentResource ? undefined : this.stack.location) : (p.location ?? undefined);
    const body: Record<string, unknown> = {
      location,
      tags: this.tags.render(),
      sku: p.sku,
      kind: p.kind,
      identity: p.identity,
      zones: p.zones,
      plan: p.plan,
      properties: this.renderProperties(),
    };
    for (const { path, value } of this.overrides ?? []) setPath(body, path, value);
    return body;
  }

  /** @internal The ARM `condition`, if any. */
  public get _condition(): Value<boolean> | undefined {
    return this.props.condition;
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    else node[key] = Array.isArray(next) ? [...next] : { ...next }; // copy: never mutate user props
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

addBrand(ArmResource, ARM_RESOURCE_BRAND);
