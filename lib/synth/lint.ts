/**
 * Template lint: warnings for templates that deploy but work against the user, in the spirit of
 * Bicep's linter (no-hardcoded-location, use-resource-id-functions). Warnings print on synth and
 * fail it under `--strict`.
 */
import type { Annotation } from '../core/annotations.js';
import { Expression, visitExpression, type ExpressionVisitor } from '../core/expression.js';
import type { Resolved } from './resolve.js';
import type { StackModel } from './stack-model.js';

const HAND_BUILT_ID = /^\/subscriptions\/|\/providers\//i;

/** The lint warnings of one stack, in resource order. */
export function lintStack(model: StackModel): Annotation[] {
  const warnings: Annotation[] = [];
  for (const r of model.resources) {
    const path = r.resource.node.path;
    const location = r.body.location;
    if (!r.resource.parentResource && typeof location === 'string' && location.toLowerCase() !== 'global') {
      warnings.push({
        level: 'warning', path,
        message: `location '${location}' is hard-coded, so the template deploys there whatever the pipeline asks: leave location unset (the stack's location parameter, which defaults to the resource group's region) or pass a Parameter's value.`,
      });
    }
    for (const [where, value] of idsIn(r.body.properties, 'properties')) {
      if (!isHandBuilt(value)) continue;
      warnings.push({
        level: 'warning', path,
        message: `${where} is a resource id built by hand: a typo in it still synthesizes and fails only in Azure. Use the resource's .id, or import it (ExistingResource, or a fromXxx method such as Subnet.fromSubnetName) so the id is rendered with resourceId().`,
      });
    }
  }
  return warnings;
}

/** Every `id` property under `value`, with its property path. */
function idsIn(value: Resolved | undefined, location: string, out: Array<[string, Resolved]> = []): Array<[string, Resolved]> {
  if (value === null || value === undefined || typeof value !== 'object' || Expression.isExpression(value)) return out;
  if (Array.isArray(value)) {
    value.forEach((item, i) => idsIn(item, `${location}[${i}]`, out));
    return out;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.toLowerCase() === 'id') out.push([`${location}.${key}`, item]);
    else idsIn(item, `${location}.${key}`, out);
  }
  return out;
}

/** A literal `/subscriptions/...` id, or an interpolation/format/concat with provider path text in it. */
function isHandBuilt(value: Resolved): boolean {
  if (typeof value === 'string') return HAND_BUILT_ID.test(value);
  return Expression.isExpression(value) && visitExpression(value, HAND_BUILT);
}

const hasIdText = (parts: readonly unknown[]) => parts.some((p) => typeof p === 'string' && HAND_BUILT_ID.test(p));

/** Which expressions build an id from text: interpolations and format()/concat() calls with provider path text. */
const HAND_BUILT: ExpressionVisitor<boolean> = {
  interpolation: (e) => hasIdText(e.parts),
  call: (e) => /^(format|concat)$/i.test(e.name) && hasIdText(e.args),
  literal: () => false,
  parameter: () => false,
  variable: () => false,
  access: () => false,
  resource: () => false,
};
