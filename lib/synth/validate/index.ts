/**
 * Synth-time validation of every resource whose type the committed snapshot knows (typed L1
 * classes and generic ArmResources alike): the type and api-version exist, the body fits the
 * type's shape (check-body.ts), literal locations are Azure regions. A provider namespace the
 * snapshot does not know (and that is no typo of one it knows) is not judged. Errors fail synthesis;
 * warnings print (and fail it under --strict); a resource at an api-version the snapshot does
 * not hold is reported once, as info.
 */
import type { Annotation } from '../../core/annotations.js';
import type { Problem } from '../../core/errors.js';
import { Expression } from '../../core/expression.js';
import { Parameter } from '../../core/parameter.js';
import { shortNameOf } from '../model/identity.js';
import type { Resolved } from '../resolve.js';
import type { StackModel } from '../stack-model.js';
import { checkBody, type Finding } from './check-body.js';
import { didYouMean } from './nearest.js';
import { AZURE_REGIONS, isAzureRegion } from './regions.js';
import { lookUpType } from './snapshot.js';
import type { ResourceTypeEntry } from './type-nodes.js';

/** How many known api-versions an "unknown api-version" error lists (newest first). */
const VERSIONS_LISTED = 12;

/** Validates the resources of one stack: errors go to `problems`, warnings and info to `annotations`. */
export function validateStack(model: StackModel, problems: Problem[], annotations: Annotation[]): void {
  const notValidated = new Set<string>();
  const checkedParameters = new Set<Parameter>();
  for (const r of model.resources) {
    const path = r.resource.node.path;
    const report: Report = (f, at = path) => {
      const message = `${f.where}: ${f.message}`;
      if (f.level === 'error') problems.push({ path: at, message });
      else annotations.push({ level: f.level, path: at, message });
    };
    const { resourceType, apiVersion } = r.resource;
    const lookup = lookUpType(resourceType, apiVersion);
    switch (lookup.kind) {
      case 'found':
        checkScope(lookup.entry, report);
        for (const f of checkBody(lookup.graph, lookup.entry, { name: shortNameOf(r.identity), ...r.body })) report(f);
        break;
      case 'unknown-type':
        report({ level: 'error', where: 'type', message: `'${resourceType}' is not an Azure resource type azcdk knows.${didYouMean(resourceType, lookup.known)} Fix the type name.` });
        break;
      case 'unknown-version': {
        const newest = [...lookup.versions].reverse();
        const listed = newest.slice(0, VERSIONS_LISTED).join(', ') + (newest.length > VERSIONS_LISTED ? ` and ${newest.length - VERSIONS_LISTED} older` : '');
        report({ level: 'error', where: 'apiVersion', message: `'${apiVersion}' is not an api-version of ${lookup.name}. Known versions, newest first: ${listed}. Use one of them.` });
        break;
      }
      case 'not-shipped':
        if (!notValidated.has(`${lookup.name}@${apiVersion}`)) {
          notValidated.add(`${lookup.name}@${apiVersion}`);
          report({ level: 'info', where: 'apiVersion', message: `${lookup.name}@${apiVersion} is a preview version azcdk holds no shapes for (only stable and default api-versions), so this resource was not validated.` });
        }
        break;
    }
    checkLocation(r.body.location, checkedParameters, model, report);
  }
}

/** Scope bits of a resource type (Bicep's ResourceType scopes). */
const SCOPE_NAMES: ReadonlyArray<[number, string]> = [[1, 'tenant'], [2, 'management group'], [4, 'subscription'], [8, 'resource group'], [16, 'extension (scope)']];
const RESOURCE_GROUP = 8;
const EXTENSION = 16;

/**
 * A stack is a resource-group deployment: a type Azure never deploys (read-only, such as a
 * private link resource) gets a warning as in Bicep (BCP245); one deployed only at subscription,
 * management group or tenant scope (resourceGroups, policyDefinitions) fails there: an error.
 */
function checkScope(entry: ResourceTypeEntry, report: Report): void {
  const what = `${entry.name}@${entry.apiVersion}`;
  if (entry.writableScopes === 0) {
    report({ level: 'warning', where: 'type', message: `${what} is read-only: Azure does not deploy it, only reads it. Import it with ExistingResource instead.` });
  } else if (!(entry.writableScopes & (RESOURCE_GROUP | EXTENSION))) {
    const scopes = SCOPE_NAMES.filter(([bit]) => entry.writableScopes & bit).map(([, name]) => name).join(' or ');
    report({ level: 'error', where: 'type', message: `${what} is deployed at ${scopes} scope, but a stack deploys into a resource group. Deploy it with a template at that scope (az deployment sub create ...), outside azcdk.` });
  }
}

type Report = (finding: Finding | { level: 'info'; where: string; message: string }, path?: string) => void;

/**
 * A literal location, or the literal default of the parameter it comes from, is an Azure region.
 * A parameter's default is reported once, at the stack for its own location parameter (what
 * `new Stack(app, id, { location })` set), else at the parameter.
 */
function checkLocation(location: Resolved | undefined, checked: Set<Parameter>, model: StackModel, report: Report): void {
  if (typeof location === 'string') {
    if (!isAzureRegion(location)) report(regionWarning('location', location));
    return;
  }
  if (!Expression.isExpression(location) || (location as { kind: string }).kind !== 'parameter') return;
  const parameter = (location as unknown as { parameter: unknown }).parameter;
  if (!Parameter.isParameter(parameter) || checked.has(parameter)) return;
  checked.add(parameter);
  const value = model.parameters.find((p) => p.parameter === parameter)?.defaultValue;
  if (typeof value !== 'string' || isAzureRegion(value)) return;
  const isStackLocation = parameter === model.stack.locationParameter;
  report(regionWarning(isStackLocation ? 'location' : 'defaultValue', value), isStackLocation ? model.stack.node.path : parameter.node.path);
}

function regionWarning(where: string, location: string): Finding {
  return {
    level: 'warning', where,
    message: `'${location}' is not an Azure region.${didYouMean(location, AZURE_REGIONS)} Use a region name such as 'westeurope' (a region newer than azcdk's list: ignore this warning).`,
  };
}
