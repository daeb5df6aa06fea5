/**
 * The shapes of Azure resource types as the committed snapshot (types/az) stores them: Bicep's
 * type nodes (Azure/bicep-types), linked by `{ $ref: '#/N' }` into the same file, with property
 * descriptions split out (they live in `*.docs.json.br`, for the L1 generator).
 */

/** A link to node N of the same file. */
export interface TypeRef {
  readonly $ref: string;
}

/** Property flags: Required 1, ReadOnly 2, WriteOnly 4, DeployTimeConstant 8. Required|ReadOnly counts as not required. */
export const REQUIRED = 1;
/** Set by Azure, absent from the PUT body. */
export const READ_ONLY = 2;
/** Sent in the PUT body, never returned by a GET. */
export const WRITE_ONLY = 4;

/** A property of an object type. */
export interface TypeProperty {
  readonly type: TypeRef;
  readonly flags: number;
}

/** Any type node. */
export type TypeNode =
  | { readonly $type: 'StringType'; readonly minLength?: number; readonly maxLength?: number; readonly pattern?: string; readonly sensitive?: boolean }
  | { readonly $type: 'StringLiteralType'; readonly value: string }
  | { readonly $type: 'IntegerType'; readonly minValue?: number; readonly maxValue?: number }
  | { readonly $type: 'BooleanType' }
  | { readonly $type: 'AnyType' }
  | { readonly $type: 'NullType' }
  | { readonly $type: 'ArrayType'; readonly itemType: TypeRef; readonly minLength?: number; readonly maxLength?: number }
  | { readonly $type: 'UnionType'; readonly elements: readonly TypeRef[] }
  | { readonly $type: 'ObjectType'; readonly name: string; readonly properties: Readonly<Record<string, TypeProperty>>; readonly additionalProperties?: TypeRef; readonly sensitive?: boolean }
  | {
    readonly $type: 'DiscriminatedObjectType'; readonly name: string; readonly discriminator: string;
    readonly baseProperties: Readonly<Record<string, TypeProperty>>; readonly elements: Readonly<Record<string, TypeRef>>;
  };

/** A resource type at one api-version: its body node and the scopes it can be read and deployed at. */
export interface ResourceTypeEntry {
  readonly name: string;
  readonly apiVersion: string;
  /** Scope bits: Tenant 1, ManagementGroup 2, Subscription 4, ResourceGroup 8, Extension 16. */
  readonly readableScopes: number;
  readonly writableScopes: number;
  readonly body: number;
}

/** One snapshot file: the types of one namespace at one api-version. */
export interface TypeGraph {
  readonly types: readonly ResourceTypeEntry[];
  readonly nodes: readonly TypeNode[];
}

/** The node a link points at. */
export function follow(graph: TypeGraph, ref: TypeRef): TypeNode {
  return graph.nodes[Number(ref.$ref.slice(2))];
}
