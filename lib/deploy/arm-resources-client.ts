/**
 * DeploymentClient implemented with @azure/arm-resources 6.1.0 (the last release with
 * deployments that runs on Node 20). The only file that touches the SDK; load it with
 * `await import()` so commands that do not deploy never pay for it.
 */
import { ResourceManagementClient, type Deployment, type DeploymentExtended, type DeploymentOperation, type DeploymentParameter, type WhatIfChange } from '@azure/arm-resources';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { randomUUID } from 'node:crypto';
import { AzcdkError } from '../core/errors.js';
import { SourceNamingCredential, staticTokenSource } from './credential-source.js';
import { isLoopbackHost, TOKEN_ENV } from './credentials.js';
import {
  ArmRequestError,
  isTerminal,
  type ArmErrorInfo,
  type DeploymentClient,
  type DeploymentRequest,
  type DeploymentState,
  type OperationInfo,
  type ResourceChange,
  type SubmitOptions,
  type SubmittedDeployment,
} from './client.js';
import type { Authentication } from './credentials.js';
import { systemClock, type Clock } from './clock.js';

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
  /** The time polls are paced in (tests pass one that does not spend it). @default systemClock */
  readonly clock?: Clock;
  /**
   * While waiting for a deployment ARM accepted, transient polling failures (429, 5xx, dropped
   * connections) are retried until they have gone on in a row for this long; so are the calls
   * before the deployment is submitted (resource group, validate, what-if), counting the time
   * spent waiting between tries. @default 600000 (10 min)
   */
  readonly givePollingUpAfterMs?: number;
  /** Told about each retry of a transient failure before submission (429, 5xx, dropped connection). */
  readonly onRetry?: (message: string) => void;
  /**
   * Waits between retries (and polls while following a deployment). Tests pass one that records
   * the delays instead of spending them. @default a timer
   */
  readonly sleep?: Sleep;
}

