/**
 * The deploy flow for resource-group stacks: parameters -> resource group (created with
 * --location) -> validate -> what-if -> confirm -> submit -> progress -> outputs, or on
 * failure the failing operations with construct paths and the correlation id.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CliIo } from '../common/console-io.js';
import { AzcdkError, UsageError } from '../core/errors.js';
import { ArmRequestError, isTerminal, type DeploymentClient, type DeploymentRequest, type DeploymentState, type OperationInfo, type ParameterValue, type ResourceChange, type SubmittedDeployment } from './client.js';
import { describeError, describeFailure } from './failures.js';
import { checkDeploymentName, defaultDeploymentName } from './deployment-name.js';
import { checkSecureValue, checkValueType, convert, isSecureType, parametersForStack, secretsOf, unknownParameters, type ParsedParameters, type TemplateParameter } from './parameters.js';
import { ProgressView } from './progress.js';
import { choose, confirm, PromptInterrupted, type InterruptSource, type Prompter } from './prompt.js';
import type { Redactor } from './redact.js';
import { ResourceMap, type DeploymentContext } from './resource-map.js';
import { outputFeeds } from './stack-outputs.js';
import { unselectedDependencies, type StackArtifact } from './stacks.js';
import { hasChanges, renderWhatIf, whatIfJson } from './what-if.js';
import { maskWhatIf, securePropertyPaths } from './what-if-secrets.js';

/** What to do on Ctrl-C while waiting for a deployment. */
export type InterruptAction = 'ask' | 'cancel' | 'leave';

/** Options of one `azcdk deploy` run. */
export interface DeployOptions {
  readonly resourceGroup: string;
  /** Create the resource group here if it is missing. */
  readonly location?: string;
  readonly mode: 'Incremental' | 'Complete';
  readonly parameters: ParsedParameters;
  /** Stop after validation. */
  readonly validateOnly: boolean;
  /** Stop after what-if. */
  readonly whatIfOnly: boolean;
  /** Absolute path to write what-if results to. */
  readonly whatIfJson?: string;
  /** Skip confirmation. */
  readonly yes: boolean;
  /** Submit and return without waiting. */
  readonly noWait: boolean;
  readonly deploymentName?: string;
  /**
   * Follow this deployment, sent earlier (e.g. with --no-wait), instead of deploying: progress,
   * result, outputs. One stack: the one the deployment deploys (for construct paths).
   */
  readonly attach?: string;
  /** Absolute path to write outputs to. */
  readonly outputsFile?: string;
  readonly onInterrupt: InterruptAction;
  /** Milliseconds between progress refreshes. */
  readonly progressIntervalMs: number;
  /** Printed in follow-up hints (`az ... --subscription`). */
  readonly subscriptionId: string;
}

/** Everything the deployer talks to. */
export interface DeployerContext {
  readonly client: DeploymentClient;
  /** Output goes through the redactor already. */
  readonly io: CliIo;
  readonly redactor: Redactor;
  /** Questions may be asked (stdin is a terminal); prompts go to stderr, so stdout may be a file. */
  readonly canPrompt: boolean;
  readonly prompter?: Prompter;
  readonly interrupts: InterruptSource;
}

interface PreparedStack {
  readonly stack: StackArtifact;
  readonly deploymentName: string;
  readonly request: DeploymentRequest;
  /** Literal parameter values, for evaluating resource names. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Parameters that take the output of the same name of a stack deployed before (stack-outputs.ts), by the stack. */
  readonly fed: ReadonlyMap<string, string>;
}

interface MappedStack extends PreparedStack {
  readonly map: ResourceMap;
}

