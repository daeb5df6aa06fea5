/**
 * The Bicep writer: renders a stack model as a `.bicep` file that describes the same deployment
 * as the ARM template, in the shape a person would write by hand.
 *
 * - declarations grouped: `metadata`, `param`s, `var`s, `existing` resources, resources, `output`s,
 *   one blank line between declarations, 2-space indent, LF, final newline; an `existing` child
 *   of a declared resource (a subnet of the VNet) follows its parent, where a reader looks for it;
 * - children use `parent:` and their short name (not `a/b` names, and not nested declarations,
 *   which would inherit the parent's `if` condition where ARM does not);
 * - `dependsOn` lists only ordering edges Bicep cannot infer from references and parents;
 * - `existing` declarations only for imported resources the file uses.
 */
import type { Problem } from '../../core/errors.js';
import { Expression, visitExpression, type ExpressionVisitor, type IResourceTarget } from '../../core/expression.js';
import type { ArmResource } from '../../core/arm-resource.js';
import type { Edge } from '../dependency-graph.js';
import type { Parameter } from '../../core/parameter.js';
import type { ResourceBase } from '../../core/resource-base.js';
import type { Variable } from '../../core/variable.js';
import { shortNameOf, type ResolvedIdentity } from '../model/identity.js';
import { compareStrings } from '../json.js';
import { normalizeArgument, type Resolved } from '../resolve.js';
import { RESOURCE_BODY_KEYS, type ExistingModel, type OutputModel, type ParameterModel, type ResourceModel, type StackModel } from '../stack-model.js';
import { bicepString } from './bicep-syntax.js';
import { appendBicepValue, renderBicepCall, renderBicepValue, type BicepContext } from './bicep-expression.js';
import { assignSymbols } from './identifiers.js';
import { article } from '../../core/text.js';

/** Bicep type keyword and `@secure()` for each ARM parameter/output type. */
const BICEP_TYPES: Record<string, { type: string; secure: boolean }> = {
  string: { type: 'string', secure: false },
  securestring: { type: 'string', secure: true },
  int: { type: 'int', secure: false },
  bool: { type: 'bool', secure: false },
  object: { type: 'object', secure: false },
  secureObject: { type: 'object', secure: true },
  array: { type: 'array', secure: false },
};

/** An unknown type is a validation problem of its construct: rendered as it is, never thrown on. */
function bicepType(type: string): { type: string; secure: boolean } {
  return BICEP_TYPES[type] ?? { type, secure: false };
}

/**
 * Renders the Bicep file of a stack. Names Bicep cannot express (a parameter called `true`, ...)
 * are reported to `problems`.
 */
