/**
 * Where in its owner a rendered expression is (`properties.y.z[0]`), for messages about
 * expressions over ARM's length limit. Runs only when there are such expressions: the hot path
 * renders without tracking paths.
 */
import type { LongExpression } from './limits.js';
import type { StackModel } from './stack-model.js';
import { jsonPathTo } from './json.js';

/** The long expressions with `place` narrowed from the top-level key to the full property path. */
export function locateLongExpressions(templateJson: string, model: StackModel, long: readonly LongExpression[]): LongExpression[] {
  if (long.length === 0) return [];
  const template = JSON.parse(templateJson) as Record<string, any>;
  return long.map((e) => {
    const found = containerOf(template, model, e);
    const suffix = found && jsonPathTo(found.value, (text) => text === e.text);
    return found && suffix !== undefined ? { ...e, place: found.base + suffix } : e;
  });
}

function containerOf(template: Record<string, any>, model: StackModel, e: LongExpression): { value: unknown; base: string } | undefined {
  const index = model.resources.findIndex((r) => r.resource.node.path === e.path);
  if (index >= 0) return { value: template.resources?.[index]?.[e.place], base: e.place };
  const parameter = model.parameters.find((p) => p.parameter.node.path === e.path);
  if (parameter) return { value: template.parameters?.[parameter.parameter.parameterName]?.defaultValue, base: e.place };
  const variable = model.variables.find((v) => v.variable.node.path === e.path);
  if (variable) return { value: template.variables?.[variable.variable.variableName], base: e.place };
  const output = model.outputs.find((o) => o.output.node.path === e.path);
  if (output) return { value: template.outputs?.[output.output.outputName]?.value, base: e.place };
  return undefined;
}
