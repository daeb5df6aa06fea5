/**
 * Values that flow from one stack to the next in one run. Stacks cannot reference each other's
 * resources or parameters; they pass values as an output of one stack and a parameter of the
 * other. A parameter takes the output of the same name of a stack it depends on
 * (`stack.addStackDependency(other)`) when that stack is deployed earlier in the same run and
 * neither `--parameters` nor the stack's parameters file gives the parameter a value (the output
 * wins over the parameter's default).
 */
import { UsageError } from '../core/errors.js';
import type { TemplateParameter } from './parameters.js';
import type { StackArtifact } from './stacks.js';
import { article } from '../core/text.js';

/**
 * The parameters of `stack` that outputs of its dependencies provide: parameter name -> the stack
 * (deployed earlier in this run) whose output of that name it takes.
 * @param selected the stacks of this run
 * @param given parameters that already have a value (--parameters, the parameters file)
 */
export function outputFeeds(stack: StackArtifact, selected: readonly StackArtifact[], given: ReadonlySet<string>): Map<string, string> {
  const fed = new Map<string, string>();
  const declared: Readonly<Record<string, TemplateParameter>> = stack.template.parameters ?? {};
  const byName = new Map(selected.map((s) => [s.name, s]));
  for (const [name, parameter] of Object.entries(declared)) {
    if (given.has(name)) continue;
    const providers = (stack.manifest.dependencies ?? []).filter((d) => byName.get(d)?.manifest.outputs?.[name]);
    if (providers.length > 1) {
      throw new UsageError(
        `${stack.name}: parameter '${name}' could take the output '${name}' of ${providers.join(' or ')} (stacks it depends on). ` +
          `Say which value it gets with --parameters ${name}=VALUE, or rename one of the outputs.`,
      );
    }
    if (providers.length === 1) {
      const provider = providers[0];
      const outputType = byName.get(provider)!.manifest.outputs[name].type;
      if (!typesMatch(parameter.type, outputType)) {
        throw new UsageError(
          `${stack.name}: parameter '${name}' (${parameter.type}) would take the output '${name}' of ${provider}, which is ${article(outputType)} ${outputType}. ` +
            `Give the output and the parameter the same type, rename one of them, or pass --parameters ${name}=VALUE.`,
        );
      }
      fed.set(name, providers[0]);
    }
  }
  return fed;
}

/** Same type, or the secure form of it (a string output may feed a securestring parameter). */
function typesMatch(parameterType: string, outputType: string): boolean {
  return parameterType.toLowerCase().replace(/^secure/, '') === outputType.toLowerCase();
}
