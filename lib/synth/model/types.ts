/**
 * The stack model's types: everything a renderer needs about one stack, resolved once and shared
 * by the ARM writer, the Bicep writer and the manifest. Built by the pipeline in ../stack-model.ts.
 */
import type { ArmResource } from '../../core/arm-resource.js';
import type { ExistingResource } from '../../core/existing-resource.js';
import type { ValueType } from '../../core/expression.js';
import type { Output } from '../../core/output.js';
import type { Parameter } from '../../core/parameter.js';
import type { ResourceBase } from '../../core/resource-base.js';
import type { Stack } from '../../core/stack.js';
import type { Variable } from '../../core/variable.js';
import type { Edge } from '../dependency-graph.js';
import type { Resolved } from '../resolve.js';
import type { IdentityLookup, ResolvedIdentity } from './identity.js';

export type { IdentityLookup, ResolvedIdentity } from './identity.js';

/** The keys of a resource body after type, apiVersion and name, in the order both writers emit them. */
export const RESOURCE_BODY_KEYS = ['location', 'extendedLocation', 'tags', 'sku', 'kind', 'identity', 'zones', 'placement', 'plan', 'managedBy', 'etag', 'eTag', 'properties'] as const;

/** Azure allows at most 50 tags per resource. */
export const MAX_TAGS = 50;

/** A declared resource, resolved. */
export interface ResourceModel {
  /** The construct. */
  readonly resource: ArmResource;
  /** Its logical id: the manifest key and the Bicep symbol's natural name. */
  readonly logicalId: string;
  /** Its name segments and scope, resolved once: the writers and the manifest build its name and id from them. */
  readonly identity: ResolvedIdentity;
  /** The deploy condition, resolved. @default none: always deployed */
  readonly condition?: Resolved;
  /** location, tags, sku, kind, identity, zones, plan, properties: resolved, undefined ones left out. */
  readonly body: Record<string, Resolved>;
  /** Direct dependencies, deduplicated. */
  readonly dependencies: readonly Edge[];
}

/** An existing (imported) resource used by this stack. */
export interface ExistingModel {
  /** The construct. */
  readonly resource: ExistingResource;
  /** Its logical id (the Bicep symbol's natural name). */
  readonly logicalId: string;
  /** Its name segments and scope (resource group, subscription), resolved once. */
  readonly identity: ResolvedIdentity;
}

/** A parameter as it will be emitted. */
export interface ParameterModel {
  /** The construct. */
  readonly parameter: Parameter;
  /** The default, resolved. @default none: the parameter is required */
  readonly defaultValue?: Resolved;
}

/** A variable as it will be emitted. */
export interface VariableModel {
  /** The construct. */
  readonly variable: Variable;
  /** The value, resolved. */
  readonly value: Resolved;
}

/** An output as it will be emitted. */
export interface OutputModel {
  /** The construct. */
  readonly output: Output;
  /** The ARM type: given, or inferred from the value. */
  readonly type: ValueType;
  /** The value, resolved. */
  readonly value: Resolved;
}

/** One stack, resolved. */
export interface StackModel {
  /** The stack. */
  readonly stack: Stack;
  /** Parameters in tree order (those emitted only if used are left out when unused). */
  readonly parameters: readonly ParameterModel[];
  /** Variables in tree order. */
  readonly variables: readonly VariableModel[];
  /** Declared resources in tree order. */
  readonly resources: readonly ResourceModel[];
  /** Existing (imported) resources in tree order. */
  readonly existing: readonly ExistingModel[];
  /** Outputs in tree order. */
  readonly outputs: readonly OutputModel[];
  /** Logical id of every resource (declared and existing). */
  readonly logicalIds: ReadonlyMap<ResourceBase, string>;
  /**
   * The identity of any resource an expression refers to: resolved for the stack's own resources
   * (the same object as their model's `identity`), as written for others.
   */
  readonly identityOf: IdentityLookup;
  /** Stacks that must deploy first, with reasons. */
  readonly stackDependencies: ReadonlyMap<Stack, string>;
}
