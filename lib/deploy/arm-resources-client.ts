/**
 * DeploymentClient implemented with @azure/arm-resources 6.1.0 (the last release with
 * deployments that runs on Node 20). The only file that touches the SDK; load it with
 * `await import()` so commands that do not deploy never pay for it.
 */
import { ResourceManagementClient, type Deployment, type DeploymentExtended, type DeploymentOperation, type DeploymentParameter, type WhatIfChange } from '@azure/arm-resources';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { AzcdkError } from '../core/errors.js';
import { isLoopbackHost, TOKEN_ENV } from './credentials.js';
import {
  ArmRequestError,
  type ArmErrorInfo,
  type DeploymentClient,
  type DeploymentRequest,
  type DeploymentState,
  type OperationInfo,
  type ResourceChange,
  type SubmittedDeployment,
} from './client.js';
import type { Authentication } from './credentials.js';

/** How to reach ARM. */
export interface ArmClientOptions {
  readonly subscriptionId: string;
  /** ARM endpoint. @default https://management.azure.com */
  readonly endpoint?: string;
  readonly authentication: Authentication;
  /**
   * Least milliseconds between polls of a deployment's status or operations (ARM's Retry-After
   * wins when longer). @default no pacing: the SDK's interval (2000), or Retry-After
   */
  readonly pollIntervalMs?: number;
}

// The value of @azure/core-rest-pipeline's bearerTokenAuthenticationPolicyName (a transitive
// dependency we do not import directly). Tests against the loopback endpoint fail if it changes.
const BEARER_POLICY_NAME = 'bearerTokenAuthenticationPolicy';

/** Creates the SDK-backed client. */
export async function createArmResourcesClient(options: ArmClientOptions): Promise<DeploymentClient> {
  const endpoint = options.endpoint?.replace(/\/+$/, '');
  const auth = options.authentication;
  let credential: TokenCredential;
  if (auth.kind === 'static') {
    const token: AccessToken = { token: auth.token, expiresOnTimestamp: Date.now() + 3600_000 };
    credential = { getToken: async () => token };
  } else {
    const { DefaultAzureCredential } = await import('@azure/identity');
    credential = new DefaultAzureCredential();
  }
  const sdk = new ResourceManagementClient(credential, options.subscriptionId, {
    ...(endpoint ? { endpoint, credentialScopes: [auth.kind === 'static' ? 'https://management.azure.com/.default' : `${new URL(endpoint).origin}/.default`] } : {}),
    ...(auth.kind === 'static' ? { allowInsecureConnection: true } : {}),
  });
  if (auth.kind === 'static') {
    // The SDK's bearer policy refuses every http:// URL; a loopback endpoint gets the static
    // token from a policy of our own (credentials.ts only allows this for loopback addresses).
    sdk.pipeline.removePolicy({ name: BEARER_POLICY_NAME });
    // Every request is checked, not just the endpoint given: polling URLs (Location,
    // Azure-AsyncOperation) and next links come from responses and may name any host.
    sdk.pipeline.addPolicy(
      {
        name: 'azcdkStaticTokenPolicy',
        sendRequest: (request, next) => {
          const url = new URL(request.url);
          if (!isLoopbackHost(url.hostname)) {
            throw new AzcdkError(
              `Refusing to send ${TOKEN_ENV} to ${url.origin}: it is not a loopback address. The endpoint answered with a URL on that host ` +
                `(a polling URL or next link); ${TOKEN_ENV} is only ever sent to 127.0.0.1, ::1 or localhost. Check the local endpoint's configuration.`,
            );
          }
          request.headers.set('Authorization', `Bearer ${auth.token}`);
          return next(request);
        },
      },
      { phase: 'Sign' },
    );
  }
  const holds: Holds = new WeakMap();
  sdk.pipeline.addPolicy(holdPolicy(holds));
  if (options.pollIntervalMs !== undefined) sdk.pipeline.addPolicy(pacingPolicy(options.pollIntervalMs));
  return new ArmResourcesDeploymentClient(sdk, endpoint ?? 'https://management.azure.com', holds, options.pollIntervalMs);
}

class ArmResourcesDeploymentClient implements DeploymentClient {
  constructor(
    private readonly sdk: ResourceManagementClient,
    private readonly endpoint: string,
    private readonly holds: Holds,
    private readonly pollIntervalMs?: number,
  ) {}