/** Deploys stacks in the given (dependency) order; throws AzcdkError on the first failure. */
export async function deployStacks(stacks: readonly StackArtifact[], options: DeployOptions, ctx: DeployerContext): Promise<void> {
  const { io } = ctx;
  if (options.deploymentName !== undefined) {
    checkDeploymentName(options.deploymentName);
    if (stacks.length > 1) throw new UsageError(`--deployment-name names one deployment; ${stacks.length} stacks are selected. Deploy them one at a time, or drop --deployment-name.`);
  }
  if (options.attach !== undefined) {
    checkDeploymentName(options.attach, '--attach');
    if (stacks.length !== 1) throw new UsageError(`--attach follows one deployment; ${stacks.length} stacks are selected. Name the stack it deploys: azcdk deploy STACK --attach ${options.attach}.`);
    return attachTo(stacks[0], options.attach, options, ctx);
  }
  if (options.mode === 'Complete' && stacks.length > 1) {
    // Each Complete deployment deletes what its own template does not declare: the resources of
    // the stacks deployed into the group before it.
    throw new UsageError(
      `--mode Complete with ${stacks.length} stacks (${stacks.map((s) => s.name).join(', ')}) for resource group ${options.resourceGroup}: each Complete deployment deletes ` +
        `the resources its template does not declare, so each stack would delete the resources of the stacks deployed before it. ` +
        `Deploy the stacks into different resource groups (one stack per run, each with its own -g), use --mode Incremental, or deploy one stack (azcdk deploy STACK --mode Complete).`,
    );
  }
  if (options.noWait) {
    const chained = stacks.filter((s) => s.manifest.dependencies.some((d) => stacks.some((o) => o.name === d)));
    if (chained.length) throw new UsageError(`--no-wait cannot deploy ${chained[0].name} after the stacks it depends on (${chained[0].manifest.dependencies.join(', ')}). Deploy them separately.`);
  }
  // Outputs of an earlier run must not pass for this run's if it fails.
  if (options.outputsFile) rmSync(options.outputsFile, { force: true });
  const prepared = await prepare(stacks, options, ctx);
  for (const p of prepared) {
    const missing = unselectedDependencies(p.stack, stacks);
    if (missing.length) io.err(`note: ${p.stack.name} depends on ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not selected; ${missing.length === 1 ? 'it' : 'they'} must already be deployed (or use --all).`);
  }
  const group = await ensureResourceGroup(options, ctx);
  const outputs: Record<string, Record<string, unknown>> = {};
  const whatIfs: Record<string, unknown> = {};
  for (const [index, unfed] of prepared.entries()) {
    try {
      const p = withOutputs(unfed, outputs, options, ctx);
      if (!p) continue;
      const context: DeploymentContext = { subscriptionId: options.subscriptionId, resourceGroup: group.name, location: group.location, deploymentName: p.deploymentName };
      const result = await deployOne({ ...p, map: resourceMap(p, context) }, options, ctx, whatIfs);
      if (result) {
        outputs[p.stack.name] = result;
        if (options.outputsFile) writeJson(options.outputsFile, outputs, ctx.redactor);
      }
    } catch (error) {
      const rest = prepared.slice(index + 1).map((q) => q.stack.name);
      if (!rest.length || !AzcdkError.isAzcdkError(error)) throw error;
      // The stacks after the one that failed are not attempted: say which, so none is taken for deployed.
      const message = `${error.message}\nNot deployed, since ${unfed.stack.name} failed first: ${rest.join(', ')}.`;
      throw UsageError.isUsageError(error) ? new UsageError(message) : new AzcdkError(message);
    }
  }
  if (options.outputsFile && Object.keys(outputs).length) io.out(`Outputs written to ${options.outputsFile}`);
}

