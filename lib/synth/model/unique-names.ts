/**
 * Pipeline step 7, names: two resources with one Azure name are one resource, and two parameters
 * (variables, outputs) with one name are one template entry.
 */
import type { IConstruct } from 'constructs';
import type { ArmResource } from '../../core/arm-resource.js';
import type { Problem } from '../../core/errors.js';
import { Stack } from '../../core/stack.js';
import { toArmJson } from '../arm-expression.js';
import { toNameValue } from '../name-value.js';
import type { IdentityLookup } from './identity.js';
import type { ResourceModel } from './types.js';

/** Declared resources of one type and name (Azure names are case-insensitive). */
export function checkDuplicateNames(resources: ReadonlyArray<Pick<ResourceModel, 'resource' | 'identity'>>, identityOf: IdentityLookup, problems: Problem[]): void {
  const seen = new Map<string, ArmResource>();
  for (const r of resources) {
    // A name with expressions is compared by its structure: the same expression is the same name at deploy time.
    const fullName = r.identity.fullName;
    const literal = typeof fullName === 'string';
    const key = `${r.resource.resourceType.toLowerCase()}|${literal ? 'l' : 'e'}|${(literal ? fullName : JSON.stringify(toNameValue(fullName, { identityOf }))).toLowerCase()}`;
    const other = seen.get(key);
    if (other) {
      const name = literal ? fullName : String(toArmJson(fullName, undefined, identityOf));
      problems.push({
        path: r.resource.node.path,
        message: literal
          ? `declares ${r.resource.resourceType} '${name}', which ${other.node.path} declares too (Azure names are case-insensitive): give one of them another name.`
          : `declares ${r.resource.resourceType} named ${name}, the same expression as ${other.node.path}, so both are one Azure resource and ARM refuses the template: give one of them an explicit name, or a different construct id if its name is derived from it.`,
      });
    }
    seen.set(key, r.resource);
  }
}

/** Two parameters (or variables, outputs) with one name would be one template entry. */
export function checkUniqueNames(kind: string, named: ReadonlyArray<readonly [string, IConstruct]>, problems: Problem[]): void {
  const seen = new Map<string, IConstruct>();
  for (const [name, construct] of named) {
    const other = seen.get(name.toLowerCase());
    if (!other) seen.set(name.toLowerCase(), construct);
    else if (isImplicitLocation(other) || isImplicitLocation(construct)) {
      const own = isImplicitLocation(other) ? construct : other;
      problems.push({ path: own.node.path, message: `parameter 'location' clashes with the stack's implicit location parameter: declare it directly under the stack (new Parameter(stack, ..., { name: 'location' })) to replace the implicit one, or give it another name.` });
    } else {
      problems.push({ path: construct.node.path, message: `${kind} name '${name}' is also used by ${other.node.path} (names are case-insensitive in ARM): rename one.` });
    }
  }
}

/** The stack's implicit `location` parameter (see Stack.location). */
function isImplicitLocation(c: IConstruct): boolean {
  const scope = c.node.scope;
  return scope !== undefined && Stack.isStack(scope) && scope.locationParameter === c;
}
