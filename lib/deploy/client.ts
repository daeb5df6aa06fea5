/**
 * What the deployer needs from Azure Resource Manager, independent of the SDK package that
 * provides it. arm-resources-client.ts implements it with @azure/arm-resources 6.1.0; moving to
 * @azure/arm-resourcesdeployments (Node 22) means writing one more implementation of this file.
 */
import { AzcdkError } from '../core/errors.js';

/** A template parameter value as the deployment body carries it. */
export type ParameterValue =
  | { readonly value: unknown }
  | { readonly reference: { readonly keyVault: { readonly id: string }; readonly secretName: string; readonly secretVersion?: string } };

/** The body of a deployment, validation or what-if. */
export interface DeploymentRequest {
  readonly mode: 'Incremental' | 'Complete';
  readonly template: unknown;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
}

/** An ARM error (`ErrorDetail`): code, message, target and nested details. */
export interface ArmErrorInfo {
  readonly code?: string;
  readonly message?: string;
  readonly target?: string;
  readonly details?: readonly ArmErrorInfo[];
}

/** Terminal and non-terminal deployment states. */
export type ProvisioningState = 'Accepted' | 'Running' | 'Succeeded' | 'Failed' | 'Canceled' | string;

/** True once a deployment has finished: Succeeded, Failed or Canceled. */
export function isTerminal(state: ProvisioningState): boolean {
  return state === 'Succeeded' || state === 'Failed' || state === 'Canceled';
}

/** A deployment as ARM reports it. */
export interface DeploymentState {
  readonly id?: string;
  readonly name: string;
  readonly provisioningState: ProvisioningState;
  readonly correlationId?: string;
  readonly timestamp?: Date;
  /** Output values by name (`{type, value}` as ARM returns them). */
  readonly outputs?: Readonly<Record<string, { readonly type?: string; readonly value?: unknown }>>;
  readonly error?: ArmErrorInfo;
}

/** One deployment operation (usually one resource). */
export interface OperationInfo {
  readonly operationId: string;
  /** Create, Delete, Read, Action, EvaluateDeploymentOutput, ... */
  readonly provisioningOperation?: string;
  readonly provisioningState?: string;
  readonly timestamp?: Date;
  /** ISO 8601 duration as ARM reports it, e.g. PT2.5S. */
  readonly duration?: string;
  readonly statusCode?: string;
  /** The operation's own error (from `statusMessage.error`), if it failed. */
  readonly error?: ArmErrorInfo;
  readonly target?: { readonly id?: string; readonly type?: string; readonly name?: string };
}

/** A property-level change in a what-if result. */
export interface PropertyChange {
  readonly path: string;
  readonly propertyChangeType: 'Create' | 'Delete' | 'Modify' | 'Array' | 'NoEffect' | string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly children?: readonly PropertyChange[];
}

/** A resource-level change in a what-if result. */
export interface ResourceChange {
  readonly resourceId: string;
  readonly changeType: 'Create' | 'Delete' | 'Ignore' | 'Deploy' | 'NoChange' | 'Modify' | 'Unsupported' | string;
  readonly unsupportedReason?: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly delta?: readonly PropertyChange[];
}

/** A submitted deployment. Nothing more is sent about it until waitUntilDone is called. */
export interface SubmittedDeployment {
  /** State right after submission (usually Accepted). */
  readonly initial: DeploymentState;
  /**
   * Set when azcdk did not see ARM accept the PUT but found the deployment it sent running (the
   * connection dropped after ARM received it): what happened, for the user.
   */
  readonly attached?: string;
  /**
   * Polls until the deployment is terminal, honouring Retry-After; resolves with the final state
   * whether it succeeded or not. Transient failures (429, 5xx, dropped connections) are retried
   * with backoff, each announced through `onRetry`, until they have gone on for a long time (see
   * ArmClientOptions.givePollingUpAfterMs). Rejects when polling fails for good or `signal` aborts.
   */
  waitUntilDone(signal?: AbortSignal, onRetry?: (message: string) => void): Promise<DeploymentState>;
}

/** How a deployment is submitted. */
export interface SubmitOptions {
  /** Abandons the PUT: submit rejects with an AbortError, and ARM may or may not have received the deployment. */
  readonly signal?: AbortSignal;
  /**
   * The deployment name was made up by azcdk for this run (unique), so a deployment of that name
   * found running after a dropped connection can only be the one this run sent.
   * @default false
   */
  readonly uniqueName?: boolean;
}

/** Resource-group-scope deployment operations. */
export interface DeploymentClient {
  /** The resource group, or undefined if it does not exist. */
  getResourceGroup(name: string): Promise<{ readonly name: string; readonly location: string } | undefined>;
  createResourceGroup(name: string, location: string): Promise<void>;
  /** Validates (preflight). Throws ArmRequestError if the deployment would be rejected. */
  validate(resourceGroup: string, deploymentName: string, request: DeploymentRequest): Promise<void>;
  /** What would change. */
  whatIf(resourceGroup: string, deploymentName: string, request: DeploymentRequest): Promise<readonly ResourceChange[]>;
  /**
   * Submits the deployment (PUT) and resolves as soon as ARM accepted it, without polling.
   * Throws ArmRequestError if ARM refused it. When the answer is lost (the connection dropped,
   * and the SDK's retried PUT found the deployment active), it attaches to the deployment if it
   * is the one this call sent (same correlation id, or `uniqueName`).
   */
  submit(resourceGroup: string, deploymentName: string, request: DeploymentRequest, options?: SubmitOptions): Promise<SubmittedDeployment>;
  /**
   * A deployment sent earlier (by `--no-wait`, another run, the portal), to follow like one this
   * run submitted. Throws ArmRequestError (404 DeploymentNotFound) if there is none of that name.
   */
  followExisting(resourceGroup: string, deploymentName: string): Promise<SubmittedDeployment>;
  get(resourceGroup: string, deploymentName: string): Promise<DeploymentState>;
  listOperations(resourceGroup: string, deploymentName: string): Promise<readonly OperationInfo[]>;
  cancel(resourceGroup: string, deploymentName: string): Promise<void>;
}

/** ARM refused a request: its error code, message and inner details, with the correlation id. */
export class ArmRequestError extends AzcdkError {
  constructor(
    /** What we were doing, e.g. "Validating deployment 'x'". */
    readonly action: string,
    readonly error: ArmErrorInfo,
    readonly statusCode?: number,
    readonly correlationId?: string,
    /** What azcdk knows that helps (a 401: where the token came from). */
    readonly hint?: string,
  ) {
    super(`${action} failed${statusCode ? ` (HTTP ${statusCode})` : ''}: ${error.code ?? 'Error'}: ${error.message ?? '(no message)'}${hint ? `\n${hint}` : ''}`);
    this.name = 'ArmRequestError';
  }
}