/** Resolves parameters (asking for missing ones on a terminal) and deployment names. */
async function prepare(stacks: readonly StackArtifact[], options: DeployOptions, ctx: DeployerContext): Promise<PreparedStack[]> {
  const declared = stacks.map((s) => s.template.parameters ?? {});
  const unknown = unknownParameters(options.parameters, declared);
  if (unknown.length) {
    const known = [...new Set(declared.flatMap((d) => Object.keys(d)))].sort();
    throw new UsageError(`--parameters ${unknown.map((n) => `'${n}'`).join(', ')}: no selected stack has ${unknown.length === 1 ? 'this parameter' : 'these parameters'}. Parameters: ${known.join(', ') || '(none)'}.`);
  }
  const out: PreparedStack[] = [];
  const warned = new Set<string>();
  for (const stack of stacks) {
    const decl = stack.template.parameters ?? {};
    const resolved = parametersForStack(decl, stack.parameters, options.parameters, `${stack.name}: ${stack.manifest.parametersFile ?? 'the parameters file'}`);
    ctx.redactor.add(resolved.secrets);
    for (const name of resolved.inlineSecure.filter((n) => !warned.has(n))) {
      warned.add(name);
      ctx.io.err(
        `warning: --parameters ${name}=...: the value of secure parameter '${name}' was typed on the command line, where your shell's history keeps it ` +
          `(and npm's debug logs when run through npx). Pass it as ${name}=@env:VAR or ${name}=@FILE, or leave it out to be asked for it on a terminal without echo.`,
      );
    }
    const fed = outputFeeds(stack, stacks, new Set(Object.keys(resolved.values)));
    const values = { ...resolved.values };
    const missing = resolved.missing.filter((n) => !fed.has(n));
    if (missing.length) Object.assign(values, await askForMissing(stack, missing, decl, ctx));
    ctx.redactor.add(secretsOf(decl, values));
    const deploymentName = options.deploymentName ?? defaultDeploymentName(stack.name);
    out.push({ stack, deploymentName, values: literalValues(values, decl), fed, request: { mode: options.mode, template: stack.template, parameters: values } });
  }
  return out;
}

/** Literal parameter values (given, else literal defaults), for evaluating resource names. */
function literalValues(values: Readonly<Record<string, ParameterValue>>, decl: Readonly<Record<string, TemplateParameter>>): Record<string, unknown> {
  const plain = Object.fromEntries(Object.entries(values).filter(([, v]) => 'value' in v).map(([k, v]) => [k, (v as { value: unknown }).value]));
  for (const [name, p] of Object.entries(decl)) if (!(name in plain) && p.defaultValue !== undefined) plain[name] = literalDefault(p.defaultValue);
  return plain;
}

/**
 * `--attach NAME`: follows a deployment sent earlier as if this run had sent it (progress, Ctrl-C,
 * failure report, outputs and --outputs-file). Parameters that are given are used to map names
 * to constructs; missing ones are not asked for (nothing is sent).
 */
async function attachTo(stack: StackArtifact, name: string, options: DeployOptions, ctx: DeployerContext): Promise<void> {
  const rg = options.resourceGroup;
  const decl = stack.template.parameters ?? {};
  const resolved = parametersForStack(decl, stack.parameters, options.parameters, `${stack.name}: ${stack.manifest.parametersFile}`);
  ctx.redactor.add(resolved.secrets);
  const group = await ctx.client.getResourceGroup(rg);
  if (!group) throw new AzcdkError(`Resource group '${rg}' does not exist in subscription ${options.subscriptionId}, so it has no deployment ${name} to follow.`);
  const prepared: PreparedStack = { stack, deploymentName: name, values: literalValues(resolved.values, decl), fed: new Map(), request: { mode: options.mode, template: stack.template, parameters: resolved.values } };
  const p: MappedStack = { ...prepared, map: resourceMap(prepared, { subscriptionId: options.subscriptionId, resourceGroup: group.name, location: group.location, deploymentName: name }) };
  const submitted = await reportRequestErrors(stack.name, p.map, () => ctx.client.followExisting(rg, name));
  ctx.io.out(`${stack.name}: following deployment ${name} in resource group ${rg} (${submitted.initial.provisioningState}).`);
  let final = submitted.initial;
  if (!isTerminal(final.provisioningState)) {
    const interrupts = listenForInterrupts(ctx.interrupts);
    try {
      final = await waitWithProgress(p, submitted, options, ctx, interrupts);
    } finally {
      interrupts.stop();
    }
  }
  const outputs = await reportResult(p, final, options, ctx);
  if (options.outputsFile) {
    writeJson(options.outputsFile, { [stack.name]: outputs }, ctx.redactor);
    ctx.io.out(`Outputs written to ${options.outputsFile}`);
  }
}

