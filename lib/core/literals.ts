/**
 * Fields that take literal values only: parameter values, allowed values, descriptions and other
 * metadata. ARM reads them as they are (they are never evaluated), so an expression there would
 * reach the file as a raw token.
 */
import { Expression } from './expression.js';
import { Tokens } from './tokens.js';

/** True if a value holds an expression or a string token anywhere, in values or in object keys. */
export function containsExpression(value: unknown): boolean {
  if (Expression.isExpression(value)) return true;
  if (typeof value === 'string') return Tokens.containsToken(value);
  if (Array.isArray(value)) return value.some(containsExpression);
  if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) if (Tokens.containsToken(key) || containsExpression(v)) return true;
  }
  return false;
}

/**
 * `["field: must be literal ..."]` if `value` holds an expression, else `[]`.
 * @param why why the field cannot hold one, and what to do instead
 */
export function checkLiteralOnly(field: string, value: unknown, why: string): string[] {
  return value !== undefined && containsExpression(value) ? [`${field}: must be literal, but holds an expression (a parameter, resource attribute or function): ${why}`] : [];
}

/** The reason for descriptions and other metadata. */
export const METADATA_IS_LITERAL = 'ARM shows metadata as it is written and never evaluates it. Write the text itself.';
