/**
 * Template functions as expression builders. Each returns an expression node that renders to the
 * ARM function of the same name (and to the same Bicep function).
 * See https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions
 */
import { Expression, FunctionCall, parseTokenString, type Value, type ValueType } from './expression.js';

function call(name: string, args: unknown[], type?: ValueType): Expression {
  return new FunctionCall(name, args, type);
}

/** Template functions. */
export const Fn = {
  /** `resourceGroup()`: the deployment's resource group; use `.get('location')`, `.get('id')`, `.get('name')`. */
  resourceGroup: (): Expression => call('resourceGroup', [], 'object'),
  /** `subscription()`: use `.get('subscriptionId')`, `.get('tenantId')`. */
  subscription: (): Expression => call('subscription', [], 'object'),
  /** `tenant()`: use `.get('tenantId')`. */
  tenant: (): Expression => call('tenant', [], 'object'),
  /** `deployment()`: the current deployment. */
  deployment: (): Expression => call('deployment', [], 'object'),
  /** `environment()`: cloud endpoints, e.g. `.get('suffixes', 'sqlServerHostname')`. */
  environment: (): Expression => call('environment', [], 'object'),
  /** `uniqueString(...)`: a deterministic 13-character hash of the arguments. */
  uniqueString: (...args: Value<string>[]): Expression => call('uniqueString', args, 'string'),
  /** `guid(...)`: a deterministic GUID from the arguments. */
  guid: (...args: Value<string>[]): Expression => call('guid', args, 'string'),
  /** `format(fmt, ...)` with .NET-style `{0}` placeholders. Prefer template literals, which render to format(). */
  format: (format: string, ...args: unknown[]): Expression => call('format', [format, ...args], 'string'),
  /** `concat(...)` of strings or arrays. */
  concat: (...args: unknown[]): Expression => call('concat', args),
  /** `toLower(s)`. */
  toLower: (s: Value<string>): Expression => call('toLower', [s], 'string'),
  /** `toUpper(s)`. */
  toUpper: (s: Value<string>): Expression => call('toUpper', [s], 'string'),
  /** `take(s, n)`: the first n characters (or elements). */
  take: (s: unknown, n: Value<number>): Expression => call('take', [s, n]),
  /** `substring(s, start, length)`. */
  substring: (s: Value<string>, start: Value<number>, length?: Value<number>): Expression =>
    call('substring', length === undefined ? [s, start] : [s, start, length], 'string'),
  /** `replace(s, old, new)`. */
  replace: (s: Value<string>, oldValue: Value<string>, newValue: Value<string>): Expression =>
    call('replace', [s, oldValue, newValue], 'string'),
  /** `if(condition, whenTrue, whenFalse)`. */
  if: (condition: Value<boolean>, whenTrue: unknown, whenFalse: unknown): Expression =>
    call('if', [condition, whenTrue, whenFalse]),
  /** `equals(a, b)`. */
  equals: (a: unknown, b: unknown): Expression => call('equals', [a, b], 'bool'),
  /** `not(b)`. */
  not: (b: Value<boolean>): Expression => call('not', [b], 'bool'),
  /** `and(...)`. */
  and: (...args: Value<boolean>[]): Expression => call('and', args, 'bool'),
  /** `or(...)`. */
  or: (...args: Value<boolean>[]): Expression => call('or', args, 'bool'),
  /** `empty(x)`. */
  empty: (x: unknown): Expression => call('empty', [x], 'bool'),
  /** `length(x)`. */
  length: (x: unknown): Expression => call('length', [x], 'int'),
  /** `string(x)`. */
  string: (x: unknown): Expression => call('string', [x], 'string'),
  /** `int(x)`. */
  int: (x: unknown): Expression => call('int', [x], 'int'),
  /** `base64(s)`. */
  base64: (s: Value<string>): Expression => call('base64', [s], 'string'),
  /** Any other template function: `Fn.call('dateTimeAdd', [...])`. */
  call: (name: string, args: unknown[] = [], type?: ValueType): Expression => call(name, args, type),
  /**
   * Turns a string that may hold tokens into an expression (or returns it unchanged).
   * Useful when a value must be an expression, e.g. as an Output value.
   */
  fromString: (s: string): Value<string> => parseTokenString(s),
};
