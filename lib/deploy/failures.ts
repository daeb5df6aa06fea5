/**
 * Failure reports that name the failing resources: their own error codes and messages (not just
 * "At least one resource deployment operation failed"), the construct that declared each, and
 * the correlation id to quote to Azure support or look up in the activity log.
 */
import type { ArmErrorInfo, DeploymentState, OperationInfo } from './client.js';
import type { ManifestResource } from '../synth/manifest.js';
import { parseResourceId, type ResourceMap } from './resource-map.js';

/**
 * Lines describing a failed or canceled deployment.
 * @param resources the stack's resources (manifest.json), to name those that never started
 */
export function describeFailure(state: DeploymentState, operations: readonly OperationInfo[], map: ResourceMap, resources?: Readonly<Record<string, ManifestResource>>): string[] {
  const lines: string[] = [];
  const failed = operations.filter((o) => o.provisioningState === 'Failed');
  if (state.error) lines.push(`${state.error.code ?? 'Error'}: ${state.error.message ?? ''}`.trimEnd());
  for (const op of failed) {
    const target = op.target;
    const where = target ? map.describe(target) : undefined;
    const label = target?.type ? `${target.type} ${target.name ?? ''}` : op.provisioningOperation ?? `operation ${op.operationId}`;
    lines.push(`  x ${label}${where ? ` (${where})` : ''}${op.statusCode ? ` [${op.statusCode}]` : ''}`);
    // An operation failing with the deployment's own error (EvaluateDeploymentOutput) was printed above.
    if (op.error && !sameError(op.error, state.error)) lines.push(...describeError(op.error, '      ', map));
  }
  // No failed operations listed (e.g. a preflight-like failure): fall back to the error's details.
  if (!failed.length && state.error?.details?.length) {
    for (const d of state.error.details) lines.push(...describeError(d, '  ', map));
  }
  if (resources) lines.push(...notStarted(state, operations, map, resources));
  return lines;
}

/**
 * The stack's resources that ARM never started: it gives them no operation at all, so without
 * this they would go unmentioned. After a failure, each is named with the failed resource it
 * waited for (through its dependsOn chain), if any.
 */
function notStarted(state: DeploymentState, operations: readonly OperationInfo[], map: ResourceMap, resources: Readonly<Record<string, ManifestResource>>): string[] {
  const started = new Set<string>();
  const failed = new Set<string>();
  const unplaced = new Set<string>(); // types with an operation azcdk cannot place: nothing of them is claimed unstarted
  for (const op of operations) {
    if (!op.target?.type) continue;
    const path = map.locate(op.target)?.path;
    if (path === undefined) unplaced.add(op.target.type.toLowerCase());
    else {
      started.add(path);
      if (op.provisioningState === 'Failed') failed.add(path);
    }
  }
  const byId = new Map(Object.entries(resources));
  const blocker = (id: string, seen = new Set<string>()): string | undefined => {
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      const on = byId.get(dep.on);
      if (!on || seen.has(dep.on)) continue;
      seen.add(dep.on);
      if (failed.has(on.path)) return on.path;
      const deeper = blocker(dep.on, seen);
      if (deeper) return deeper;
    }
    return undefined;
  };
  const waiting = [...byId].filter(([, r]) => !started.has(r.path) && !unplaced.has(r.type.toLowerCase()));
  if (!waiting.length) return [];
  const why = state.provisioningState === 'Canceled' ? 'the deployment was canceled first' : 'ARM did not start it';
  return [
    `  Not started (${waiting.length}):`,
    ...waiting.map(([id, r]) => {
      const on = state.provisioningState === 'Canceled' ? undefined : blocker(id);
      return `  - ${r.type} (${r.path}): ${on ? `it depends on ${on}, which failed` : why}`;
    }),
  ];
}

/** An ARM error and its nested details, indented; targets that are resource ids get construct paths. */
export function describeError(error: ArmErrorInfo, indent: string, map?: ResourceMap): string[] {
  const lines: string[] = [];
  const target = error.target ? describeTarget(error.target, map) : '';
  // Some providers and nested deployments send the inner error as JSON text in the message.
  const embedded = embeddedError(error.message);
  const message = embedded ? '' : (error.message ?? '').replace(/\r\n|\r|\n/g, `\n${indent}  `);
  lines.push(`${indent}${error.code ?? 'Error'}${target}:${message ? ` ${message}` : ''}`.trimEnd());
  for (const d of [...(embedded ? [embedded] : []), ...(error.details ?? [])]) lines.push(...describeError(d, indent + '  ', map));
  return lines;
}

/** The error in a message that is JSON text (`{"status":"Failed","error":{...}}`, `{"error":{...}}` or `{"code":...}`). */
function embeddedError(message: string | undefined): ArmErrorInfo | undefined {
  if (!message?.trimStart().startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  const o = parsed as { error?: ArmErrorInfo } & ArmErrorInfo;
  const error = o.error && typeof o.error === 'object' ? o.error : o;
  return typeof error.code === 'string' || typeof error.message === 'string' ? error : undefined;
}

function describeTarget(target: string, map?: ResourceMap): string {
  const parsed = parseResourceId(target);
  const where = parsed && map ? map.describe(parsed) : undefined;
  return where ? ` (${parsed!.type} ${parsed!.name}, ${where})` : ` (${target})`;
}

function sameError(a: ArmErrorInfo, b: ArmErrorInfo | undefined): boolean {
  return b !== undefined && a.code === b.code && a.message === b.message;
}
