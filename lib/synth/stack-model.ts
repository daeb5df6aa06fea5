/**
 * The stack model: everything a renderer needs about one stack, resolved once and shared by the
 * ARM and Bicep writers — resources with resolved bodies and their direct dependencies,
 * parameters, variables, outputs and logical ids.
 */
import type { IConstruct } from 'constructs';
import { ArmResource } from '../core/arm-resource.js';
import { ExistingResource } from '../core/existing-resource.js';
import { Expression, VALUE_TYPES, type ValueType } from '../core/expression.js';
import { Output } from '../core/output.js';
import { literalHasType, Parameter } from '../core/parameter.js';
import { ResourceBase } from '../core/resource-base.js';
import { Stack } from '../core/stack.js';
import { Variable } from '../core/variable.js';
import { allocateLogicalIds } from '../core/logical-ids.js';
import type { Problem } from '../core/errors.js';
import { DependencyGraph, describeCycle, type Edge } from './dependency-graph.js';
import { References, resolveValue, normalizeArgument, type DeclaredNames, type ResolveContext, type Resolved } from './resolve.js';
import { fullNameOf, toArmJson } from './arm-expression.js';

/** The keys of a resource body after type, apiVersion and name, in the order both writers emit them. */
export const RESOURCE_BODY_KEYS = ['location', 'tags', 'sku', 'kind', 'identity', 'zones', 'plan', 'properties'] as const;

const BODY_KEYS: ReadonlySet<string> = new Set(RESOURCE_BODY_KEYS);
const NAME_PLACE = { place: 'a resource name' } as const;

/** Azure allows at most 50 tags per resource. */
export const MAX_TAGS = 50;

/** A declared resource, resolved. */
export interface ResourceModel {
  readonly resource: ArmResource;
  readonly logicalId: string;
  /** The full ARM name (`parent/child` for children), resolved. */
  readonly fullName: Resolved;
  /** The resource's own short name, resolved. */
  readonly shortName: Resolved;
  readonly condition?: Resolved;
  /** location, tags, sku, kind, identity, zones, plan, properties: resolved, undefined ones left out. */
  readonly body: Record<string, Resolved>;
  /** Direct dependencies, deduplicated. */
  readonly dependencies: readonly Edge[];
}

/** An existing (imported) resource used by this stack. */
export interface ExistingModel {
  readonly resource: ExistingResource;
  readonly logicalId: string;
  readonly shortName: Resolved;
  /** The resource group of an import from another group, resolved. */
  readonly resourceGroupName?: Resolved;
  /** The subscription of an import from another subscription, resolved. */
  readonly subscriptionId?: Resolved;
}

/** A parameter as it will be emitted. */
export interface ParameterModel {
  readonly parameter: Parameter;
  readonly defaultValue?: Resolved;
}

/** A variable as it will be emitted. */
export interface VariableModel {
  readonly variable: Variable;
  readonly value: Resolved;
}

/** An output as it will be emitted. */
export interface OutputModel {
  readonly output: Output;
  readonly type: ValueType;
  readonly value: Resolved;
}

/** One stack, resolved. */
export interface StackModel {
  readonly stack: Stack;
  readonly parameters: readonly ParameterModel[];
  readonly variables: readonly VariableModel[];
  readonly resources: readonly ResourceModel[];
  readonly existing: readonly ExistingModel[];
  readonly outputs: readonly OutputModel[];
  /** Logical id of every resource (declared and existing). */
  readonly logicalIds: ReadonlyMap<ResourceBase, string>;
  /** Stacks that must deploy first, with reasons. */
  readonly stackDependencies: ReadonlyMap<Stack, string>;
}

interface Members {
  parameters: Parameter[];
  variables: Variable[];
  resources: ArmResource[];
  existing: ExistingResource[];
  outputs: Output[];
  withNodeDependencies: IConstruct[];
}

/**
 * Builds the model of a stack, adding every problem found to `problems`.
 * @param constructs the constructs below the stack, in tree order (default: found by walking it)
 */