/** Waits `ms` milliseconds; rejects with an AbortError when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignalLike) => Promise<void>;

// The value of @azure/core-rest-pipeline's bearerTokenAuthenticationPolicyName (a transitive
// dependency we do not import directly). Tests against the loopback endpoint fail if it changes.
const BEARER_POLICY_NAME = 'bearerTokenAuthenticationPolicy';

/** Creates the SDK-backed client. */
export async function createArmResourcesClient(options: ArmClientOptions): Promise<DeploymentClient> {
  const endpoint = options.endpoint?.replace(/\/+$/, '');
  const auth = options.authentication;
  let credential: TokenCredential;
  let credentialSource: () => string;
  if (auth.kind === 'static') {
    const token: AccessToken = { token: auth.token, expiresOnTimestamp: Date.now() + 3600_000 };
    credential = { getToken: async () => token };
    credentialSource = staticTokenSource;
  } else {
    const { DefaultAzureCredential } = await import('@azure/identity');
    const named = new SourceNamingCredential(new DefaultAzureCredential());
    credential = named;
    credentialSource = () => named.describe();
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
  if (options.pollIntervalMs !== undefined) sdk.pipeline.addPolicy(pacingPolicy(options.pollIntervalMs, options.clock ?? systemClock));
  return new ArmResourcesDeploymentClient(sdk, endpoint ?? 'https://management.azure.com', holds, options.pollIntervalMs, options.givePollingUpAfterMs ?? 600_000, credentialSource, options.sleep ?? wait, options.onRetry);
}

class ArmResourcesDeploymentClient implements DeploymentClient {
  constructor(
    private readonly sdk: ResourceManagementClient,
    private readonly endpoint: string,
    private readonly holds: Holds,
    private readonly pollIntervalMs: number | undefined,
    private readonly givePollingUpAfterMs: number,
    /** Where the token comes from, said when ARM refuses it (401). */
    private readonly credentialSource: () => string,
    private readonly sleep: Sleep,
    private readonly onRetry?: (message: string) => void,
  ) {}

  async getResourceGroup(name: string) {
    const group = await this.patiently(`Reading resource group '${name}'`, async () => {
      try {
        return await this.sdk.resourceGroups.get(name);
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    });
    return group && { name: group.name ?? name, location: group.location };
  }

  async createResourceGroup(name: string, location: string) {
    // A PUT of the same group: repeating it after a lost answer changes nothing.
    await this.patiently(`Creating resource group '${name}' in ${location}`, () => this.sdk.resourceGroups.createOrUpdate(name, { location }));
  }

  async validate(resourceGroup: string, deploymentName: string, request: DeploymentRequest) {
    const result = await this.patiently(`Validating deployment '${deploymentName}'`, () =>
      this.sdk.deployments.beginValidateAndWait(resourceGroup, deploymentName, body(request), this.lroOptions()),
    );
    if (result.error) throw new ArmRequestError(`Validating deployment '${deploymentName}'`, result.error as ArmErrorInfo);
  }

  async whatIf(resourceGroup: string, deploymentName: string, request: DeploymentRequest): Promise<readonly ResourceChange[]> {
    // The SDK's mappers type a property change's before/after as dictionaries, which turns a
    // primitive like "10.0.0.0/16" into {"0":"1","1":"0",...}. Read the response body as sent.
    let raw: { properties?: { changes?: unknown[] } } | undefined;
    const result = await this.patiently(`What-if of deployment '${deploymentName}'`, () =>
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

  async submit(resourceGroup: string, deploymentName: string, request: DeploymentRequest, submitOptions: SubmitOptions = {}): Promise<SubmittedDeployment> {
    const signal = submitOptions.signal;
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
    // ARM makes the client's correlation id the deployment's: it tells our deployment from another
    // one of the same name when the answer to the PUT is lost.
    const correlationId = randomUUID();
    // Never rejects: a failure after ARM accepted the PUT is reported by waitUntilDone, or not at all.
    const outcome = this.sdk.deployments
      .beginCreateOrUpdate(resourceGroup, deploymentName, body(request), {
        ...this.lroOptions(), abortSignal: control.signal, onResponse, requestOptions: { customHeaders: { [CORRELATION_HEADER]: correlationId } },
      })
      .then((poller) => ({ poller }), (error: unknown) => ({ error }));
    const first = await Promise.race([acceptance, outcome]);
    signal?.removeEventListener('abort', abandon);
    if (!accepted && first && 'error' in first) {
      const attached = signal?.aborted ? undefined : await this.attach(resourceGroup, deploymentName, first.error, correlationId, submitOptions.uniqueName ?? false);
      if (attached) return attached;
      throw this.translate(`Submitting deployment '${deploymentName}'`, first.error);
    }
    const initial = accepted ?? (first && 'poller' in first ? first.poller.getOperationState().result : undefined);
    return {
      initial: initial?.properties ? { ...toState(initial), name: deploymentName } : { name: deploymentName, provisioningState: 'Accepted' },
      waitUntilDone: async (waitSignal?: AbortSignal, onRetry?: (message: string) => void) => {
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
          // The SDK's poller gives up after its own few retries; the deployment goes on in Azure.
          return this.follow(resourceGroup, deploymentName, error, waitSignal, onRetry);
        } finally {
          waitSignal?.removeEventListener('abort', stop);
        }
      },
    };
  }

  /**
   * After a PUT whose answer azcdk never saw: a connection error, or the SDK's retry of it
   * refused with DeploymentActive because ARM did receive the first one. The deployment found
   * under the name is ours if it carries our correlation id (or the name is unique to this run).
   */
  private async attach(resourceGroup: string, deploymentName: string, error: unknown, correlationId: string, uniqueName: boolean): Promise<SubmittedDeployment | undefined> {
    const e = error as { name?: string; statusCode?: number; code?: string; details?: { error?: ArmErrorInfo } };
    const active = e?.statusCode === 409 && (e.details?.error?.code ?? e.code) === 'DeploymentActive';
    const lost = e?.name === 'RestError' && e.statusCode === undefined;
    if (!active && !lost) return undefined;
    let found: DeploymentExtended | undefined;
    try {
      found = await this.sdk.deployments.get(resourceGroup, deploymentName);
    } catch {
      return undefined; // not there (nothing was submitted), or unreachable: report the PUT's error
    }
    const ours = found.properties?.correlationId?.toLowerCase() === correlationId || uniqueName;
    if (!ours) return undefined;
    const how = active ? 'the retried request found it running' : 'Azure has it';
    return {
      initial: { ...toState(found), name: deploymentName },
      attached: `the connection dropped before Azure's answer to deployment ${deploymentName} arrived, but Azure did accept it (${how}); following it.`,
      waitUntilDone: (waitSignal?: AbortSignal, onRetry?: (message: string) => void) => this.follow(resourceGroup, deploymentName, undefined, waitSignal, onRetry),
    };
  }

  /**
   * Polls the deployment itself (GET) until it is terminal. `error` is what stopped the SDK's
   * poller, if anything: a failed or canceled deployment rejects with a plain Error that lacks the
   * details (the deployment record has them); a transient failure (429, 5xx, dropped connection)
   * is retried with backoff, honouring Retry-After, until failures have gone on in a row for
   * givePollingUpAfterMs; anything else is a polling failure.
   */
  private async follow(resourceGroup: string, deploymentName: string, error: unknown, signal?: AbortSignal, onRetry?: (message: string) => void): Promise<DeploymentState> {
    if (error !== undefined && !isTransient(error)) {
      const state = await this.get(resourceGroup, deploymentName).catch(() => undefined);
      if (state && isTerminal(state.provisioningState)) return state;
      throw this.translate(this.waiting(resourceGroup, deploymentName), error);
    }
    const limit = this.givePollingUpAfterMs;
    let last = error;
    let failures = error === undefined ? 0 : 1;
    let failingSince = error === undefined ? undefined : Date.now();
    for (;;) {
      if (failingSince !== undefined) {
        const delay = backoff(last, failures);
        if (Date.now() + delay - failingSince > limit) {
          throw this.translate(this.waiting(resourceGroup, deploymentName, `${minutes(Date.now() - failingSince)} of failures in a row, so azcdk stopped waiting`), last);
        }
        onRetry?.(
          `could not poll deployment ${deploymentName} (${describeTransient(last)}); retrying in ${seconds(delay)}` +
            ` (failure ${failures} in a row; azcdk keeps trying for ${minutes(limit)} of failures in a row). The deployment goes on in Azure meanwhile.`,
        );
        await this.sleep(delay, signal);
      } else {
        await this.sleep(this.pollIntervalMs ?? 2000, signal);
      }
      try {
        const state = toState(await this.sdk.deployments.get(resourceGroup, deploymentName, signal ? { abortSignal: signal } : undefined));
        failingSince = undefined;
        failures = 0;
        if (isTerminal(state.provisioningState)) return state;
      } catch (e) {
        if (signal?.aborted || !isTransient(e)) throw this.translate(this.waiting(resourceGroup, deploymentName), e);
        last = e;
        failures++;
        failingSince ??= Date.now();
      }
    }
  }

  async followExisting(resourceGroup: string, deploymentName: string): Promise<SubmittedDeployment> {
    const initial = await this.get(resourceGroup, deploymentName);
    return {
      initial,
      waitUntilDone: (signal?: AbortSignal, onRetry?: (message: string) => void) =>
        isTerminal(initial.provisioningState) ? Promise.resolve(initial) : this.follow(resourceGroup, deploymentName, undefined, signal, onRetry),
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

  private waiting(resourceGroup: string, deploymentName: string, why = 'submitted'): string {
    return `Waiting for deployment '${deploymentName}' (${why}; it may still be running in Azure: az deployment group show -g ${resourceGroup} -n ${deploymentName})`;
  }

  private lroOptions() {
    return this.pollIntervalMs !== undefined ? { updateIntervalInMs: this.pollIntervalMs } : {};
  }

  /**
   * Runs a call made before the deployment is submitted (each is safe to repeat: reads, the PUT of
   * a resource group, validate and what-if, which change nothing). The SDK retries a 429, 5xx or
   * dropped connection 3 times within seconds; after that azcdk keeps retrying with the same
   * patience as polling: backoff of 1, 2, 4 ... 60 s, or Azure's Retry-After when longer, each
   * retry announced, until the waits add up to givePollingUpAfterMs.
   */
  private async patiently<T>(action: string, fn: () => Promise<T>): Promise<T> {
    const limit = this.givePollingUpAfterMs;
    let waited = 0;
    for (let failures = 1; ; failures++) {
      try {
        return await fn();
      } catch (error) {
        if (!isTransient(error)) throw this.translate(action, error);
        const delay = backoff(error, failures);
        if (waited + delay > limit) throw this.translate(`${action} (${minutes(waited)} of failures in a row, so azcdk stopped trying; nothing was deployed)`, error);
        this.onRetry?.(
          `${action}: ${describeTransient(error)}; retrying in ${seconds(delay)} (failure ${failures} in a row; azcdk keeps trying for ${minutes(limit)}). Nothing has been deployed yet.`,
        );
        await this.sleep(delay);
        waited += delay;
      }
    }
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
      return new ArmRequestError(action, info, e.statusCode, e.response?.headers?.get('x-ms-correlation-request-id'), e.statusCode === 401 ? this.credentialSource() : undefined);
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
 * of one listing are not delayed. The wait is this policy's alone, on `clock`: the Retry-After of
 * a response it paces by is taken off before the SDK's poller sees it, so the poller waits only
 * the poll interval and does not wait the same Retry-After again on its own timer.
 */
function pacingPolicy(pollIntervalMs: number, clock: Clock): PipelinePolicy {
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
      if (stream) await clock.sleep((notBefore.get(stream) ?? 0) - clock.now(), request.abortSignal);
      const response = await next(request);
      const retryAfter = retryAfterOf(response.headers.get('retry-after'));
      if (retryAfter !== undefined) retryAfterMs.set(key, retryAfter);
      const gap = Math.max(pollIntervalMs, retryAfterMs.get(key) ?? 0);
      // A PUT or POST that starts work sets when its first status poll may go out.
      const starts = request.method === 'PUT' || request.method === 'POST';
      if (stream) notBefore.set(stream, clock.now() + gap);
      else if (starts) notBefore.set(`${key} status`, clock.now() + gap);
      // Waited for above, before the next poll: the SDK's poller must not wait it once more.
      if ((stream || starts) && response.status < 300) response.headers.delete('retry-after');
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
  return systemClock.sleep(ms, signal);
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

const CORRELATION_HEADER = 'x-ms-correlation-request-id';

/** 408, 429, 5xx and errors without an HTTP status (connection reset, refused, timed out). */
function isTransient(error: unknown): boolean {
  const e = error as { name?: string; statusCode?: number } | null;
  if (e?.name !== 'RestError') return false;
  return e.statusCode === undefined || e.statusCode === 408 || e.statusCode === 429 || e.statusCode >= 500;
}

/** Backoff after the n-th failure in a row, or Azure's Retry-After when that is longer (a Retry-After of 0 is no reason to hammer). */
function backoff(error: unknown, failures: number): number {
  return Math.max(retryAfterOf(headerOf(error, 'retry-after')) ?? 0, Math.min(1000 * 2 ** (failures - 1), 60_000));
}

function describeTransient(error: unknown): string {
  const e = error as { statusCode?: number; code?: string; message?: string; details?: { error?: ArmErrorInfo } };
  if (e.statusCode !== undefined) return `HTTP ${e.statusCode}${e.details?.error?.code ? ` ${e.details.error.code}` : e.code ? ` ${e.code}` : ''}`;
  return e.code ?? e.message ?? 'connection failed';
}

function headerOf(error: unknown, name: string): string | undefined {
  return (error as { response?: { headers?: { get(n: string): string | undefined } } } | null)?.response?.headers?.get(name);
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function minutes(ms: number): string {
  return ms >= 60_000 ? `${Number((ms / 60_000).toFixed(1))} min` : seconds(ms);
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
