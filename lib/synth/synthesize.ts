/**
 * Synthesis: aspects -> validation -> stack models -> ARM templates, parameter files and the
 * manifest, all in memory. Nothing is written here, so a failure leaves no partial output.
 */
import type { IConstruct } from 'constructs';
import type { App } from '../core/app.js';
import { collectAnnotations, type Annotation } from '../core/annotations.js';
import { invokeAspects } from '../core/aspects.js';
import type { Assembly } from '../core/assembly.js';
import { ValidationError, type Problem } from '../core/errors.js';
import { Stack } from '../core/stack.js';
import { MAX_EXPRESSION_LENGTH } from './arm-expression.js';
import { renderArmTemplate, renderParametersFile, type LocatedExpressionSink } from './arm-template.js';
import { findCycles } from './cycles.js';
import { compareStrings, stableJson } from './json.js';
import { checkLimits, type LongExpression } from './limits.js';
import { lintStack } from './lint.js';
import { validateStack } from './validate/index.js';
import { checkJsonHasNoRawTokens, checkTextHasNoRawTokens } from './token-guard.js';
import { locateLongExpressions } from './locate-expression.js';
import { MANIFEST_FILE, MANIFEST_VERSION, manifestStack, type Manifest, type ManifestStack } from './manifest.js';
import { buildStackModel, type StackModel } from './stack-model.js';
import { renderBicep } from './bicep/bicep-writer.js';

export { MANIFEST_FILE } from './manifest.js';

/**
 * Synthesizes every stack of an app. Throws ValidationError with every problem found.
 * Use selectStacks() to narrow the result to some stacks.
 */
export function synthesize(app: App): Assembly {
  invokeAspects(app);
  app.node.lock();
  const problems: Problem[] = [];
  const constructs = app.node.findAll();
  for (const construct of constructs) {
    for (const message of construct.node.validate()) problems.push({ path: construct.node.path, message });
  }
  const annotations = collectAnnotations(constructs);
  for (const a of annotations) if (a.level === 'error') problems.push({ path: a.path, message: a.message });

  const stacks = stacksOf(app, problems);
  const files = new Map<string, string>();
  // Raw tokens in files, reported only when nothing else is: a field that refused an expression says so itself.
  const leaks: Problem[] = [];
  const manifestStacks: Record<string, ManifestStack> = {};
  for (const stack of stacks) {
    const prefix = stack.node.path + '/';
    const members = constructs.filter((c) => c.node.path.startsWith(prefix));
    manifestStacks[stack.stackName] = synthesizeStack(stack, members, app.enforceLimits, annotations, problems, leaks, files);
  }
  checkStackCycles(manifestStacks, problems);
  if (problems.length) throw new ValidationError(problems);

  const manifest: Manifest = { version: MANIFEST_VERSION, stacks: manifestStacks };
  checkJsonHasNoRawTokens(MANIFEST_FILE, manifest, leaks);
  if (leaks.length) throw new ValidationError(leaks);
  files.set(MANIFEST_FILE, stableJson(manifest));
  return { files, stackNames: stacks.map((s) => s.stackName), annotations: annotations.filter((a) => a.level !== 'error') };
}

/** The app's stacks, sorted by name; names that differ only in case are a problem. */
function stacksOf(app: App, problems: Problem[]): Stack[] {
  // Directly under the App or under constructs that group them (never inside another stack).
  const all = app.node.findAll().filter(Stack.isStack).sort((a, b) => compareStrings(a.stackName, b.stackName));
  if (all.length === 0) {
    problems.push({ path: '<app>', message: "the app has no stacks: add one with new Stack(app, 'Name')." });
  }
  const byLowerName = new Map<string, Stack>();
  for (const stack of all) {
    const other = byLowerName.get(stack.stackName.toLowerCase());
    if (other?.stackName === stack.stackName) {
      problems.push({ path: stack.node.path, message: `stack name '${stack.stackName}' is also the name of stack ${other.node.path}: a stack's name names its files and deployment. Change one's id or grouping.` });
    } else if (other) {
      problems.push({ path: stack.node.path, message: `stack name '${stack.stackName}' differs from '${other.stackName}' only in case: their files would overwrite each other on case-insensitive file systems. Rename one.` });
    }
    byLowerName.set(stack.stackName.toLowerCase(), stack);
  }
  return all;
}

/** Renders one stack's files into `files` and returns its manifest entry. */
function synthesizeStack(
  stack: Stack, members: readonly IConstruct[], enforceLimits: boolean, annotations: Annotation[], problems: Problem[], leaks: Problem[], files: Map<string, string>,
): ManifestStack {
  const names = { template: `${stack.stackName}.json`, bicep: `${stack.stackName}.bicep`, parametersFile: `${stack.stackName}.parameters.json` };
  const model = buildStackModel(stack, problems, members);
  annotations.push(...lintStack(model));
  validateStack(model, problems, annotations);
  const longExpressions: LongExpression[] = [];
  const templateJson = renderTemplateJson(model, names.template, leaks, (text, path, place) => {
    if (text.length > MAX_EXPRESSION_LENGTH) longExpressions.push({ text, path, place });
  });
  if (enforceLimits) {
    const resourceTypes = new Map<string, number>();
    for (const r of model.resources) resourceTypes.set(r.resource.resourceType, (resourceTypes.get(r.resource.resourceType) ?? 0) + 1);
    problems.push(
      ...checkLimits({
        stackPath: stack.node.path,
        bytes: Buffer.byteLength(templateJson),
        compactBytes: () => Buffer.byteLength(JSON.stringify(JSON.parse(templateJson))),
        parameters: model.parameters.length,
        variables: model.variables.length,
        resourceTypes,
        outputs: model.outputs.length,
        longExpressions: locateLongExpressions(templateJson, model, longExpressions),
      }),
    );
  }
  files.set(names.template, templateJson);
  const bicep = renderBicep(model, problems);
  checkTextHasNoRawTokens(names.bicep, bicep, leaks);
  files.set(names.bicep, bicep);
  const parameters = renderParametersFile(model);
  checkJsonHasNoRawTokens(names.parametersFile, parameters, leaks);
  files.set(names.parametersFile, stableJson(parameters));
  return manifestStack(model, names, annotations);
}

// A function of its own so the template object is garbage as soon as its text exists.
function renderTemplateJson(model: StackModel, file: string, leaks: Problem[], sink: LocatedExpressionSink): string {
  const template = renderArmTemplate(model, sink);
  checkJsonHasNoRawTokens(file, template, leaks);
  return stableJson(template);
}

/** Stacks that must each deploy before the other can never deploy. */
function checkStackCycles(stacks: Record<string, ManifestStack>, problems: Problem[]): void {
  const after = (name: string) => (stacks[name]?.dependencies ?? []).map((next) => [name, next] as const);
  for (const cycle of findCycles(Object.keys(stacks), after, ([, next]) => next)) {
    const names = [...cycle.map(([name]) => name), cycle[cycle.length - 1][1]].join(' -> ');
    problems.push({ path: cycle[cycle.length - 1][0], message: `stacks depend on each other in a cycle (${names}), so none can deploy first: remove one of the dependencies.` });
  }
}