/**
 * The stack with the parameters that earlier stacks' outputs feed set from those outputs, or
 * undefined (after a note) when they are not known: with --validate-only or --what-if nothing is
 * deployed, so there are no outputs to take.
 */
function withOutputs(p: PreparedStack, outputs: Readonly<Record<string, Record<string, unknown>>>, options: DeployOptions, ctx: DeployerContext): PreparedStack | undefined {
  if (!p.fed.size) return p;
  const names = [...p.fed.keys()];
  if (options.validateOnly || options.whatIfOnly) {
    const from = [...new Set(p.fed.values())].join(', ');
    ctx.io.err(
      `note: ${p.stack.name}: not ${options.validateOnly ? 'validated' : 'checked with what-if'}: ${names.length === 1 ? 'parameter' : 'parameters'} ${names.map((n) => `'${n}'`).join(', ')} ` +
        `take${names.length === 1 ? 's' : ''} the output${names.length === 1 ? '' : 's'} of ${from}, known only once ${from} ${from.includes(',') ? 'are' : 'is'} deployed. ` +
        `Pass ${names.map((n) => `-p ${n}=VALUE`).join(' ')} to check ${p.stack.name} too.`,
    );
    return undefined;
  }
  const parameters = { ...p.request.parameters };
  const values = { ...p.values };
  const declared = p.stack.template.parameters ?? {};
  for (const [name, provider] of p.fed) {
    const value = outputs[provider]?.[name];
    if (value === undefined) throw new AzcdkError(`${p.stack.name}: parameter '${name}' takes the output '${name}' of ${provider}, but the deployment of ${provider} returned no such output; nothing of ${p.stack.name} was deployed.`);
    checkValueType(name, declared[name].type, value, `${p.stack.name}: the output '${name}' of ${provider}`);
    checkSecureValue(name, declared[name].type, value, `${p.stack.name}: the output '${name}' of ${provider}`);
    if (isSecureType(declared[name].type) && typeof value === 'string') ctx.redactor.add([value]);
    parameters[name] = { value };
    values[name] = value;
  }
  return { ...p, values, request: { ...p.request, parameters } };
}

/** The stack's ARM-name-to-construct map, names evaluated in the deployment's context. */
function resourceMap(p: PreparedStack, context: DeploymentContext): ResourceMap {
  return new ResourceMap(p.stack.manifest.resources, p.values, context);
}

function literalDefault(value: unknown): unknown {
  return typeof value === 'string' && value.startsWith('[') && !value.startsWith('[[') ? undefined : value;
}

async function askForMissing(stack: StackArtifact, missing: readonly string[], decl: Readonly<Record<string, TemplateParameter>>, ctx: DeployerContext): Promise<Record<string, ParameterValue>> {
  const how = missing.map((n) => `${n}=${isSecureType(decl[n].type) ? '@env:VAR' : 'VALUE'}`).join(' ');
  if (!ctx.canPrompt || !ctx.prompter) {
    throw new UsageError(`Stack ${stack.name} needs parameter${missing.length === 1 ? '' : 's'} ${missing.map((n) => `'${n}'`).join(', ')} (no default). Pass --parameters ${how}.`);
  }
  const values: Record<string, ParameterValue> = {};
  for (const name of missing) {
    const p = decl[name];
    const description = p.metadata?.description ? ` (${p.metadata.description})` : '';
    const question = `${stack.name}: value for ${p.type} parameter '${name}'${description}: `;
    const text = isSecureType(p.type) ? await ctx.prompter.askSecret(question) : await ctx.prompter.ask(question);
    if (text === '') throw new UsageError(`No value given for parameter '${name}' of ${stack.name}; nothing was deployed.`);
    const value = convert(name, p.type, text, `${name} (prompt)`);
    checkSecureValue(name, p.type, value, `${stack.name}: the answer for '${name}'`);
    if (isSecureType(p.type)) ctx.redactor.add([text]);
    values[name] = { value };
  }
  return values;
}

