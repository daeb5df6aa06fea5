/**
 * Where in its owner a rendered expression is (`properties.y.z[0]`), for messages about
 * expressions over ARM's length limit. Runs only when there are such expressions: the hot path
 * renders without tracking paths.
 */
import type { LongExpression } from './limits.js';
import type { StackModel } from './stack-model.js';

/** The long expressions with `place` narrowed from the top-level key to the full property path. */
export function locateLongExpressions(templateJson: string, model: StackModel, long: readonly LongExpression[]): LongExpression[] {
  if (long.length === 0) return [];
  const template = JSON.parse(templateJson) as Record<string, any>;
  return long.map((e) => {
    const found = containerOf(template, model, e);
    const path = found && findText(found.value, e.text, found.base);
    return path === undefined ? e : { ...e, place: path };
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

/** The path of the first string (or object key) equal to `text` inside `value`. */
function findText(value: unknown, text: string, path: string): string | undefined {
  if (typeof value === 'string') return value === text ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findText(value[i], text, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key === text) return `${path ? `${path}.` : ''}<key>`;
      const found = findText(v, text, at);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