  async getResourceGroup(name: string) {
    try {
      const group = await this.sdk.resourceGroups.get(name);
      return { name: group.name ?? name, location: group.location };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw this.translate(`Reading resource group '${name}'`, error);
    }
  }

  async createResourceGroup(name: string, location: string) {
    await this.call(`Creating resource group '${name}' in ${location}`, () => this.sdk.resourceGroups.createOrUpdate(name, { location }));
  }

  async validate(resourceGroup: string, deploymentName: string, request: DeploymentRequest) {
    const result = await this.call(`Validating deployment '${deploymentName}'`, () =>
      this.sdk.deployments.beginValidateAndWait(resourceGroup, deploymentName, body(request), this.lroOptions()),
    );
    if (result.error) throw new ArmRequestError(`Validating deployment '${deploymentName}'`, result.error as ArmErrorInfo);
  }

  async whatIf(resourceGroup: string, deploymentName: string, request: DeploymentRequest): Promise<readonly ResourceChange[]> {
    // The SDK's mappers type a property change's before/after as dictionaries, which turns a
    // primitive like "10.0.0.0/16" into {"0":"1","1":"0",...}. Read the response body as sent.
    let raw: { properties?: { changes?: unknown[] } } | undefined;
    const result = await this.call(`What-if of deployment '${deploymentName}'`, () =>
      this.sdk.deployments.beginWhatIfAndWait(
        resourceGroup, deploymentName,
        { properties: { ...body(request).properties, whatIfSettings: { resultFormat: 'FullResourcePayloads' } } },
        { ...this.lroOptions(), onResponse: (response) => { raw = parseText(response.bodyAsText) as typeof raw; } },
      ),
    );
    if (result.error) throw new ArmRequestError(`What-if of deployment '${deploymentName}'`, (result.error as { error?: ArmErrorInfo }).error ?? (result.error as ArmErrorInfo));
    const changes = (Array.isArray(raw?.properties?.changes) ? raw!.properties!.changes : result.changes ?? []) as WhatIfChange[];
    return changes.map((c) => ({
      resourceId: c.resourceId ?? c.symbolicName ?? '(unknown)',
      changeType: c.changeType,
      ...(c.unsupportedReason ? { unsupportedReason: c.unsupportedReason } : {}),
      ...(c.before ? { before: c.before } : {}),
      ...(c.after ? { after: c.after } : {}),
      ...(c.delta ? { delta: c.delta } : {}),
    }));
  }

  async submit(resourceGroup: string, deploymentName: string, request: DeploymentRequest, signal?: AbortSignal): Promise<SubmittedDeployment> {
    // Every request of this long-running operation carries control.signal. beginCreateOrUpdate
    // polls once before it returns; that poll (and any after it) is held (holdPolicy) until
    // waitUntilDone is called, so submit returns as soon as ARM accepts the PUT, and --no-wait or
    // Ctrl-C right after it sends nothing more.
    const control = new AbortController();
    const abandon = () => control.abort();
    signal?.addEventListener('abort', abandon, { once: true });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let accepted: DeploymentExtended | undefined;
    let onAccepted!: () => void;
    const acceptance = new Promise<void>((resolve) => (onAccepted = resolve));
    const onResponse = (response: { status: number; request: { method: string }; bodyAsText?: string | null }) => {
      if (response.request.method !== 'PUT' || response.status >= 300 || accepted) return;
      accepted = (parseText(response.bodyAsText) ?? {}) as DeploymentExtended;
      // Synchronously, before the SDK's first poll enters the pipeline.
      this.holds.set(control.signal, held);
      onAccepted();
    };
    // Never rejects: a failure after ARM accepted the PUT is reported by waitUntilDone, or not at all.
    const outcome = this.sdk.deployments
      .beginCreateOrUpdate(resourceGroup, deploymentName, body(request), { ...this.lroOptions(), abortSignal: control.signal, onResponse })
      .then((poller) => ({ poller }), (error: unknown) => ({ error }));
    const first = await Promise.race([acceptance, outcome]);
    signal?.removeEventListener('abort', abandon);
    if (!accepted && first && 'error' in first) throw this.translate(`Submitting deployment '${deploymentName}'`, first.error);
    const initial = accepted ?? (first && 'poller' in first ? first.poller.getOperationState().result : undefined);
    // A failed or canceled deployment rejects with a plain Error that lacks the details; the
    // deployment record has them. Anything else is a polling failure.
    const settle = async (error: unknown): Promise<DeploymentState> => {
      const state = await this.get(resourceGroup, deploymentName).catch(() => undefined);
      if (state && ['Failed', 'Canceled', 'Succeeded'].includes(state.provisioningState)) return state;
      throw this.translate(this.waiting(resourceGroup, deploymentName), error);
    };
    return {
      initial: initial?.properties ? { ...toState(initial), name: deploymentName } : { name: deploymentName, provisioningState: 'Accepted' },
      waitUntilDone: async (waitSignal?: AbortSignal) => {
        const stop = () => control.abort();
        if (waitSignal?.aborted) stop();
        else waitSignal?.addEventListener('abort', stop, { once: true });
        release();
        try {
          const result = await outcome;
          if ('error' in result) throw result.error;
          return toState(await result.poller.pollUntilDone(waitSignal ? { abortSignal: waitSignal } : undefined));
        } catch (error) {
          if (waitSignal?.aborted) throw error;
          return settle(error);
        } finally {
          waitSignal?.removeEventListener('abort', stop);
        }
      },
    };
  }

