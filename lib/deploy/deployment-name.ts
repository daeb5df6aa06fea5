/**
 * Deployment names: ARM allows at most 64 characters matching ^[-\w._()]+$. The default is
 * unique per run (stack, UTC time, random suffix) so concurrent runs never overwrite each
 * other's deployment history.
 */
import { randomBytes } from 'node:crypto';
import { UsageError } from '../core/errors.js';

const VALID = /^[-\w._()]+$/;
const MAX = 64;

/** Checks a `--deployment-name` (or the name given to another flag, e.g. `--attach`). */
export function checkDeploymentName(name: string, flag = '--deployment-name'): string {
  if (name.length > MAX || !VALID.test(name)) {
    throw new UsageError(`${flag} '${name}' is not a valid deployment name: use at most ${MAX} letters, digits, '-', '_', '.', '(' or ')'.`);
  }
  return name;
}

/** `<stack>-<yyyyMMddHHmmss>-<4 hex>`, with the stack part sanitized and shortened to fit. */
export function defaultDeploymentName(stackName: string, now: Date = new Date(), suffix = randomBytes(2).toString('hex')): string {
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const tail = `-${stamp}-${suffix}`;
  const stack = stackName.replace(/[^-\w.()]/g, '-').slice(0, MAX - tail.length) || 'azcdk';
  return `${stack}${tail}`;
}