export function buildStackModel(stack: Stack, problems: Problem[], constructs: readonly IConstruct[] = stack.node.findAll().slice(1)): StackModel {
  const members = collectMembers(constructs);
  const logicalIds = assignLogicalIds(stack, [...members.resources, ...members.existing], problems);
  const usedParameters = new Set<Parameter>();
  const declared = declaredNames(members);
  const context = (owner: IConstruct, references = new References()): ResolveContext => ({
    stack, ownerPath: owner.node.path, problems, references, declared,
  });
  const noteUsed = (refs: References) => refs.parameters.forEach((p) => usedParameters.add(p));

  const variables = members.variables.map((variable) => {
    const ctx = { ...context(variable), evaluatedEarly: { place: `variable '${variable.variableName}'` } };
    const value = resolveValue(variable.value, ctx, 'value') ?? null;
    noteUsed(ctx.references);
    return { variable, value, references: ctx.references };
  });
  const variableRefs = new Map(variables.map((v) => [v.variable, v.references]));
  checkVariableCycles(members.variables, variableRefs, problems);

  const graph = new DependencyGraph(members.resources);
  const stackDependencies = new Map<Stack, string>(stack.stackDependencies);
  const resolved = members.resources.map((resource) => {
    const ctx = context(resource);
    const model = resolveResource(resource, ctx, logicalIds);
    noteUsed(ctx.references);
    addReferenceEdges(graph, resource, ctx.references, variableRefs);
    if (resource.parentResource) addEdgesTo(graph, resource, resource.parentResource, 'parent', 'parent', variableRefs);
    for (const { target, reason } of resource.dependencies) addOrderingEdges(graph, stack, [resource], target, reason, stackDependencies);
    return model;
  });
  // `stack.node.addDependency(other)`: the stack itself is not among its members.
  for (const target of stack.node.dependencies) {
    addOrderingEdges(graph, stack, members.resources, target, `node.addDependency on ${stack.node.path}`, stackDependencies);
  }
  for (const construct of members.withNodeDependencies) {
    const sources = construct.node.findAll().filter(ArmResource.isArmResource);
    for (const target of construct.node.dependencies) {
      addOrderingEdges(graph, stack, sources, target, `node.addDependency on ${construct.node.path}`, stackDependencies);
    }
  }
  for (const cycle of graph.findCycles()) problems.push({ path: stack.node.path, message: describeCycle(cycle) });
  const resources: ResourceModel[] = resolved.map((r) => Object.assign(r, { dependencies: graph.edgesFrom(r.resource) }));
  checkDuplicateNames(resources, problems);

  const existing = members.existing.map((resource) => {
    checkParentStack(resource, stack, problems);
    const ctx = { ...context(resource), evaluatedEarly: { place: 'the name of an existing resource' } };
    const shortName = resolveValue(resource.shortName, ctx, 'name') ?? null;
    const resourceGroupName = resolveValue(resource.resourceGroupName, ctx, 'resourceGroupName');
    const subscriptionId = resolveValue(resource.subscriptionId, ctx, 'subscriptionId');
    noteUsed(ctx.references);
    return { resource, logicalId: logicalIds.get(resource)!, shortName, resourceGroupName, subscriptionId };
  });

  const outputs = members.outputs.map((output) => resolveOutput(output, context(output), noteUsed, variableRefs));
  const parameterDefaults = members.parameters.map((parameter) => {
    const ctx = { ...context(parameter), evaluatedEarly: { place: `the default of parameter '${parameter.parameterName}'`, variables: true } };
    const defaultValue = resolveValue(parameter.props.defaultValue, ctx, 'defaultValue');
    noteUsed(ctx.references);
    return { parameter, defaultValue };
  });
  const parameters = parameterDefaults.filter((p) => !p.parameter.props.emitOnlyIfUsed || usedParameters.has(p.parameter));
  checkUniqueNames('parameter', parameters.map((p) => [p.parameter.parameterName, p.parameter] as const), problems);
  checkUniqueNames('variable', members.variables.map((v) => [v.variableName, v] as const), problems);
  checkUniqueNames('output', members.outputs.map((o) => [o.outputName, o] as const), problems);

  return {
    stack,
    parameters,
    variables: variables.map(({ variable, value }) => ({ variable, value })),
    resources,
    existing,
    outputs,
    logicalIds,
    stackDependencies,
  };
}

