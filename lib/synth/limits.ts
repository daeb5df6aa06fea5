/**
 * ARM template limits, enforced at synth time so a template never fails on upload.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/best-practices#template-limits
 */
import type { Problem } from '../core/errors.js';
import { compareStrings } from './json.js';
import { MAX_EXPRESSION_LENGTH } from './arm-expression.js';

/** The limits. */
export const ARM_LIMITS = {
  templateBytes: 4 * 1024 * 1024,
  parameters: 256,
  variables: 512,
  resources: 800,
  outputs: 64,
  expressionLength: MAX_EXPRESSION_LENGTH,
} as const;

/** What is measured of one rendered template. */
export interface TemplateMeasure {
  readonly stackPath: string;
  /** Size of the template as written (2-space indented). */
  readonly bytes: number;
  /**
   * Size as Azure measures it: the compact JSON request body az and the SDKs send. Computed only
   * when `bytes` is over the limit (the compact form is never larger).
   */
  readonly compactBytes: () => number;
  readonly parameters: number;
  readonly variables: number;
  /** Resource types with their counts. */
  readonly resourceTypes: ReadonlyMap<string, number>;
  readonly outputs: number;
  /** Expressions longer than the limit. */
  readonly longExpressions: readonly LongExpression[];
}

/** An expression over ARM's length limit, with where it is. */
export interface LongExpression {
  readonly text: string;
  /** Construct path of the resource, parameter, variable or output holding it. */
  readonly path: string;
  /** Where in it: `properties`, `name`, `value`, ... */
  readonly place: string;
}

/** Problems for every limit the template exceeds. */
export function checkLimits(m: TemplateMeasure): Problem[] {
  const problems: Problem[] = [];
  const add = (message: string) => problems.push({ path: m.stackPath, message });
  const resources = [...m.resourceTypes.values()].reduce((a, b) => a + b, 0);
  const compact = m.bytes > ARM_LIMITS.templateBytes ? m.compactBytes() : 0;
  if (compact > ARM_LIMITS.templateBytes) {
    add(
      `template is ${compact} bytes as Azure measures it (compact JSON, as az and the SDKs send it; the indented file is ${m.bytes} bytes); ` +
        `ARM accepts at most ${ARM_LIMITS.templateBytes} (4 MB). Split the stack into several stacks.`,
    );
  }
  if (m.parameters > ARM_LIMITS.parameters) {
    add(`template has ${m.parameters} parameters; ARM accepts at most ${ARM_LIMITS.parameters}. Group related values into one object parameter.`);
  }
  if (m.variables > ARM_LIMITS.variables) {
    add(`template has ${m.variables} variables; ARM accepts at most ${ARM_LIMITS.variables}. Group related values into one object variable.`);
  }
  if (resources > ARM_LIMITS.resources) {
    const byType = [...m.resourceTypes].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([t, n]) => `${t}: ${n}`);
    add(`template has ${resources} resources (${byType.join(', ')}); ARM accepts at most ${ARM_LIMITS.resources}. Split the stack into several stacks.`);
  }
  if (m.outputs > ARM_LIMITS.outputs) {
    add(`template has ${m.outputs} outputs; ARM accepts at most ${ARM_LIMITS.outputs}. Return one object output instead of many.`);
  }
  for (const e of m.longExpressions) {
    problems.push({
      path: e.path,
      message: `${e.place}: an expression is ${e.text.length} characters long; ARM accepts at most ${ARM_LIMITS.expressionLength}: ${e.text.slice(0, 80)}... Move parts into variables.`,
    });
  }
  return problems;
}
