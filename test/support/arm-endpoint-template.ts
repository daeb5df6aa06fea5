/**
 * The test ARM endpoint's preflight: what ARM checks synchronously before accepting a deployment
 * (well-formed template, parameters supplied and of the right type, expressions, dependsOn),
 * producing the plan of resources to process in dependsOn order. Also the what-if diff.
 */
import { buildResourceId, evaluateValue, ExpressionError, type EvalContext } from './arm-endpoint-expressions.js';

/** An ARM error body: `{error: {code, message, target?, details?}}` without the wrapper. */
export interface ArmError {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
  readonly details?: readonly ArmError[];
}

/** Thrown by preflight: the endpoint answers 400 with this error. */
export class PreflightError extends Error {
  constructor(readonly error: ArmError) {
    super(error.message);
  }
}

/** A resource as the endpoint stores it (and as what-if shows it). */
export interface ResourceState {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly apiVersion: string;
  readonly location?: string;
  readonly properties?: unknown;
}

/** One resource of a validated template, ready to process. */
export interface PlannedResource extends ResourceState {
  /** Resource ids this one waits for. */
  readonly dependsOn: readonly string[];
}

/** Result of preflight. */
export interface Plan {
  /** Resources in dependsOn (topological) order, ties in template order. */
  readonly resources: readonly PlannedResource[];
  readonly parameters: Record<string, unknown>;
  readonly secureParameters: ReadonlySet<string>;
  readonly context: EvalContext;
  readonly outputs: Record<string, { type: string; value: unknown }>;
}

const PARAMETER_TYPES = new Set(['string', 'securestring', 'int', 'bool', 'object', 'secureobject', 'array']);

