/**
 * Pipeline step 2, logical ids: one per resource (declared and existing), from its path below
 * the stack or its override; two resources with one id are a problem.
 */
import type { Problem } from '../../core/errors.js';
import { allocateLogicalIds } from '../../core/logical-ids.js';
import type { ResourceBase } from '../../core/resource-base.js';
import type { Stack } from '../../core/stack.js';

/** The logical id of each resource of `stack`. */
export function assignLogicalIds(stack: Stack, all: readonly ResourceBase[], problems: Problem[]): Map<ResourceBase, string> {
  const prefixLength = stack.node.path.length + 1;
  const ids = allocateLogicalIds(
    all.map((r) => r.node.path.slice(prefixLength).split('/')),
    all.map((r) => r._logicalIdOverride),
  );
  const result = new Map<ResourceBase, string>();
  const seen = new Map<string, ResourceBase>();
  all.forEach((r, i) => {
    const other = seen.get(ids[i]);
    if (other) {
      problems.push({ path: r.node.path, message: `logical id '${ids[i]}' is also used by ${other.node.path}: pass a different id to overrideLogicalId().` });
    }
    seen.set(ids[i], r);
    result.set(r, ids[i]);
  });
  return result;
}
