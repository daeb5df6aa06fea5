/**
 * Pipeline step 4, resources: resolves each declared resource's name, condition and body, and
 * each existing resource's name and scope, with the checks that need them in hand.
 */
import type { ArmResource } from '../../core/arm-resource.js';
import type { ExistingResource } from '../../core/existing-resource.js';
import type { ResourceBase } from '../../core/resource-base.js';
import { resolveValue, type ResolveContext, type Resolved } from '../resolve.js';
import type { Identities } from './identity.js';
import { checkParentScope, checkParentStack } from './placement.js';
import { MAX_TAGS, RESOURCE_BODY_KEYS, type ExistingModel, type ResourceModel } from './types.js';

const BODY_KEYS: ReadonlySet<string> = new Set(RESOURCE_BODY_KEYS);

/** A declared resource resolved, before its dependencies are known. */
export function resolveResource(
  resource: ArmResource, ctx: ResolveContext, logicalIds: ReadonlyMap<ResourceBase, string>, identities: Identities,
): Omit<ResourceModel, 'dependencies'> {
  const identity = identities.of(resource);
  ctx.references.addAll(identity.references);
  checkParentStack(resource, ctx.stack, ctx.problems);
  const condition = resolveValue(resource._condition, ctx, 'condition');
  const body: Record<string, Resolved> = {};
  const raw = resource._renderBody();
  for (const key of Object.keys(raw)) {
    if (!BODY_KEYS.has(key)) {
      ctx.problems.push({
        path: ctx.ownerPath,
        message: `addOverride('${key}'...) sets a top-level key azcdk does not write (it writes ${RESOURCE_BODY_KEYS.join(', ')}): override a key under one of those. Extension resources ('scope') are not supported yet.`,
      });
      continue;
    }
    const v = resolveValue(raw[key], ctx, key);
    if (v !== undefined) body[key] = v;
  }
  // Checked here, with the tags in hand, rather than by a validation each resource registers.
  for (const message of resource.tags.problems()) ctx.problems.push({ path: ctx.ownerPath, message });
  const tags = body.tags;
  if (tags && typeof tags === 'object' && Object.keys(tags).length > MAX_TAGS) {
    ctx.problems.push({ path: ctx.ownerPath, message: `has ${Object.keys(tags).length} tags; Azure allows ${MAX_TAGS} per resource. Remove some tags.` });
  }
  checkParentScope(resource, ctx.problems);
  return { resource, logicalId: logicalIds.get(resource)!, identity, condition, body };
}

/** An existing resource resolved: its name and, for an import from elsewhere, its scope. */
export function resolveExisting(resource: ExistingResource, ctx: ResolveContext, logicalIds: ReadonlyMap<ResourceBase, string>, identities: Identities): ExistingModel {
  checkParentStack(resource, ctx.stack, ctx.problems);
  const identity = identities.of(resource);
  ctx.references.addAll(identity.references);
  return { resource, logicalId: logicalIds.get(resource)!, identity };
}
