/**
 * The ARM writer: renders a stack model as a deploymentTemplate (classic `resources` array),
 * with keys in a fixed order so output is byte-for-byte stable.
 */
import { toArmJson, armResourceId, type ExpressionSink } from './arm-expression.js';
import { RESOURCE_BODY_KEYS, type ParameterModel, type ResourceModel, type StackModel } from './stack-model.js';

/** `$schema` of resource-group deployment templates. */
export const DEPLOYMENT_TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
/** `$schema` of deployment parameter files. */
export const DEPLOYMENT_PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';


/**
 * Receives every rendered expression string with where it is: the construct path of its owner
 * and the place in it (`properties`, `defaultValue`, ...). Used to check ARM's expression limit.
 */
export type LocatedExpressionSink = (expression: string, ownerPath: string, place: string) => void;

/** Renders the template object of a stack. `sink` receives every expression string (for limits). */
export function renderArmTemplate(model: StackModel, sink?: LocatedExpressionSink): Record<string, unknown> {
  const at = (owner: { node: { path: string } }, place: string): ExpressionSink | undefined => sink && ((e) => sink(e, owner.node.path, place));
  const template: Record<string, unknown> = {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    metadata: { _generator: { name: 'azcdk' }, ...(model.stack.description ? { description: model.stack.description } : {}) },
    parameters: Object.fromEntries(model.parameters.map((p) => [p.parameter.parameterName, renderParameter(p, model, at(p.parameter, 'defaultValue'))])),
  };
  if (model.variables.length) {
    template.variables = Object.fromEntries(model.variables.map((v) => [v.variable.variableName, toArmJson(v.value, at(v.variable, 'value'), model.identityOf)]));
  }
  // Each resource's id is rendered once for all the dependsOn lists that name it.
  const ids = new Map<ResourceModel['resource'], string>();
  const idOf = (r: ResourceModel['resource']) => ids.get(r) ?? ids.set(r, `[${armResourceId(r, model.identityOf)}]`).get(r)!;
  template.resources = model.resources.map((r) => renderResource(r, model, idOf, sink));
  if (model.outputs.length) {
    template.outputs = Object.fromEntries(
      model.outputs.map((o) => [
        o.output.outputName,
        { type: o.type, value: toArmJson(o.value, at(o.output, 'value'), model.identityOf), ...(o.output.props.description ? { metadata: { description: o.output.props.description } } : {}) },
      ]),
    );
  }
  return template;
}

function renderParameter(model: ParameterModel, stack: StackModel, sink?: ExpressionSink): Record<string, unknown> {
  const p = model.parameter.props;
  const out: Record<string, unknown> = { type: p.type };
  if (model.defaultValue !== undefined) out.defaultValue = toArmJson(model.defaultValue, sink, stack.identityOf);
  if (p.allowedValues) out.allowedValues = [...p.allowedValues];
  if (p.minValue !== undefined) out.minValue = p.minValue;
  if (p.maxValue !== undefined) out.maxValue = p.maxValue;
  if (p.minLength !== undefined) out.minLength = p.minLength;
  if (p.maxLength !== undefined) out.maxLength = p.maxLength;
  if (p.description) out.metadata = { description: p.description };
  return out;
}

function renderResource(
  model: ResourceModel, stack: StackModel, idOf: (r: ResourceModel['resource']) => string, located?: LocatedExpressionSink,
): Record<string, unknown> {
  const r = model.resource;
  const identityOf = stack.identityOf;
  // One closure per resource; `place` follows the key being rendered.
  let place = '';
  const sink: ExpressionSink | undefined = located && ((e) => located(e, r.node.path, place));
  const out: Record<string, unknown> = {};
  place = 'condition';
  if (model.condition !== undefined) out.condition = toArmJson(model.condition, sink, identityOf);
  out.type = r.resourceType;
  out.apiVersion = r.apiVersion;
  place = 'name';
  out.name = toArmJson(model.identity.fullName, sink, identityOf);
  for (const key of RESOURCE_BODY_KEYS) {
    place = key;
    if (model.body[key] !== undefined) out[key] = toArmJson(model.body[key], sink, identityOf);
  }
  const dependsOn = [...new Set(model.dependencies.map((e) => idOf(e.to)))].sort();
  if (dependsOn.length) out.dependsOn = dependsOn;
  return out;
}

/** The `<Stack>.parameters.json` object: non-secret values given with `Parameter({ value })`. */
export function renderParametersFile(model: StackModel): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const { parameter } of model.parameters) {
    if (parameter.props.value !== undefined && !parameter.isSecure) parameters[parameter.parameterName] = { value: parameter.props.value };
  }
  return { $schema: DEPLOYMENT_PARAMETERS_SCHEMA, contentVersion: '1.0.0.0', parameters };
}