export function renderBicep(model: StackModel, problems: Problem[] = []): string {
  const symbols = assignSymbols(model, calledFunctions(model), problems);
  const used = new Set<ResourceBase>();
  // The declaration being rendered, for problems found inside its expressions.
  let at = model.stack.node.path;
  const refused = new Set<string>();
  const conditional = new Set<ResourceBase>(model.resources.filter((r) => r.condition !== undefined).map((r) => r.resource));
  const ctx: WriterContext = {
    symbolOf: (target) => {
      const symbol = symbols.resourceSymbol(target as ResourceBase);
      if (symbol) used.add(target as ResourceBase);
      return symbol;
    },
    identityOf: model.identityOf,
    parameterSymbol: (p) => p.parameterName,
    variableSymbol: (v) => symbols.variables.get(v as Variable) ?? v.variableName,
    isShadowed: (f) => symbols.shadowedFunctions.has(f),
    refuse: (message) => {
      const key = `${at}\u0000${message}`;
      if (refused.has(key)) return;
      refused.add(key);
      problems.push({ path: at, message: `the Bicep file cannot express this: ${message}` });
    },
    at: (path) => {
      at = path;
    },
    inferredReach: inferredReachOf(model),
    isConditional: (target) => conditional.has(target as ResourceBase),
  };

  const header = model.stack.description ? [`metadata description = ${bicepString(model.stack.description)}`] : [];
  const parameters = model.parameters.map((p) => renderParameter(p, ctx, problems));
  const variables = model.variables.map((v) => {
    ctx.at(v.variable.node.path);
    return assignment(`var ${ctx.variableSymbol(v.variable)}`, v.value, ctx);
  });
  const typeLiterals = new Map<string, string>();
  const resources = model.resources.map((r) => {
    const out: string[] = [];
    appendResource(out, r, ctx, typeLiterals);
    return out.join('');
  });
  const outputs = model.outputs.map((o) => renderOutput(o, ctx));
  // Rendered last: which imported resources need a declaration is known only now.
  const existing = renderUsedExisting(model.existing, used, ctx);
  // Bicep declarations may come in any order: an existing child goes after its declared parent.
  const declared = new Map(model.resources.map((r, i) => [r.resource as IResourceTarget, i]));
  const anchorOf = (e: ExistingModel): number | undefined => {
    const parent = e.resource.parentResource;
    const parentExisting = parent && model.existing.find((x) => x.resource === parent);
    return parent === undefined ? undefined : declared.get(parent) ?? (parentExisting && anchorOf(parentExisting));
  };
  const top: string[] = [];
  const after = new Map<number, string[]>();
  for (const [e, text] of existing) {
    const anchor = anchorOf(e);
    if (anchor === undefined) top.push(text);
    else after.set(anchor, [...(after.get(anchor) ?? []), text]);
  }
  const body = resources.flatMap((text, i) => [text, ...(after.get(i) ?? [])]);

  return [header, parameters, variables, top, body, outputs].flat().join('\n\n') + '\n';
}

/** The context plus where the writer is (for refusals). */
interface WriterContext extends BicepContext {
  /** Sets the construct path that refusals are reported at. */
  at(path: string): void;
  /** True if `from` waits for `to` through references and parents alone, transitively. */
  inferredReach(from: ArmResource, to: ArmResource): boolean;
}

/**
 * Whether `from` reaches `to` through non-ordering edges (what Bicep infers), transitively. Asked
 * only for ordering edges, which are few; each question walks until it finds `to`, so a long chain
 * costs one walk per ordering edge, not a reach set per resource.
 */
function inferredReachOf(model: StackModel): (from: ArmResource, to: ArmResource) => boolean {
  const edges = new Map<ArmResource, readonly Edge[]>();
  for (const r of model.resources) edges.set(r.resource, r.dependencies);
  return (from, to) => {
    const seen = new Set<ArmResource>();
    const pending = [from];
    while (pending.length) {
      for (const edge of edges.get(pending.pop()!) ?? []) {
        if (edge.kind === 'ordering' || seen.has(edge.to)) continue;
        if (edge.to === to) return true;
        seen.add(edge.to);
        pending.push(edge.to);
      }
    }
    return false;
  };
}

function renderParameter({ parameter, defaultValue }: ParameterModel, ctx: WriterContext, problems: Problem[]): string {
  ctx.at(parameter.node.path);
  const p = parameter.props;
  const { type, secure } = bicepType(p.type);
  const lines: string[] = [];
  if (p.description) lines.push(`${decorator('description', ctx)}(${bicepString(p.description)})`);
  if (secure) lines.push(`${decorator('secure', ctx)}()`);
  if (p.allowedValues) lines.push(`${decorator('allowed', ctx)}(${renderBicepValue([...p.allowedValues], ctx)})`);
  if (p.minValue !== undefined) lines.push(`${decorator('minValue', ctx)}(${p.minValue})`);
  if (p.maxValue !== undefined) lines.push(`${decorator('maxValue', ctx)}(${p.maxValue})`);
  if (p.minLength !== undefined) lines.push(`${decorator('minLength', ctx)}(${p.minLength})`);
  if (p.maxLength !== undefined) lines.push(`${decorator('maxLength', ctx)}(${p.maxLength})`);
  if (defaultValue === null) {
    // `param o object = null` does not type-check in Bicep (null is not an object), and the
    // nullable form (`object?`) means "optional", which ARM's defaultValue null does not say.
    const a = article(type);
    problems.push({ path: parameter.node.path, message: `parameter '${parameter.parameterName}' has the default null, which Bicep refuses for ${a} ${type} parameter: omit the default, or give ${a} ${type} (e.g. ${EMPTY_VALUE[type] ?? "''"}).` });
  }
  const declaration = `param ${(parameter as Parameter).parameterName} ${type}`;
  lines.push(defaultValue === undefined ? declaration : assignment(declaration, defaultValue, ctx));
  return lines.join('\n');
}