  async get(resourceGroup: string, deploymentName: string): Promise<DeploymentState> {
    return toState(await this.call(`Reading deployment '${deploymentName}'`, () => this.sdk.deployments.get(resourceGroup, deploymentName)));
  }

  async listOperations(resourceGroup: string, deploymentName: string): Promise<readonly OperationInfo[]> {
    return this.call(`Listing operations of deployment '${deploymentName}'`, async () => {
      const out: OperationInfo[] = [];
      for await (const op of this.sdk.deploymentOperations.list(resourceGroup, deploymentName)) out.push(toOperation(op));
      return out;
    });
  }

  async cancel(resourceGroup: string, deploymentName: string) {
    await this.call(`Canceling deployment '${deploymentName}'`, () => this.sdk.deployments.cancel(resourceGroup, deploymentName));
  }

  private waiting(resourceGroup: string, deploymentName: string): string {
    return `Waiting for deployment '${deploymentName}' (submitted; it may still be running in Azure: az deployment group show -g ${resourceGroup} -n ${deploymentName})`;
  }

  private lroOptions() {
    return this.pollIntervalMs !== undefined ? { updateIntervalInMs: this.pollIntervalMs } : {};
  }

  private async call<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw this.translate(action, error);
    }
  }

  /** SDK and identity errors to errors that say what failed and what to do. */
  private translate(action: string, error: unknown): Error {
    if (AzcdkError.isAzcdkError(error)) return error;
    const e = error as { name?: string; message?: string; statusCode?: number; code?: string; details?: unknown; response?: { headers?: { get(n: string): string | undefined } } };
    if (e?.name === 'AbortError') return error as Error;
    if (e?.name === 'CredentialUnavailableError' || e?.name === 'AuthenticationError' || e?.name === 'AggregateAuthenticationError') {
      return new AzcdkError(
        `${action}: could not get an Azure access token (${e.name}).\n${e.message}\n` +
          `Sign in with 'az login' (or set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET for a service principal, or use a managed identity).`,
      );
    }
    if (e?.name === 'RestError' && e.statusCode !== undefined) {
      const cloud = (e.details as { error?: ArmErrorInfo } | undefined)?.error;
      const info: ArmErrorInfo = cloud ?? { code: e.code, message: e.message };
      return new ArmRequestError(action, info, e.statusCode, e.response?.headers?.get('x-ms-correlation-request-id'));
    }
    if (e?.name === 'RestError') {
      return new AzcdkError(`${action}: could not reach ${this.endpoint}: ${e.message}. Check --endpoint and your network connection.`);
    }
    return new AzcdkError(`${action} failed: ${e?.message ?? String(error)}`);
  }
}

function body(request: DeploymentRequest): Deployment & { properties: Deployment['properties'] } {
  return {
    properties: {
      mode: request.mode,
      template: request.template as Record<string, unknown>,
      parameters: request.parameters as Record<string, DeploymentParameter>,
    },
  };
}

/** Requests held back until a promise resolves, by the abort signal they carry (one per long-running operation). */
type Holds = WeakMap<AbortSignalLike, Promise<void>>;