/** The resource group as Azure has it (created with --location if missing). */
async function ensureResourceGroup(options: DeployOptions, ctx: DeployerContext): Promise<{ readonly name: string; readonly location: string }> {
  const rg = options.resourceGroup;
  const group = await ctx.client.getResourceGroup(rg);
  if (group) {
    if (options.location && group.location.toLowerCase() !== options.location.toLowerCase().replace(/\s/g, '')) {
      ctx.io.err(`note: resource group ${rg} exists in ${group.location}; --location ${options.location} is only used to create a missing group.`);
    }
    return group;
  }
  if (!options.location) {
    throw new AzcdkError(`Resource group '${rg}' does not exist in subscription ${options.subscriptionId}. Pass --location (e.g. --location westeurope) to create it, or create it with 'az group create -n ${rg} -l LOCATION'.`);
  }
  if (options.validateOnly || options.whatIfOnly) {
    throw new AzcdkError(`Resource group '${rg}' does not exist; ${options.validateOnly ? '--validate-only' : '--what-if'} needs an existing group and creates nothing. Deploy without it (with --location ${options.location}) or create the group first.`);
  }
  // Creating the group is the first write: it is never made for a deployment that cannot be confirmed.
  if (!canConfirm(options, ctx)) {
    throw new AzcdkError(
      `Resource group '${rg}' does not exist, and stdin is not a terminal to confirm the deployment on, so azcdk created nothing and sent nothing. ` +
        `Re-run with --yes to create it in ${options.location} and deploy, or create it first ('az group create -n ${rg} -l ${options.location}') to review the changes with --what-if.`,
    );
  }
  await ctx.client.createResourceGroup(rg, options.location);
  ctx.io.out(`Created resource group ${rg} in ${options.location}.`);
  return (await ctx.client.getResourceGroup(rg)) ?? { name: rg, location: options.location };
}

/** Deploys one stack; resolves to its outputs (undefined when nothing was deployed to wait for). */
async function deployOne(p: MappedStack, options: DeployOptions, ctx: DeployerContext, whatIfs: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
  const { io, client } = ctx;
  const { stack, deploymentName: name, request, map } = p;
  const rg = options.resourceGroup;
  io.out(`${stack.name}: deployment ${name} to resource group ${rg} (${options.mode} mode)`);
  const shown = Object.entries(request.parameters).map(([k, v]) =>
    `${k}=${isSecureType(stack.template.parameters?.[k]?.type ?? '') ? '(secure)' : 'value' in v ? JSON.stringify(v.value) : '(key vault reference)'}${p.fed.has(k) ? ` (output of ${p.fed.get(k)})` : ''}`);
  if (shown.length) io.out(`  parameters: ${shown.join(', ')}`);
  for (const u of map.unevaluated) io.out(`  note: the name of ${u.path} (${JSON.stringify(u.name)}) is not evaluated here; its operations are matched to it by type when that is unambiguous.`);

  await reportRequestErrors(stack.name, map, () => client.validate(rg, name, request));
  io.out(`${stack.name}: validation passed.`);
  if (options.validateOnly) return undefined;

  // Masked before anything is shown or written: providers may echo secrets in `before`.
  const changes = maskWhatIf(await reportRequestErrors(stack.name, map, () => client.whatIf(rg, name, request)), securePropertyPaths(stack.template));
  io.out(`${stack.name}: what-if:`);
  for (const line of renderWhatIf(changes, map)) io.out(line);
  if (options.whatIfJson) {
    whatIfs[stack.name] = whatIfJson(stack.name, rg, name, changes, map);
    writeJson(options.whatIfJson, { stacks: whatIfs }, ctx.redactor);
    io.out(`  what-if written to ${options.whatIfJson}`);
  }
  if (options.whatIfOnly) return undefined;

  await confirmChanges(stack.name, rg, changes, options, ctx);

  // Ctrl-C is handled from before the PUT goes out: Node's default would end azcdk silently
  // (exit 130) and leave a deployment that ARM accepted running unannounced.
  const interrupts = listenForInterrupts(ctx.interrupts);
  let final: DeploymentState;
  try {
    const submitted = await submit(p, options, ctx, interrupts);
    if (submitted.attached) io.err(`note: ${stack.name}: ${submitted.attached}`);
    if (interrupts.first.aborted) {
      interrupts.stop();
      final = await interrupted(p, options, ctx);
    } else if (options.noWait) {
      io.out(`${stack.name}: submitted deployment ${name} (${submitted.initial.provisioningState}${submitted.initial.correlationId ? `, correlation id ${submitted.initial.correlationId}` : ''}). Not waiting (--no-wait). Follow it with:`);
      io.out(`  azcdk deploy ${stack.name} -g ${rg} --subscription ${options.subscriptionId} --attach ${name}    (progress, result, --outputs-file)`);
      io.out(`  ${follow(options, name)}`);
      io.out(`  az deployment operation group list -g ${rg} -n ${name} --subscription ${options.subscriptionId} -o table`);
      return undefined;
    } else {
      final = await waitWithProgress(p, submitted, options, ctx, interrupts);
    }
  } finally {
    interrupts.stop();
  }
  return reportResult(p, final, options, ctx);
}

