/**
 * Patterns may contain azcdk expressions (`nsg.id`, `param.value`, `` `${prefix.value}-nsg` ``);
 * templates hold them rendered (`[resourceId(...)]`). This turns a pattern's expressions into
 * that rendered form, so users compare against the same objects they built the stack with.
 */
import { Expression } from '../core/expression.js';
import { Tokens } from '../core/tokens.js';
import { toArmJson } from '../synth/arm-expression.js';
import { normalizeArgument } from '../synth/resolve.js';
import { isPlainObject } from './format.js';

/** Deeply replaces expressions and token strings with their ARM form; matchers are left as they are. */
export function toArmPattern(pattern: unknown): unknown {
  if (typeof pattern === 'string') {
    return Tokens.containsToken(pattern) ? toArmJson(normalizeArgument(pattern) as Expression) : pattern;
  }
  if (Expression.isExpression(pattern)) return toArmJson(pattern);
  if (Array.isArray(pattern)) return pattern.map(toArmPattern);
  if (isPlainObject(pattern)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(pattern)) out[k] = toArmPattern(v);
    return out;
  }
  return pattern;
}