/** Sends a request whose abort signal has a hold only once the hold is released (or fails it when the signal aborts). */
function holdPolicy(holds: Holds): PipelinePolicy {
  return {
    name: 'azcdkHoldPolicy',
    async sendRequest(request, next) {
      const hold = request.abortSignal ? holds.get(request.abortSignal) : undefined;
      if (hold) await untilReleased(hold, request.abortSignal!);
      return next(request);
    },
  };
}

function untilReleased(hold: Promise<void>, signal: AbortSignalLike): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void hold.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/**
 * Polls no faster than ARM asks: a GET of a deployment's status (operationStatuses,
 * operationResults) or of its operations list waits until max(Retry-After, poll interval) has
 * passed since the previous poll of the same kind. The Retry-After of any response about the
 * deployment counts, so the first poll after the PUT or POST waits for it too. Next-link pages
 * of one listing are not delayed.
 */
function pacingPolicy(pollIntervalMs: number): PipelinePolicy {
  const retryAfterMs = new Map<string, number>();
  const notBefore = new Map<string, number>();
  return {
    name: 'azcdkPollPacingPolicy',
    async sendRequest(request, next) {
      const url = new URL(request.url);
      const deployment = DEPLOYMENT_PATH.exec(url.pathname);
      if (!deployment) return next(request);
      const key = `${deployment[1]}/${deployment[2]}/${deployment[3]}`.toLowerCase();
      const stream = request.method !== 'GET' ? undefined
        : /\/(operationstatuses|operationresults)\//i.test(url.pathname) ? `${key} status`
        : /\/operations$/i.test(url.pathname) && !url.searchParams.has('$skiptoken') ? `${key} operations`
        : undefined;
      if (stream) await wait((notBefore.get(stream) ?? 0) - Date.now(), request.abortSignal);
      const response = await next(request);
      const retryAfter = retryAfterOf(response.headers.get('retry-after'));
      if (retryAfter !== undefined) retryAfterMs.set(key, retryAfter);
      const gap = Math.max(pollIntervalMs, retryAfterMs.get(key) ?? 0);
      // A PUT or POST that starts work sets when its first status poll may go out.
      if (stream) notBefore.set(stream, Date.now() + gap);
      else if (request.method === 'PUT' || request.method === 'POST') notBefore.set(`${key} status`, Date.now() + gap);
      return response;
    },
  };
}

// /subscriptions/S/resourcegroups/RG/[providers/Microsoft.Resources/]deployments/NAME[/...]
const DEPLOYMENT_PATH = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/(?:providers\/microsoft\.resources\/)?deployments\/([^/]+)/i;

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterOf(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function wait(ms: number, signal?: AbortSignalLike): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(): Error {
  return Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
}

type PipelinePolicy = Parameters<ResourceManagementClient['pipeline']['addPolicy']>[0];
type AbortSignalLike = NonNullable<Parameters<PipelinePolicy['sendRequest']>[0]['abortSignal']>;

function parseText(text: string | null | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | null)?.statusCode;
}

function toState(d: DeploymentExtended): DeploymentState {
  const p = d.properties ?? {};
  return {
    ...(d.id ? { id: d.id } : {}),
    name: d.name ?? '',
    provisioningState: p.provisioningState ?? 'NotSpecified',
    ...(p.correlationId ? { correlationId: p.correlationId } : {}),
    ...(p.timestamp ? { timestamp: p.timestamp } : {}),
    ...(p.outputs ? { outputs: p.outputs as DeploymentState['outputs'] } : {}),
    ...(p.error ? { error: p.error as ArmErrorInfo } : {}),
  };
}

function toOperation(op: DeploymentOperation): OperationInfo {
  const p = op.properties ?? {};
  const error = (p.statusMessage?.error as { error?: ArmErrorInfo } | undefined)?.error ?? (p.statusMessage?.error as ArmErrorInfo | undefined);
  return {
    operationId: op.operationId ?? op.id ?? '',
    ...(p.provisioningOperation ? { provisioningOperation: p.provisioningOperation } : {}),
    ...(p.provisioningState ? { provisioningState: p.provisioningState } : {}),
    ...(p.timestamp ? { timestamp: p.timestamp } : {}),
    ...(p.duration ? { duration: p.duration } : {}),
    ...(p.statusCode ? { statusCode: p.statusCode } : {}),
    ...(error && (error.code || error.message) ? { error } : {}),
    ...(p.targetResource ? { target: { id: p.targetResource.id, type: p.targetResource.resourceType, name: p.targetResource.resourceName } } : {}),
  };
}
