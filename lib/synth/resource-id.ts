/**
 * The two ways an expression reaches another resource, as expression trees both writers render
 * with their ordinary rules (ARM `resourceId(...)`, Bicep `resourceId(...)` or `symbol.id`):
 * - its id: `resourceId([subscriptionId,] [resourceGroupName,] 'type', name segments...)`;
 * - a runtime property: `reference(id, apiVersion)` and the path below `properties`, or
 *   `reference(id, apiVersion, 'full')` and the whole path for other top-level keys.
 */
import { FunctionCall, PropertyAccess, ResourceReference, type Expression, type IResourceTarget, type PathSegment } from '../core/expression.js';
import type { ResolvedIdentity } from './model/identity.js';

const ID = { kind: 'id' } as const;

/** `resourceId(...)` of a resource, from its resolved identity. */
export function resourceIdCall(identity: ResolvedIdentity): FunctionCall {
  const args: unknown[] = [];
  if (identity.subscriptionId !== undefined) args.push(identity.subscriptionId);
  if (identity.resourceGroupName !== undefined) args.push(identity.resourceGroupName);
  args.push(identity.target.resourceType, ...identity.segments);
  return new FunctionCall('resourceId', args, 'string');
}

/**
 * A runtime property of a resource read with `reference()` at the resource's api-version:
 * `reference(id, version)` returns the properties, `'full'` the whole GET body.
 */
export function runtimeRead(target: IResourceTarget, path: readonly PathSegment[]): Expression {
  const id = new ResourceReference(target, ID);
  const [first, ...rest] = path;
  const call = new FunctionCall('reference', first === 'properties' ? [id, target.apiVersion] : [id, target.apiVersion, 'full']);
  const tail = first === 'properties' ? rest : path;
  return tail.length ? new PropertyAccess(call, tail) : call;
}