/** The members' parameters and variables by template name (maps built on first use: such calls are rare). */
function declaredNames(members: Members): DeclaredNames {
  let parameters: Map<string, Parameter> | undefined;
  let variables: Map<string, Variable> | undefined;
  return {
    parameter: (name) => (parameters ??= new Map(members.parameters.map((p) => [p.parameterName, p]))).get(name),
    variable: (name) => (variables ??= new Map(members.variables.map((v) => [v.variableName, v]))).get(name),
  };
}

function collectMembers(constructs: readonly IConstruct[]): Members {
  const members: Members = { parameters: [], variables: [], resources: [], existing: [], outputs: [], withNodeDependencies: [] };
  for (const c of constructs) {
    if (ArmResource.isArmResource(c)) members.resources.push(c);
    else if (ResourceBase.isResource(c)) members.existing.push(c as ExistingResource);
    else if (Parameter.isParameter(c)) members.parameters.push(c);
    else if (Variable.isVariable(c)) members.variables.push(c);
    else if (Output.isOutput(c)) members.outputs.push(c);
    if (c.node.dependencies.length) members.withNodeDependencies.push(c);
  }
  return members;
}

function assignLogicalIds(stack: Stack, all: ResourceBase[], problems: Problem[]): Map<ResourceBase, string> {
  const prefixLength = stack.node.path.length + 1;
  const ids = allocateLogicalIds(
    all.map((r) => r.node.path.slice(prefixLength).split('/')),
    all.map((r) => r._logicalIdOverride),
  );
  const result = new Map<ResourceBase, string>();
  const seen = new Map<string, ResourceBase>();
  all.forEach((r, i) => {
    const other = seen.get(ids[i]);
    if (other) {
      problems.push({ path: r.node.path, message: `logical id '${ids[i]}' is also used by ${other.node.path}: pass a different id to overrideLogicalId().` });
    }
    seen.set(ids[i], r);
    result.set(r, ids[i]);
  });
  return result;
}

function resolveResource(resource: ArmResource, ctx: ResolveContext, logicalIds: Map<ResourceBase, string>): Omit<ResourceModel, 'dependencies'> {
  const nameContext: ResolveContext = { ...ctx, evaluatedEarly: NAME_PLACE };
  const shortName = resolveValue(resource.shortName, nameContext, 'name') ?? null;
  // With a parent in another stack only that is reported, not each of the parent's name parts.
  const parentHere = checkParentStack(resource, ctx.stack, ctx.problems);
  const fullName = resource.parentResource && parentHere ? resolveValue(fullNameOf(resource), nameContext, 'name') ?? null : shortName;
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
  return { resource, logicalId: logicalIds.get(resource)!, shortName, fullName, condition, body };
}

/**
 * A child (declared or existing) is in its parent's stack: its name and id are built from the
 * parent's, and its template deploys (or looks up) it under a parent it knows.
 */
function checkParentStack(resource: ResourceBase, stack: Stack, problems: Problem[]): boolean {
  const parent = resource.parentResource;
  const parentStack = parent && Stack.tryOf(parent);
  if (!parent || parentStack === stack) return true;
  const kind = resource.isExisting ? 'an existing child' : 'a child';
  problems.push({
    path: resource.node.path,
    message:
      `parent: ${parent.node.path} belongs to ${parentStack ? `stack '${parentStack.stackName}'` : 'no stack'}, but ${kind} must be in its parent's stack (stack '${stack.stackName}'). ` +
      `Import the parent into stack '${stack.stackName}' with new ExistingResource(...) and pass that as parent, or move this resource into stack '${parentStack?.stackName ?? stack.stackName}'.`,
  });
  return false;
}

/**
 * A declared child of an imported parent in another resource group or subscription cannot be
 * deployed by a resource-group deployment: Bicep refuses it, and ARM would create it in the
 * deployment's own group, under a parent that is not there.
 */
function checkParentScope(resource: ArmResource, problems: Problem[]): void {
  for (let p = resource.parentResource; p; p = p.parentResource) {
    if (p.isExisting && (p.resourceGroupName !== undefined || p.subscriptionId !== undefined)) {
      problems.push({
        path: resource.node.path,
        message: `is declared as a child of ${p.node.path}, which is in another resource group: a stack deploys only into its own resource group. Declare it in a stack deployed to that group.`,
      });
      return;
    }
  }
}

