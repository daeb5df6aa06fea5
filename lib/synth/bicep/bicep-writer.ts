/**
 * The Bicep writer: renders a stack model as a `.bicep` file that describes the same deployment
 * as the ARM template, in the shape a person would write by hand.
 *
 * - declarations grouped: `metadata`, `param`s, `var`s, `existing` resources, resources, `output`s,
 *   one blank line between declarations, 2-space indent, LF, final newline;
 * - children use `parent:` and their short name (not `a/b` names, and not nested declarations,
 *   which would inherit the parent's `if` condition where ARM does not);
 * - `dependsOn` lists only ordering edges: Bicep infers references and parents itself;
 * - `existing` declarations only for imported resources the file uses.
 */
import type { Problem } from '../../core/errors.js';
import { Expression, type AnyExpression, type IResourceTarget } from '../../core/expression.js';
import type { Parameter } from '../../core/parameter.js';
import type { ResourceBase } from '../../core/resource-base.js';
import type { Variable } from '../../core/variable.js';
import { fullNameOf } from '../arm-expression.js';
import { compareStrings } from '../json.js';
import { normalizeArgument, type Resolved } from '../resolve.js';
import { RESOURCE_BODY_KEYS, type ExistingModel, type OutputModel, type ParameterModel, type ResourceModel, type StackModel } from '../stack-model.js';
import { bicepString } from './bicep-syntax.js';
import { appendBicepValue, renderBicepValue, type BicepContext } from './bicep-expression.js';
import { assignSymbols } from './identifiers.js';

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

/**
 * Renders the Bicep file of a stack. Names Bicep cannot express (a parameter called `true`, ...)
 * are reported to `problems`.
 */
export function renderBicep(model: StackModel, problems: Problem[] = []): string {
  const symbols = assignSymbols(model, calledFunctions(model), problems);
  const used = new Set<ResourceBase>();
  const ctx: BicepContext = {
    symbolOf: (target) => {
      const symbol = symbols.resourceSymbol(target as ResourceBase);
      if (symbol) used.add(target as ResourceBase);
      return symbol;
    },
    parameterSymbol: (p) => p.parameterName,
    variableSymbol: (v) => symbols.variables.get(v as Variable) ?? v.variableName,
    isShadowed: (f) => symbols.shadowedFunctions.has(f),
  };

  const header = model.stack.description ? [`metadata description = ${bicepString(model.stack.description)}`] : [];
  const parameters = model.parameters.map((p) => renderParameter(p, ctx));
  const variables = model.variables.map((v) => `var ${ctx.variableSymbol(v.variable)} = ${renderBicepValue(v.value, ctx)}`);
  const typeLiterals = new Map<string, string>();
  const resources = model.resources.map((r) => {
    const out: string[] = [];
    appendResource(out, r, ctx, typeLiterals);
    return out.join('');
  });
  const outputs = model.outputs.map((o) => renderOutput(o, ctx));
  // Rendered last: which imported resources need a declaration is known only now.
  const existing = renderUsedExisting(model.existing, used, ctx);

  return [header, parameters, variables, existing, resources, outputs].flat().join('\n\n') + '\n';
}

function renderParameter({ parameter, defaultValue }: ParameterModel, ctx: BicepContext): string {
  const p = parameter.props;
  const { type, secure } = BICEP_TYPES[p.type];
  const lines: string[] = [];
  if (p.description) lines.push(`@description(${bicepString(p.description)})`);
  if (secure) lines.push('@secure()');
  if (p.allowedValues) lines.push(`@allowed(${renderBicepValue([...p.allowedValues], ctx)})`);
  if (p.minValue !== undefined) lines.push(`@minValue(${p.minValue})`);
  if (p.maxValue !== undefined) lines.push(`@maxValue(${p.maxValue})`);
  if (p.minLength !== undefined) lines.push(`@minLength(${p.minLength})`);
  if (p.maxLength !== undefined) lines.push(`@maxLength(${p.maxLength})`);
  const assignment = defaultValue === undefined ? '' : ` = ${renderBicepValue(defaultValue, ctx)}`;
  lines.push(`param ${(parameter as Parameter).parameterName} ${type}${assignment}`);
  return lines.join('\n');
}

function renderOutput(o: OutputModel, ctx: BicepContext): string {
  const description = o.output.props.description ? `@description(${bicepString(o.output.props.description)})\n` : '';
  return `${description}output ${o.output.outputName} ${BICEP_TYPES[o.type].type} = ${renderBicepValue(o.value, ctx)}`;
}