/** Checks a deployment request body and plans it. Throws PreflightError. */
export function preflight(
  body: unknown,
  target: { subscriptionId: string; resourceGroup: { name: string; location: string }; deploymentName: string },
  reference: (id: string) => unknown,
): Plan {
  const properties = (body as { properties?: Record<string, unknown> } | null)?.properties;
  if (!properties || typeof properties !== 'object') throw invalidRequest("The request body needs a 'properties' object.");
  if (properties.templateLink !== undefined) throw invalidRequest('templateLink is not supported by the test ARM endpoint; send the template inline.');
  if (properties.mode !== 'Incremental' && properties.mode !== 'Complete') {
    throw invalidRequest(`The deployment mode '${String(properties.mode)}' is not valid: use 'Incremental' or 'Complete'.`);
  }
  const template = properties.template as Record<string, unknown> | undefined;
  const problems: ArmError[] = [];
  if (!template || typeof template !== 'object' || Array.isArray(template)) {
    problems.push({ code: 'InvalidTemplate', message: "The deployment has no template object in 'properties.template'." });
    throw malformed(problems);
  }
  if (!Array.isArray(template.resources)) problems.push({ code: 'InvalidTemplate', message: "The template's 'resources' must be an array." });
  const declared = (template.parameters ?? {}) as Record<string, { type?: string; defaultValue?: unknown; maxLength?: number; minLength?: number; minValue?: number; maxValue?: number; allowedValues?: unknown[] }>;
  for (const [name, p] of Object.entries(declared)) {
    if (!p || typeof p.type !== 'string' || !PARAMETER_TYPES.has(p.type.toLowerCase())) {
      problems.push({ code: 'InvalidTemplate', target: `parameters.${name}`, message: `The template parameter '${name}' has an invalid or missing type.` });
    }
  }
  const resources = Array.isArray(template.resources) ? (template.resources as Record<string, unknown>[]) : [];
  resources.forEach((r, i) => {
    for (const key of ['type', 'apiVersion', 'name'] as const) {
      if (!r || typeof r[key] !== 'string' || r[key] === '') {
        problems.push({ code: 'InvalidTemplate', target: `resources[${i}]`, message: `The template resource at index ${i} has no '${key}' string.` });
      }
    }
  });
  if (problems.length) throw malformed(problems);

  // Parameters: supplied must be declared; declared without default must be supplied; types.
  const supplied = (properties.parameters ?? {}) as Record<string, { value?: unknown; reference?: unknown }>;
  const values: Record<string, unknown> = {};
  const secure = new Set<string>();
  for (const name of Object.keys(supplied)) {
    if (!(name in declared)) problems.push({ code: 'InvalidTemplate', message: `The parameter '${name}' was supplied, but does not correspond to any parameter defined in the template.` });
  }
  for (const [name, p] of Object.entries(declared)) {
    const type = p.type!.toLowerCase();
    if (type.startsWith('secure')) secure.add(name);
    const given = supplied[name];
    if (given?.reference !== undefined) { values[name] = `<keyvault reference>`; continue; }
    const value = given && 'value' in given ? given.value : p.defaultValue;
    if (value === undefined) {
      problems.push({ code: 'InvalidTemplate', target: `parameters.${name}`, message: `The value for the template parameter '${name}' is not provided. Please see https://aka.ms/arm-create-parameter-file for usage details.` });
      continue;
    }
    const typeOk =
      type === 'int' ? Number.isInteger(value) :
      type === 'bool' ? typeof value === 'boolean' :
      type === 'array' ? Array.isArray(value) :
      type === 'object' || type === 'secureobject' ? value !== null && typeof value === 'object' && !Array.isArray(value) :
      typeof value === 'string';
    if (!typeOk) {
      // As ARM words it: the JSON types, and not the parameter's name.
      problems.push({
        code: 'InvalidTemplate',
        message: `Deployment template validation failed: 'Template parameter JToken type is not valid. Expected '${jTokenType(type)}'. Actual '${jTokenTypeOf(value)}'. Please see https://aka.ms/arm-create-parameter-file for usage details.'.`,
      });
      continue;
    }
    // Azure quotes the offending value in this message; the endpoint does too, even for secure
    // parameters, so tests prove the CLI redacts what comes back from the service.
    const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
    const invalid = (rule: string) =>
      problems.push({ code: 'InvalidTemplate', target: `parameters.${name}`, message: `The provided value '${typeof value === 'string' ? value : JSON.stringify(value)}' for the template parameter '${name}' is not valid. ${rule}` });
    if (length !== undefined && p.maxLength !== undefined && length > p.maxLength) invalid(`Length of the value should be less than or equal to '${p.maxLength}'.`);
    if (length !== undefined && p.minLength !== undefined && length < p.minLength) invalid(`Length of the value should be greater than or equal to '${p.minLength}'.`);
    if (typeof value === 'number' && p.maxValue !== undefined && value > p.maxValue) invalid(`The value should be less than or equal to '${p.maxValue}'.`);
    if (typeof value === 'number' && p.minValue !== undefined && value < p.minValue) invalid(`The value should be greater than or equal to '${p.minValue}'.`);
    if (p.allowedValues && !p.allowedValues.some((a) => JSON.stringify(a) === JSON.stringify(value))) {
      problems.push({ code: 'InvalidTemplate', target: `parameters.${name}`, message: `The provided value for the template parameter '${name}' is not valid. Allowed values: ${JSON.stringify(p.allowedValues)}.` });
    }
    values[name] = value;
  }
  if (problems.length) throw invalidDeployment(problems);

  const context: EvalContext = { ...target, parameters: values, variables: {}, reference };
  try {
    for (const [name, v] of Object.entries((template.variables ?? {}) as Record<string, unknown>)) {
      (context.variables as Record<string, unknown>)[name] = evaluateValue(v, context);
    }
  } catch (error) {
    throw invalidTemplate(`Unable to evaluate the template variables: ${(error as Error).message}.`);
  }

  const planned: Array<PlannedResource & { rawDependsOn: unknown[] }> = resources.map((r, i) => {
    try {
      const type = r.type as string;
      const name = String(evaluateValue(r.name, context));
      const location = r.location === undefined ? undefined : String(evaluateValue(r.location, context));
      const id = buildResourceId(target.subscriptionId, target.resourceGroup.name, type, [name]);
      return { id, type, name, apiVersion: r.apiVersion as string, location, properties: bestEffort(r.properties, context), dependsOn: [], rawDependsOn: (r.dependsOn ?? []) as unknown[] };
    } catch (error) {
      if (error instanceof ExpressionError) throw invalidTemplate(`Unable to process the template resource at index ${i} ('${String(r.type)}'): ${error.message}.`, `resources[${i}]`);
      throw error;
    }
  });
  const byId = new Map(planned.map((p) => [p.id.toLowerCase(), p]));
  for (const p of planned) {
    const deps: string[] = [];
    for (const raw of p.rawDependsOn) {
      let ref: string;
      try {
        ref = String(evaluateValue(raw, context));
      } catch (error) {
        throw invalidTemplate(`Unable to evaluate dependsOn '${String(raw)}' of resource '${p.id}': ${(error as Error).message}.`);
      }
      const found = byId.get(ref.toLowerCase()) ?? planned.find((q) => q.name.toLowerCase() === ref.toLowerCase() || `${q.type}/${q.name}`.toLowerCase() === ref.toLowerCase());
      if (!found) throw invalidTemplate(`The resource '${ref}' is not defined in the template (dependsOn of '${p.id}').`);
      deps.push(found.id);
    }
    (p as unknown as { dependsOn: string[] }).dependsOn = deps;
  }
  const ordered = topologicalOrder(planned);
  const outputs = (template.outputs ?? {}) as Record<string, { type: string; value: unknown }>;
  return { resources: ordered.map(({ rawDependsOn: _, ...rest }) => rest), parameters: values, secureParameters: secure, context, outputs };
}