/** Reference edges: to declared resources directly, through variables, and through existing resources' identities. */
function addReferenceEdges(graph: DependencyGraph, from: ArmResource, refs: References, variableRefs: Map<Variable, References>): void {
  for (const [target, location] of throughVariables(refs, variableRefs)) addEdgesTo(graph, from, target, 'reference', location, variableRefs);
}

/** The resources a value references, including those its variables reference (transitively). */
function throughVariables(refs: References, variableRefs: Map<Variable, References>): Array<[ResourceBase, string]> {
  const all: Array<[ResourceBase, string]> = [...refs.resources];
  const seen = new Set<Variable>();
  const pending = [...refs.variables];
  while (pending.length) {
    const variable = pending.pop()!;
    if (seen.has(variable)) continue;
    seen.add(variable);
    const vr = variableRefs.get(variable);
    if (!vr) continue;
    for (const [target] of vr.resources) all.push([target, `variables('${variable.variableName}')`]);
    pending.push(...vr.variables);
  }
  return all;
}

/**
 * An edge to `target` if it is declared here; for an existing resource, edges to what its
 * identity depends on instead: its declared parent, and resources its name, resource group and
 * subscription are built from (as Bicep does for `existing` symbols, scope included).
 */
function addEdgesTo(
  graph: DependencyGraph, from: ArmResource, target: ResourceBase, kind: 'reference' | 'parent', reason: string, variableRefs: Map<Variable, References>,
): void {
  for (let t: ResourceBase | undefined = target; t; t = t.parentResource) {
    if (ArmResource.isArmResource(t)) {
      if (Stack.tryOf(t) === from.stack) graph.add({ from, to: t, kind, reason });
      return;
    }
    for (const identity of [t.shortName, t.resourceGroupName, t.subscriptionId]) {
      const expression = normalizeArgument(identity);
      if (typeof expression !== 'object' || expression === null) continue;
      const refs = new References();
      resolveValue(expression, { stack: from.stack, ownerPath: from.node.path, problems: [], references: refs }, reason);
      for (const [declared] of throughVariables(refs, variableRefs)) if (declared !== t) addEdgesTo(graph, from, declared, kind, reason, variableRefs);
    }
  }
}

function addOrderingEdges(
  graph: DependencyGraph, stack: Stack, sources: ArmResource[], target: IConstruct, reason: string, stackDependencies: Map<Stack, string>,
): void {
  const targetStack = Stack.tryOf(target);
  if (Stack.isStack(target) || (targetStack && targetStack !== stack)) {
    if (targetStack && targetStack !== stack) stackDependencies.set(targetStack, reason);
    return;
  }
  const targets = target.node.findAll().filter(ArmResource.isArmResource);
  for (const from of sources) for (const to of targets) graph.add({ from, to, kind: 'ordering', reason });
}