/** Reports a finished deployment: throws with the failing operations, or prints and returns the outputs. */
async function reportResult(p: MappedStack, final: DeploymentState, options: DeployOptions, ctx: DeployerContext): Promise<Record<string, unknown>> {
  const { io, client } = ctx;
  const { stack, deploymentName: name, map } = p;
  const rg = options.resourceGroup;
  if (final.provisioningState !== 'Succeeded') {
    const operations = await client.listOperations(rg, name).catch(() => [] as OperationInfo[]);
    const lines = describeFailure(final, operations, map, stack.manifest.resources);
    throw new AzcdkError(
      `${stack.name}: deployment ${name} ${final.provisioningState === 'Canceled' ? 'was canceled' : `failed (${final.provisioningState})`}.\n` +
        lines.join('\n') + (final.correlationId ? `\nCorrelation id: ${final.correlationId}` : '') + `\nDetails: ${follow(options, name)}`,
    );
  }
  // Azure returns no value for a secure output (a template not written by azcdk may have one): it is named, never written.
  const returned = Object.entries(final.outputs ?? {});
  const outputs = Object.fromEntries(returned.filter(([, v]) => !isSecureType(v.type ?? '')).map(([k, v]) => [k, v.value]));
  io.out(`${stack.name}: deployment ${name} succeeded.`);
  if (returned.length) {
    io.out('Outputs:');
    for (const [k, v] of returned) io.out(`  ${stack.name}.${k} = ${k in outputs ? (typeof v.value === 'string' ? v.value : JSON.stringify(v.value)) : '(secure: Azure does not return its value; not written to --outputs-file)'}`);
  }
  return outputs;
}

async function confirmChanges(stackName: string, rg: string, changes: readonly ResourceChange[], options: DeployOptions, ctx: DeployerContext): Promise<void> {
  const deletes = changes.filter((c) => c.changeType === 'Delete');
  // "No changes" is what-if's prediction, not a promise (it cannot see everything a deployment
  // does), so it is confirmed like any other deployment: never deployed unasked.
  const unchanged = !hasChanges(changes);
  if (unchanged) ctx.io.out(`${stackName}: no changes; deploying again refreshes the outputs.`);
  const deleting = deletes.length ? ` It DELETES ${deletes.length} resource${deletes.length === 1 ? '' : 's'} that the template does not declare (Complete mode): ${deletes.map((d) => d.resourceId).join(', ')}.` : '';
  if (options.yes) {
    if (deleting) ctx.io.err(`warning: ${stackName}:${deleting}`);
    return;
  }
  if (!canConfirm(options, ctx) || !ctx.prompter) {
    throw new AzcdkError(`${stackName}: not deploying without confirmation, and stdin is not a terminal to ask on. Review the changes above and re-run with --yes.${deleting}`);
  }
  const ok = await confirm(ctx.prompter, `Deploy ${stackName} to ${rg}${options.mode === 'Complete' ? ' in Complete mode' : ''}${unchanged ? ' (no changes)' : ''}?${deleting}`);
  if (!ok) throw new AzcdkError(`${stackName}: not confirmed; nothing was deployed.`);
}

