/**
 * Construct ids the patterns derive for constructs they add on a user's behalf: from the path
 * below the stack, and unique among a scope's children.
 */
import type { IConstruct } from 'constructs';
import { Stack } from '../core/index.js';

/**
 * `Db-PrivateEndpoint` for `Stack/Db/PrivateEndpoint`: the construct's path below its stack,
 * unique within the stack, for construct ids that stand for another construct.
 */
export function pathBelowStack(c: IConstruct): string {
  const depth = Stack.of(c).node.scopes.length;
  return c.node.scopes.slice(depth).map((s) => s.node.id).join('-');
}

/** `base`, or `base-2`, `base-3`, ... if `scope` already has a child with that id. */
export function uniqueChildId(scope: IConstruct, base: string): string {
  let id = base;
  for (let n = 2; scope.node.tryFindChild(id); n++) id = `${base}-${n}`;
  return id;
}