/** An example value of each type, for messages. */
const EMPTY_VALUE: Record<string, string> = { string: "''", int: '0', bool: 'false', object: '{}', array: '[]' };

/** `@name`, or `@sys.name` when a parameter shadows the decorator. */
function decorator(name: string, ctx: BicepContext): string {
  return ctx.isShadowed(name.toLowerCase()) ? `@sys.${name}` : `@${name}`;
}

function renderOutput(o: OutputModel, ctx: WriterContext): string {
  ctx.at(o.output.node.path);
  const description = o.output.props.description ? `${decorator('description', ctx)}(${bicepString(o.output.props.description)})\n` : '';
  return description + assignment(`output ${o.output.outputName} ${bicepType(o.type).type}`, o.value, ctx);
}

/** `declaration = value` at the start of a line (the value breaks where `bicep format` would). */
function assignment(declaration: string, value: Resolved, ctx: BicepContext): string {
  const head = `${declaration} = `;
  return head + renderBicepValue(value, ctx, '', head.length);
}


function appendResource(out: string[], model: ResourceModel, ctx: WriterContext, typeLiterals: Map<string, string>): void {
  const r = model.resource;
  ctx.at(r.node.path);
  const typeKey = `${r.resourceType}@${r.apiVersion}`;
  let typeLiteral = typeLiterals.get(typeKey);
  if (typeLiteral === undefined) typeLiterals.set(typeKey, (typeLiteral = bicepString(typeKey)));
  const head = `resource ${ctx.symbolOf(r)!} ${typeLiteral} = `;
  const condition = model.condition === undefined ? '' : `if (${renderBicepValue(model.condition, ctx, '', head.length + 4)}) `;
  out.push(head, condition, '{');
  for (const line of identityLines(model.identity, ctx)) out.push('\n', line);
  for (const key of RESOURCE_BODY_KEYS) {
    const value = model.body[key];
    if (value === undefined) continue;
    out.push('\n  ', key, ': ');
    appendBicepValue(out, value, ctx, '  ', 2 + key.length + 2);
  }
  const ordering = orderingDependencies(model, ctx);
  if (ordering.length) {
    out.push('\n  dependsOn: [');
    for (const { symbol, reason } of ordering) out.push('\n    ', symbol, reason ? ` // ${reason}` : '');
    out.push('\n  ]');
  }
  out.push('\n}');
}

/** `parent:` and `name:` (or the full `a/b` name when the parent has no symbol in this file). */
function identityLines(identity: ResolvedIdentity, ctx: BicepContext): string[] {
  const parent = identity.target.parentResource;
  const parentSymbol = parent ? ctx.symbolOf(parent) : undefined;
  const name = parent && !parentSymbol ? identity.fullName : shortNameOf(identity);
  return [...(parentSymbol ? [`  parent: ${parentSymbol}`] : []), `  name: ${renderBicepValue(name, ctx, '  ', '  name: '.length)}`];
}

/**
 * Ordering edges Bicep cannot infer, one per target, sorted by symbol, with their short reason as a
 * comment. An ordering edge to a resource the resource already reaches through references and
 * parents (its own or, transitively, those of what it references) is left out: Bicep infers that
 * order and its linter flags the entry as unnecessary (no-unnecessary-dependson). The ARM template
 * keeps every direct edge.
 */
function orderingDependencies(model: ResourceModel, ctx: WriterContext): Array<{ symbol: string; reason: string }> {
  const bySymbol = new Map<string, string>();
  for (const edge of model.dependencies) {
    if (edge.kind !== 'ordering' || ctx.inferredReach(model.resource, edge.to)) continue;
    const symbol = ctx.symbolOf(edge.to);
    if (symbol && !bySymbol.has(symbol)) bySymbol.set(symbol, shortReason(edge.reason, symbol));
  }
  return [...bySymbol].sort(([a], [b]) => compareStrings(a, b)).map(([symbol, reason]) => ({ symbol, reason }));
}