function checkDuplicateNames(resources: ReadonlyArray<Omit<ResourceModel, 'dependencies'>>, problems: Problem[]): void {
  const seen = new Map<string, ArmResource>();
  for (const r of resources) {
    // A name with expressions is compared as rendered: the same expression is the same name at deploy time.
    const literal = typeof r.fullName === 'string';
    const name = literal ? (r.fullName as string) : String(toArmJson(r.fullName));
    const key = `${r.resource.resourceType.toLowerCase()}|${literal ? 'l' : 'e'}|${name.toLowerCase()}`;
    const other = seen.get(key);
    if (other) {
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

function resolveOutput(output: Output, ctx: ResolveContext, noteUsed: (refs: References) => void, variableRefs: Map<Variable, References>): OutputModel {
  const value = resolveValue(output.props.value, ctx, 'value') ?? null;
  noteUsed(ctx.references);
  // Secrets reach an output directly or through variables: look at everything the value uses.
  const all = [ctx.references, ...closureOfVariables(ctx.references, variableRefs).map((v) => variableRefs.get(v)!)];
  const leak = (message: string) =>
    ctx.problems.push({ path: ctx.ownerPath, message: `output '${output.outputName}' ${message}: deployment outputs are readable by anyone who can read the deployment. Remove it from the output.` });
  const secure = new Set(all.flatMap((refs) => [...refs.parameters].filter((p) => p.isSecure)));
  for (const parameter of secure) leak(`uses secure parameter '${parameter.parameterName}'`);
  if (all.some((refs) => refs.callsList)) leak('calls a list*() function, which returns secrets such as keys');
  // Inferred from the value as written: resolution turns `parameters('p')` into p's reference,
  // whose type an untyped call never had (the output stays 'string', as before).
  const type = (output.props.type as ValueType | undefined) ?? inferType(normalizeArgument(output.props.value ?? null) as Resolved, variableRefs);
  if (type === 'securestring' || type === 'secureObject') {
    ctx.problems.push({ path: ctx.ownerPath, message: `output '${output.outputName}' has secure type ${type}: outputs cannot be secret. Remove the output.` });
  } else if (typeof value === 'number' && !Number.isInteger(value)) {
    ctx.problems.push({ path: ctx.ownerPath, message: `output '${output.outputName}' is ${value}, but ARM has no floating-point type (int is a whole number): output it as a string, e.g. '${value}'.` });
  } else if (value !== null && !Expression.isExpression(value) && VALUE_TYPES.includes(type) && !literalHasType(value, type)) {
    ctx.problems.push({ path: ctx.ownerPath, message: `output '${output.outputName}' has type ${type}, but its value is ${JSON.stringify(value)}: give a value of that type, or the type of the value (or leave type out to infer it).` });
  }
  return { output, type, value };
}

function inferType(value: Resolved, variableRefs: Map<Variable, References>, seen = new Set<Variable>()): ValueType {
  if (Expression.isExpression(value) && (value as { kind: string }).kind === 'variable') {
    // A variable (or a chain of them): the type of the value at the end of the chain.
    const variable = (value as unknown as { variable: Variable }).variable;
    if (variableRefs.has(variable) && !seen.has(variable)) {
      seen.add(variable);
      return inferType(resolvedVariableValue(variable), variableRefs, seen);
    }
  }
  if (typeof value === 'number') return 'int';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  if (Expression.isExpression(value)) return value.valueType ?? 'string';
  if (value && typeof value === 'object') return 'object';
  return 'string';
}

/** A variable's value with tokens parsed, for type inference. */
function resolvedVariableValue(variable: Variable): Resolved {
  const v = variable.value;
  return (typeof v === 'string' ? normalizeArgument(v) : v) as Resolved;
}

/** Every variable a value uses, directly or through other variables. */
function closureOfVariables(refs: References, variableRefs: Map<Variable, References>): Variable[] {
  const seen = new Set<Variable>();
  const pending = [...refs.variables];
  while (pending.length) {
    const v = pending.pop()!;
    if (seen.has(v)) continue;
    seen.add(v);
    pending.push(...(variableRefs.get(v)?.variables ?? []));
  }
  return [...seen].filter((v) => variableRefs.has(v));
}

/** Variables that use each other in a cycle cannot be evaluated by ARM. */
function checkVariableCycles(variables: readonly Variable[], variableRefs: Map<Variable, References>, problems: Problem[]): void {
  const state = new Map<Variable, 1 | 2>();
  const path: Variable[] = [];
  const visit = (v: Variable): void => {
    state.set(v, 1);
    path.push(v);
    for (const next of variableRefs.get(v)?.variables ?? []) {
      if (state.get(next) === 1) {
        const cycle = [...path.slice(path.indexOf(next)), next].map((x) => x.variableName).join(' -> ');
        problems.push({ path: v.node.path, message: `variables use each other in a cycle (${cycle}), which ARM cannot evaluate: break the cycle.` });
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    path.pop();
    state.set(v, 2);
  };
  for (const v of variables) if (!state.has(v)) visit(v);
}

/** Two parameters (or variables, outputs) with one name would be one template entry. */
function checkUniqueNames(kind: string, named: ReadonlyArray<readonly [string, IConstruct]>, problems: Problem[]): void {
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

function isImplicitLocation(c: IConstruct): boolean {
  const scope = c.node.scope;
  return scope !== undefined && Stack.isStack(scope) && scope.locationParameter === c;
}