/** True when a deployment can go ahead: --yes, or a terminal to ask on. */
function canConfirm(options: DeployOptions, ctx: DeployerContext): boolean {
  return options.yes || (ctx.canPrompt && ctx.prompter !== undefined);
}

/** Ctrl-C presses from the submission of a deployment until azcdk acts on one or stops waiting. */
interface Interrupts {
  /** Aborted by the first Ctrl-C. */
  readonly first: AbortSignal;
  /** Aborted by the second one. */
  readonly second: AbortSignal;
  /** Stops listening: Ctrl-C gets its default handling again. */
  stop(): void;
}

function listenForInterrupts(source: InterruptSource): Interrupts {
  const first = new AbortController();
  const second = new AbortController();
  const stop = source.onInterrupt(() => (first.signal.aborted ? second : first).abort());
  return { first: first.signal, second: second.signal, stop };
}

/**
 * Sends the PUT. A first Ctrl-C lets ARM answer it (what ARM accepts is then canceled or left
 * running like on Ctrl-C while waiting); a second one stops waiting for the answer.
 */
async function submit(p: MappedStack, options: DeployOptions, ctx: DeployerContext, interrupts: Interrupts): Promise<SubmittedDeployment> {
  const { stack, deploymentName: name, request, map } = p;
  const rg = options.resourceGroup;
  const note = () => ctx.io.err(`note: ${stack.name}: interrupted while submitting deployment ${name}; waiting for Azure's answer, then it is canceled or left running (Ctrl-C again to stop waiting).`);
  interrupts.first.addEventListener('abort', note, { once: true });
  let refused = false;
  try {
    return await reportRequestErrors(stack.name, map, () =>
      ctx.client.submit(rg, name, request, { signal: interrupts.second, uniqueName: options.deploymentName === undefined }).catch((error: unknown) => {
        refused = error instanceof ArmRequestError;
        throw error;
      }),
    );
  } catch (error) {
    if (interrupts.second.aborted) {
      throw new AzcdkError(
        `${stack.name}: interrupted twice while submitting deployment ${name}; azcdk stopped waiting for Azure's answer, so it may or may not have been submitted. ` +
          `Check with '${follow(options, name)}', and if it is running, cancel it with 'az deployment group cancel -g ${rg} -n ${name} --subscription ${options.subscriptionId}'.`,
      );
    }
    if (interrupts.first.aborted && refused && AzcdkError.isAzcdkError(error)) throw new AzcdkError(`${error.message}\n${stack.name}: interrupted; Azure refused deployment ${name}, so nothing was submitted.`);
    throw error;
  } finally {
    interrupts.first.removeEventListener('abort', note);
  }
}

/** Waits for the deployment while showing its operations; handles Ctrl-C. */
async function waitWithProgress(p: MappedStack, submitted: SubmittedDeployment, options: DeployOptions, ctx: DeployerContext, interrupts: Interrupts): Promise<DeploymentState> {
  const { io, client } = ctx;
  const rg = options.resourceGroup;
  const name = p.deploymentName;
  const view = new ProgressView(io, p.map, io.interactive);
  const signal = interrupts.first;
  let final: DeploymentState | undefined;
  let failure: unknown;
  let progressWarned = false;
  const refresh = async () => {
    try {
      view.update(await client.listOperations(rg, name));
    } catch (error) {
      if (!progressWarned) io.err(`note: could not list deployment operations for progress (${(error as Error).message}); still waiting.`);
      progressWarned = true;
    }
  };
  io.out(`${p.stack.name}: deploying${submitted.initial.correlationId ? ` (correlation id ${submitted.initial.correlationId})` : ''}...`);
  const onRetry = (message: string) => io.err(`note: ${p.stack.name}: ${message}`);
  const waiting = reportRequestErrors(p.stack.name, p.map, () => submitted.waitUntilDone(signal, onRetry)).then((s) => { final = s; }, (e) => { failure = e; });
  try {
    while (final === undefined && failure === undefined && !signal.aborted) {
      await Promise.race([waiting, sleep(options.progressIntervalMs, signal)]);
      if (signal.aborted) break;
      await refresh();
    }
  } finally {
    interrupts.stop();
  }
  if (signal.aborted) {
    await waiting;
    // The deployment may have finished before Ctrl-C was noticed: then there is nothing to stop.
    if (final === undefined || !isTerminal(final.provisioningState)) final = await interrupted(p, options, ctx);
    else io.err(`note: ${p.stack.name}: interrupted, but deployment ${name} had already finished (${final.provisioningState}).`);
    await refresh();
    return final;
  }
  if (failure !== undefined) throw failure;
  await refresh();
  return final!;
}