/** `bicep format`'s line width, which a dependsOn line with its comment stays within. */
const LINE_WIDTH = 120;

/**
 * The comment of an ordering edge after `symbol` (the edge's target): the reason on one line, cut
 * to the line width. The manifest keeps the full reason.
 */
export function shortReason(reason: string, symbol: string): string {
  const text = reason.replace(/\s+/g, ' ').trim();
  const room = Math.max(LINE_WIDTH - `    ${symbol} // `.length, 20);
  return text.length <= room ? text : `${text.slice(0, room - 3).replace(/\s+\S*$/, '').trimEnd()}...`;
}

/**
 * `existing` declarations for the imported resources the file refers to (directly, as a parent,
 * or from another existing declaration), in model order.
 */
function renderUsedExisting(all: readonly ExistingModel[], used: Set<ResourceBase>, ctx: WriterContext): Array<[ExistingModel, string]> {
  const rendered = new Map<ExistingModel, string>();
  // Rendering one declaration can use more symbols (its parent, names, scope): repeat until stable.
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of all) {
      if (rendered.has(e) || !used.has(e.resource)) continue;
      rendered.set(e, renderExisting(e, ctx));
      changed = true;
    }
  }
  return all.filter((e) => rendered.has(e)).map((e) => [e, rendered.get(e)!]);
}

function renderExisting(e: ExistingModel, ctx: WriterContext): string {
  const r = e.resource;
  ctx.at(r.node.path);
  const lines: string[] = [];
  if (!r.parentResource && r.resourceGroupName !== undefined) {
    const args = [e.identity.subscriptionId, e.identity.resourceGroupName].filter((a) => a !== undefined);
    lines.push(`  scope: ${renderBicepCall('resourceGroup', args, ctx, '  scope: '.length, 1)}`);
  }
  lines.push(...identityLines(e.identity, ctx));
  return `resource ${ctx.symbolOf(r)} ${bicepString(`${r.resourceType}@${r.apiVersion}`)} existing = {\n${lines.join('\n')}\n}`;
}

/** Names of every function the model calls, so no symbol shadows one of them. */
function calledFunctions(model: StackModel): Set<string> {
  const names = new Set<string>();
  const visit = (v: unknown) => collectCalls(v, names);
  const visitIdentity = ({ segments, resourceGroupName, subscriptionId }: ResolvedIdentity) => {
    visit(segments[segments.length - 1]); // the parents' segments are visited with the parents
    visit(resourceGroupName);
    visit(subscriptionId);
  };
  for (const p of model.parameters) visit(p.defaultValue);
  for (const v of model.variables) visit(v.value);
  for (const r of model.resources) {
    visitIdentity(r.identity);
    visit(r.condition);
    Object.values(r.body).forEach(visit);
  }
  for (const e of model.existing) visitIdentity(e.identity);
  for (const o of model.outputs) visit(o.value);
  return names;
}

/** Adds the functions a value calls to `names`. */
function collectCalls(v: unknown, names: Set<string>): void {
  const value = normalizeArgument(v);
  if (Expression.isExpression(value)) visitExpression(value, CALLS, names);
  else if (Array.isArray(value)) value.forEach((item) => collectCalls(item, names));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => collectCalls(item, names));
}

/** Where each kind of node holds calls: a call's name and arguments, the values inside the others. */
const CALLS: ExpressionVisitor<void, [Set<string>]> = {
  literal: () => undefined,
  parameter: () => undefined,
  variable: () => undefined,
  call: (e, names) => {
    names.add(e.name);
    e.args.forEach((a) => collectCalls(a, names));
  },
  access: (e, names) => collectCalls(e.base, names),
  interpolation: (e, names) => e.parts.forEach((p) => collectCalls(p, names)),
  // The names and scopes of the stack's resources are visited once, from the model (calledFunctions).
  resource: () => undefined,
};
