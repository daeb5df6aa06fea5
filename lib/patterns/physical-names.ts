/**
 * Physical names derived from stable inputs: the construct's own id (never its full path, so
 * moving a construct under another parent does not rename, i.e. replace, the Azure resource).
 */
import type { IConstruct } from 'constructs';
import { Fn, Stack, type Expression, type Value } from '../core/index.js';
import { literalString } from '../resources/validation.js';

/** `MyServer_1` -> `myserver-1`: lowercase letters, digits and single hyphens, trimmed to `max`. */
export function slug(text: string, max = 63): string {
  const s = text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return s.slice(0, max).replace(/-$/, '') || 'x';
}

/**
 * A resource-group-unique name: `<prefix>-<id slug>` (the prefix is dropped when the id already
 * starts with it), at most `max` characters.
 */
export function defaultName(scope: IConstruct, prefix: string, max = 64): string {
  const s = slug(scope.node.id, max);
  return (s.startsWith(prefix) ? s : `${prefix}-${s}`).slice(0, max).replace(/-$/, '');
}

/** Length of `uniqueString(...)`. */
const UNIQUE_STRING_LENGTH = 13;

/**
 * A globally unique name: `format('{0}-{1}', '<id slug>', uniqueString(resourceGroup().id))`, so
 * the same app deployed to two resource groups gets two names, and a redeploy keeps its name.
 * The slug is trimmed so the whole name fits in `max` characters.
 */
export function globallyUniqueName(scope: IConstruct, max: number): Expression {
  const s = slug(scope.node.id, max - UNIQUE_STRING_LENGTH - 1);
  return Fn.format('{0}-{1}', s, Fn.uniqueString(Fn.resourceGroup().get('id')));
}

/** `'name'`, or a note that the name is known only at deployment, for messages. */
export function describeName(name: Value<string>): string {
  const literal = literalString(name);
  return literal === undefined ? '(its name is known only at deployment)' : `'${literal}'`;
}