/** How to look at a deployment with the Azure CLI. */
function follow(options: DeployOptions, name: string): string {
  return `az deployment group show -g ${options.resourceGroup} -n ${name} --subscription ${options.subscriptionId}`;
}

/**
 * Ctrl-C: cancel the deployment in Azure or leave it running, and say which happened. Resolves
 * (with the final state) only when the deployment turns out to have finished already.
 */
async function interrupted(p: MappedStack, options: DeployOptions, ctx: DeployerContext): Promise<DeploymentState> {
  const rg = options.resourceGroup;
  const name = p.deploymentName;
  const finished = await ctx.client.get(rg, name).catch(() => undefined);
  if (finished && isTerminal(finished.provisioningState)) {
    ctx.io.err(`note: ${p.stack.name}: interrupted, but deployment ${name} had already finished (${finished.provisioningState}).`);
    return finished;
  }
  let action = options.onInterrupt;
  if (action === 'ask') {
    if (ctx.canPrompt && ctx.prompter) {
      try {
        action = await choose(ctx.prompter, `\nInterrupted. Cancel deployment ${name} in Azure, or leave it running?`, [{ key: 'c', word: 'cancel' }, { key: 'l', word: 'leave' }], 'leave');
      } catch (error) {
        if (!(error instanceof PromptInterrupted)) throw error;
        action = 'leave'; // a second Ctrl-C: get out without touching Azure
      }
    } else {
      action = 'leave';
    }
  }
  const show = follow(options, name);
  if (action === 'cancel') {
    try {
      await ctx.client.cancel(rg, name);
    } catch (error) {
      if (error instanceof ArmRequestError && error.error.code === 'DeploymentCannotBeCanceled') {
        // It finished while we asked: report it like any finished deployment.
        const state = await ctx.client.get(rg, name);
        ctx.io.err(`note: ${p.stack.name}: deployment ${name} had already finished (${state.provisioningState}) and could not be canceled.`);
        return state;
      }
      throw error;
    }
    const state = await ctx.client.get(rg, name);
    throw new AzcdkError(`${p.stack.name}: interrupted; canceled deployment ${name} in Azure (state: ${state.provisioningState}). Resources it already created or changed stay as they are. ${show}`);
  }
  throw new AzcdkError(
    `${p.stack.name}: interrupted; left deployment ${name} running in Azure. Follow it with '${show}', ` +
      `or cancel it with 'az deployment group cancel -g ${rg} -n ${name} --subscription ${options.subscriptionId}'.`,
  );
}

/** Runs an ARM call; an ArmRequestError becomes a failure listing ARM's details with construct paths. */
async function reportRequestErrors<T>(what: string, map: ResourceMap, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof ArmRequestError)) throw error;
    const lines = describeError(error.error, '  ', map);
    throw new AzcdkError(`${what}: ${error.action} failed${error.statusCode ? ` (HTTP ${error.statusCode})` : ''}:\n${lines.join('\n')}${error.hint ? `\n${error.hint}` : ''}${error.correlationId ? `\nCorrelation id: ${error.correlationId}` : ''}`);
  }
}

function writeJson(file: string, value: unknown, redactor: Redactor): void {
  mkdirSync(dirname(file), { recursive: true });
  // Structurally: a short secret never garbles keys or property paths (redact.ts).
  writeFileSync(file, JSON.stringify(redactor.redactValue(value), null, 2) + '\n');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