function appendResource(out: string[], model: ResourceModel, ctx: BicepContext, typeLiterals: Map<string, string>): void {
  const r = model.resource;
  const typeKey = `${r.resourceType}@${r.apiVersion}`;
  let typeLiteral = typeLiterals.get(typeKey);
  if (typeLiteral === undefined) typeLiterals.set(typeKey, (typeLiteral = bicepString(typeKey)));
  const condition = model.condition === undefined ? '' : `if (${renderBicepValue(model.condition, ctx)}) `;
  out.push('resource ', ctx.symbolOf(r)!, ' ', typeLiteral, ' = ', condition, '{');
  for (const line of identityLines(r, model.shortName, model.fullName, ctx)) out.push('\n', line);
  for (const key of RESOURCE_BODY_KEYS) {
    const value = model.body[key];
    if (value === undefined) continue;
    out.push('\n  ', key, ': ');
    appendBicepValue(out, value, ctx, '  ');
  }
  const ordering = orderingDependencies(model, ctx);
  if (ordering.length) {
    out.push('\n  dependsOn: [');
    for (const { symbol, reason } of ordering) out.push('\n    ', symbol, ' // ', reason);
    out.push('\n  ]');
  }
  out.push('\n}');
}

/** `parent:` and `name:` (or the full `a/b` name when the parent has no symbol in this file). */
function identityLines(target: IResourceTarget, shortName: Resolved, fullName: Resolved | undefined, ctx: BicepContext): string[] {
  const parent = target.parentResource;
  const parentSymbol = parent ? ctx.symbolOf(parent) : undefined;
  if (parent && !parentSymbol) return [`  name: ${renderBicepValue(fullName ?? (fullNameOf(target) as Resolved), ctx, '  ')}`];
  return [...(parentSymbol ? [`  parent: ${parentSymbol}`] : []), `  name: ${renderBicepValue(shortName, ctx, '  ')}`];
}

/** Ordering edges (those Bicep cannot infer), one per target, sorted by symbol, with their reason as a comment. */
function orderingDependencies(model: ResourceModel, ctx: BicepContext): Array<{ symbol: string; reason: string }> {
  const bySymbol = new Map<string, string>();
  for (const edge of model.dependencies) {
    if (edge.kind !== 'ordering') continue;
    const symbol = ctx.symbolOf(edge.to);
    if (symbol && !bySymbol.has(symbol)) bySymbol.set(symbol, edge.reason.replace(/\s+/g, ' ').trim());
  }
  return [...bySymbol].sort(([a], [b]) => compareStrings(a, b)).map(([symbol, reason]) => ({ symbol, reason }));
}

/**
 * `existing` declarations for the imported resources the file refers to (directly, as a parent,
 * or from another existing declaration), in model order.
 */
function renderUsedExisting(all: readonly ExistingModel[], used: Set<ResourceBase>, ctx: BicepContext): string[] {
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
  return all.filter((e) => rendered.has(e)).map((e) => rendered.get(e)!);
}

function renderExisting(e: ExistingModel, ctx: BicepContext): string {
  const r = e.resource;
  const lines: string[] = [];
  if (!r.parentResource && r.resourceGroupName !== undefined) {
    const args = [r.subscriptionId, r.resourceGroupName].filter((a) => a !== undefined).map((a) => renderBicepValue(asResolved(a), ctx));
    lines.push(`  scope: ${ctx.isShadowed('resourcegroup') ? 'az.' : ''}resourceGroup(${args.join(', ')})`);
  }
  lines.push(...identityLines(r, e.shortName, undefined, ctx));
  return `resource ${ctx.symbolOf(r)} ${bicepString(`${r.resourceType}@${r.apiVersion}`)} existing = {\n${lines.join('\n')}\n}`;
}

/** A name value (string, string with tokens, or expression) as a resolved value. */
function asResolved(value: unknown): Resolved {
  return normalizeArgument(value) as Resolved;
}

/** Names of every function the model calls, so no symbol shadows one of them. */
function calledFunctions(model: StackModel): Set<string> {
  const names = new Set<string>();
  const visit = (v: unknown): void => {
    const value = normalizeArgument(v);
    if (Expression.isExpression(value)) {
      const e = value as AnyExpression;
      if (e.kind === 'call') {
        names.add(e.name);
        e.args.forEach(visit);
      } else if (e.kind === 'access') visit(e.base);
      else if (e.kind === 'interpolation') e.parts.forEach(visit);
      else if (e.kind === 'resource') {
        for (let t: IResourceTarget | undefined = e.target; t; t = t.parentResource) {
          visit(t.shortName);
          visit(t.resourceGroupName);
          visit(t.subscriptionId);
        }
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const p of model.parameters) visit(p.defaultValue);
  for (const v of model.variables) visit(v.value);
  for (const r of model.resources) {
    visit(r.shortName);
    visit(r.condition);
    Object.values(r.body).forEach(visit);
  }
  for (const e of model.existing) {
    visit(e.shortName);
    visit(e.resource.resourceGroupName);
    visit(e.resource.subscriptionId);
  }
  for (const o of model.outputs) visit(o.value);
  return names;
}