function topologicalOrder<T extends PlannedResource>(resources: T[]): T[] {
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: T[] = [];
  const byId = new Map(resources.map((r) => [r.id.toLowerCase(), r]));
  const visit = (r: T) => {
    const key = r.id.toLowerCase();
    if (done.has(key)) return;
    if (visiting.has(key)) throw invalidTemplate(`Circular dependency detected on resource '${r.id}'.`);
    visiting.add(key);
    for (const d of r.dependsOn) visit(byId.get(d.toLowerCase())!);
    visiting.delete(key);
    done.add(key);
    out.push(r);
  };
  resources.forEach(visit);
  return out;
}

/** Evaluates what it can (reference() to resources not yet deployed stays as written). */
export function bestEffort(value: unknown, context: EvalContext): unknown {
  if (typeof value === 'string') {
    try {
      return evaluateValue(value, context);
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map((v) => bestEffort(v, context));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bestEffort(v, context)]));
  return value;
}

/** A what-if property change (`WhatIfPropertyChange`). */
export interface PropertyChange {
  readonly path: string;
  readonly propertyChangeType: 'Create' | 'Delete' | 'Modify' | 'Array';
  readonly before?: unknown;
  readonly after?: unknown;
  readonly children?: readonly PropertyChange[];
}

/** Property-level differences between a resource's current and desired state. */
export function propertyDelta(before: unknown, after: unknown, path = ''): PropertyChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    // A key set to undefined is absent, as in the JSON Azure sends.
    const has = (o: Record<string, unknown>, k: string) => o[k] !== undefined;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => has(before, k) || has(after, k));
    return keys.flatMap((k) => {
      const p = path ? `${path}.${k}` : k;
      if (!has(before, k)) return [{ path: p, propertyChangeType: 'Create' as const, after: after[k] }];
      if (!has(after, k)) return [{ path: p, propertyChangeType: 'Delete' as const, before: before[k] }];
      return propertyDelta(before[k], after[k], p);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    const children: PropertyChange[] = [];
    for (let i = 0; i < n; i++) {
      if (i >= before.length) children.push({ path: String(i), propertyChangeType: 'Create', after: after[i] });
      else if (i >= after.length) children.push({ path: String(i), propertyChangeType: 'Delete', before: before[i] });
      else if (JSON.stringify(before[i]) !== JSON.stringify(after[i])) {
        const nested = before[i] !== null && after[i] !== null && typeof before[i] === 'object' && typeof after[i] === 'object';
        children.push(nested
          ? { path: String(i), propertyChangeType: 'Modify', children: propertyDelta(before[i], after[i]) }
          : { path: String(i), propertyChangeType: 'Modify', before: before[i], after: after[i] });
      }
    }
    return [{ path, propertyChangeType: 'Array', children }];
  }
  return [{ path, propertyChangeType: 'Modify', before, after }];
}

function invalidRequest(message: string): PreflightError {
  return new PreflightError({ code: 'InvalidRequestContent', message });
}

function malformed(details: ArmError[]): PreflightError {
  return invalidDeployment(details);
}

function invalidDeployment(details: ArmError[]): PreflightError {
  return new PreflightError({
    code: 'InvalidTemplateDeployment',
    message: "The template deployment is not valid according to the validation procedure. See inner errors for details.",
    details,
  });
}

function invalidTemplate(message: string, target?: string): PreflightError {
  return new PreflightError({ code: 'InvalidTemplate', message: `Deployment template validation failed: '${message}'`, ...(target ? { target } : {}) });
}

/** The JSON type ARM expects for a template parameter type, as it names it in errors. */
function jTokenType(type: string): string {
  return type === 'int' ? 'Integer' : type === 'bool' ? 'Boolean' : type === 'array' ? 'Array' : type === 'object' || type === 'secureobject' ? 'Object' : 'String';
}

/** The JSON type of a value, as ARM (Newtonsoft's JTokenType) names it. */
function jTokenTypeOf(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  return typeof value === 'boolean' ? 'Boolean' : typeof value === 'string' ? 'String' : 'Object';
}
