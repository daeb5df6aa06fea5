/**
 * ResourceBase: what declared and existing resources share: identity and references.
 */
import { AzcdkError } from './errors.js';
import { addBrand, hasBrand } from './brand.js';
import { Construct } from 'constructs';
import { ResourceReference, type Expression, type IResourceTarget, type PathSegment, type Value } from './expression.js';

const RESOURCE_BRAND = Symbol.for('azcdk.Resource');
const RESOURCE_TYPE = /^[A-Za-z][A-Za-z0-9.]*\/[A-Za-z0-9]+(\/[A-Za-z0-9]+)*$/;
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-[A-Za-z]+)?$/;

/** Identity of a resource: its type, api-version, name and parent. */
export interface ResourceIdentityProps {
  /** Full resource type, e.g. `Microsoft.Network/virtualNetworks`; for a child, the full child type. */
  readonly type: string;
  /** API version, e.g. `2025-07-01`. */
  readonly apiVersion: string;
  /** The resource's name; for a child resource, its own short name (not `parent/child`). */
  readonly name: Value<string>;
  /**
   * The parent of a child resource (its type must be the parent type plus one segment).
   * @default none: a top-level resource
   */
  readonly parent?: ResourceBase;
}

/** Base of ArmResource (declared) and ExistingResource (imported). */
export abstract class ResourceBase extends Construct implements IResourceTarget {
  /** True if `x` is a resource (declared or existing). */
  public static isResource(x: unknown): x is ResourceBase {
    return hasBrand(x, RESOURCE_BRAND);
  }

  /** Full resource type, e.g. `Microsoft.Network/virtualNetworks/subnets`. */
  public readonly resourceType: string;
  /** API version the resource is declared (and read with `reference()`) at. */
  public readonly apiVersion: string;
  /** The resource's own name; for a child, its last segment. */
  public readonly shortName: Value<string>;
  /** The parent of a child resource. */
  public readonly parentResource?: ResourceBase;
  /** True for resources this template does not deploy (ExistingResource). */
  public abstract readonly isExisting: boolean;
  /** Resource group of an existing resource outside the deployment's group (ExistingResource only). */
  public readonly resourceGroupName?: Value<string>;
  /** Subscription of an existing resource outside the deployment's subscription (ExistingResource only). */
  public readonly subscriptionId?: Value<string>;
  private logicalIdOverride?: string;
  private refs?: Map<string, Expression>; // created on first reference: most resources are never referenced

  constructor(scope: Construct, id: string, props: ResourceIdentityProps) {
    super(scope, id);
    // Reported at synth with every other problem (the tree stays usable with a wrong type or version).
    const problems = identityProblems(props);
    if (problems.length) this.node.addValidation({ validate: () => problems });
    this.resourceType = props.type;
    this.apiVersion = props.apiVersion;
    this.shortName = props.name;
    this.parentResource = props.parent;
  }

  /** The resource id: ARM `resourceId(...)`, Bicep `sym.id`. Referencing it makes the user depend on this resource. */
  public get id(): Expression {
    return this.ref('id', () => new ResourceReference(this, { kind: 'id' }));
  }

  /** The resource's (short) name: ARM the name value, Bicep `sym.name`. */
  public get name(): Expression {
    return this.ref('name', () => new ResourceReference(this, { kind: 'name' }));
  }

  /**
   * A value read from the deployed resource with `reference()`, e.g.
   * `server.getRuntimeProperty('properties.fullyQualifiedDomainName')` or
   * `pip.getRuntimeProperty('properties.ipAddress')`.
   * @param path dotted path into the resource's GET body; `[n]` for array elements
   */
  public getRuntimeProperty(path: string): Expression {
    const segments = parsePath(path);
    return this.ref('runtime:' + path, () => new ResourceReference(this, { kind: 'runtime', path: segments }));
  }

  /** Replaces the logical id (manifest key, Bicep symbol) computed from the construct path. */
  public overrideLogicalId(logicalId: string): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(logicalId)) {
      throw new AzcdkError(`[${this.node.path}] invalid logical id '${logicalId}': use letters, digits and '_', starting with a letter.`);
    }
    this.logicalIdOverride = logicalId;
  }

  /** @internal The override set by overrideLogicalId, if any. */
  public get _logicalIdOverride(): string | undefined {
    return this.logicalIdOverride;
  }

  private ref(key: string, make: () => Expression): Expression {
    this.refs ??= new Map();
    let r = this.refs.get(key);
    if (!r) this.refs.set(key, (r = make()));
    return r;
  }
}

/** What is wrong with a resource's type, api-version or parent type. */
function identityProblems(props: ResourceIdentityProps): string[] {
  const problems: string[] = [];
  if (!RESOURCE_TYPE.test(props.type)) {
    problems.push(`invalid resource type '${props.type}': expected 'Namespace.Provider/type[/childType]', e.g. 'Microsoft.Network/virtualNetworks'.`);
  }
  if (!API_VERSION.test(props.apiVersion)) {
    problems.push(`invalid apiVersion '${props.apiVersion}' for ${props.type}: expected 'YYYY-MM-DD' or 'YYYY-MM-DD-preview'.`);
  }
  const parentType = props.type.slice(0, props.type.lastIndexOf('/'));
  if (props.parent && parentType.toLowerCase() !== props.parent.resourceType.toLowerCase()) { // ARM types are case-insensitive
    problems.push(`type '${props.type}' is not a child type of its parent '${props.parent.resourceType}': expected '${props.parent.resourceType}/<childType>'.`);
  }
  if (!props.parent && parentType.includes('/')) {
    problems.push(`'${props.type}' is a child resource type: pass 'parent' (the ${parentType} resource) so azcdk can build its name and dependsOn.`);
  }
  return problems;
}

/** Parses `properties.ipConfigurations[0].id` into `['properties', 'ipConfigurations', 0, 'id']`. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match || (match[1] === '' && match[2] === '')) throw new AzcdkError(`Invalid property path '${path}': use 'a.b[0].c'.`);
    if (match[1]) segments.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

addBrand(ResourceBase, RESOURCE_BRAND);
