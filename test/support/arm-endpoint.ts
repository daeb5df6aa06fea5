/**
 * An ARM-compatible HTTP endpoint on 127.0.0.1 for tests and local demos: resource groups,
 * resource-group deployments (PUT 201 + Azure-AsyncOperation/Location, provisioningState
 * Accepted -> Running -> Succeeded/Failed/Canceled), validate and whatIf (long-running POSTs),
 * cancel, deployment operations, outputs, `{error:{code,message,details}}` bodies, and per-test
 * faults (throttling, 500s, dropped connections, failing resources, slow deployments).
 *
 * It follows the REST contract of Microsoft.Resources/deployments (api-version 2025-03-01 as sent
 * by @azure/arm-resources 6.1.0) closely enough that the real SDK can drive it; it does not
 * provision anything: a "resource" is a record it keeps in memory.
 */
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { evaluateValue } from './arm-endpoint-expressions.js';
import { preflight, propertyDelta, PreflightError, type ArmError, type Plan, type ResourceState } from './arm-endpoint-template.js';

/** Options of the endpoint. */
export interface ArmEndpointOptions {
  /** Port on 127.0.0.1. @default a random free port */
  readonly port?: number;
  /** The bearer token requests must carry. @default a random one */
  readonly token?: string;
  /** Time each resource operation takes, and each state step. @default 15 */
  readonly stepMs?: number;
  /** Retry-After (seconds) sent with LRO responses. @default 0 */
  readonly retryAfterSeconds?: number;
  /** Operations per page of the operations list. @default 100 */
  readonly operationsPageSize?: number;
  /** The time requests are recorded at (`at`), e.g. a test clock's. @default Date.now */
  readonly now?: () => number;
}

/** A fault to inject into matching requests. */
export interface Fault {
  /** HTTP method to match. @default any */
  readonly method?: string;
  /** Substring (case-insensitive) or pattern of the request path (without query). @default any */
  readonly path?: string | RegExp;
  /** How many matching requests it affects. @default 1 */
  readonly times?: number;
  /**
   * Answer with this status and error; or drop the connection without answering ('drop': the
   * request is not processed; 'drop-after-processing': it is, as when the answer is lost on the
   * way back after ARM accepted a deployment).
   */
  readonly action: { readonly status: number; readonly code: string; readonly message: string; readonly retryAfter?: string } | 'drop' | 'drop-after-processing';
}

/** A request the endpoint received. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** When it arrived (Date.now(), or the endpoint's `now`). */
  readonly at: number;
  /** Status answered, 'dropped', or `dropped after <status>` (processed, the answer never sent). */
  status?: number | 'dropped' | `dropped after ${number}`;
}

/** A deployment operation (`DeploymentOperation`). */
interface OperationRecord {
  readonly operationId: string;
  readonly provisioningOperation: string;
  provisioningState: string;
  readonly timestamp: string;
  readonly started: number;
  duration?: string;
  statusCode?: string;
  statusMessage?: unknown;
  readonly targetResource?: { id: string; resourceType: string; resourceName: string };
}

interface DeploymentRecord {
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly mode: string;
  readonly correlationId: string;
  readonly asyncOperationId: string;
  readonly plan: Plan;
  readonly started: number;
  readonly templateHash: string;
  provisioningState: 'Accepted' | 'Running' | 'Succeeded' | 'Failed' | 'Canceled';
  timestamp: string;
  error?: ArmError;
  outputs?: Record<string, { type: string; value?: unknown }>;
  outputResources?: { id: string }[];
  readonly operations: OperationRecord[];
}

interface PendingResult {
  polls: number;
  readonly result: unknown;
}

const DEPLOYMENTS_BASE = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.resources\/deployments\/([^/]+)(?:\/(validate|whatif|cancel|operationstatuses|operationresults)(?:\/([^/]+))?)?$/i;
const OPERATIONS = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/deployments\/([^/]+)\/operations(?:\/([^/]+))?$/i;
const RESOURCE_GROUP = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)$/i;

/** The endpoint. Start with `ArmEndpoint.start()`, stop with `close()`. */
export class ArmEndpoint {
  /** Starts an endpoint on 127.0.0.1. */
  static async start(options: ArmEndpointOptions = {}): Promise<ArmEndpoint> {
    const endpoint = new ArmEndpoint(options);
    await new Promise<void>((resolve, reject) => {
      endpoint.server.once('error', reject);
      endpoint.server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return endpoint;
  }

  /** The bearer token requests must carry. */
  readonly token: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Time each resource operation takes (ms); raise it for a slow deployment. */
  resourceDelayMs: number;
  /** Resource groups by lower-case name. */
  readonly resourceGroups = new Map<string, { name: string; location: string; tags?: unknown }>();
  /** Resources by lower-case id, as deployed (what-if compares against these). */
  readonly resources = new Map<string, ResourceState>();
  /**
   * Origin put into polling URLs (Location, Azure-AsyncOperation) and next links.
   * @default this endpoint's url; set another host to test that clients do not follow it with credentials
   */
  pollingOrigin?: string;
  /** Retry-After (seconds) sent with LRO responses; may change between requests. */
  retryAfterSeconds: number;
  /**
   * Answer validate and what-if at once (200 with the result, which ARM may do) instead of 202 and
   * a polling URL: for runs with the default --poll-interval, where each poll waits 5 s.
   */
  immediatePosts = false;
  /** Called with each request as it arrives, before it is answered (e.g. to press Ctrl-C while a PUT is in flight). */
  onRequest?: (request: RecordedRequest) => void;

  private readonly server: Server;
  private readonly stepMs: number;
  private readonly pageSize: number;
  private readonly faults: Array<Fault & { remaining: number }> = [];
  private readonly failures: Array<{ name: string; error: ArmError }> = [];
  private readonly deployments = new Map<string, DeploymentRecord>();
  private readonly results = new Map<string, PendingResult>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Read-only values Azure computes (FQDNs, IP addresses, ...) by lower-case resource id. */
  private readonly computed = new Map<string, Record<string, unknown>>();
  /** Resources Azure creates on its own (a private endpoint's NIC) by lower-case id. */
  private readonly implicit = new Map<string, ResourceState>();
  private addresses = 0;
  private closed = false;
  private paused?: Promise<void>;

  private readonly now: () => number;

  private constructor(options: ArmEndpointOptions) {
    this.now = options.now ?? Date.now;
    this.token = options.token ?? randomBytes(18).toString('base64url');
    this.stepMs = options.stepMs ?? 15;
    this.resourceDelayMs = this.stepMs;
    this.retryAfterSeconds = options.retryAfterSeconds ?? 0;
    this.pageSize = options.operationsPageSize ?? 100;
    this.server = createServer((req, res) => this.receive(req, res));
  }

  /** `http://127.0.0.1:PORT`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private get polling(): string {
    return this.pollingOrigin ?? this.url;
  }

  /** Injects a fault into the next matching request(s). */
  inject(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  /** Makes the operation on the resource with this name (or full `type/name`) fail with `error`. */
  failResource(name: string, error: ArmError): void {
    this.failures.push({ name: name.toLowerCase(), error });
  }

  /** Adds a resource as if it existed before (for what-if Modify/NoChange and Complete-mode deletes). */
  seedResource(resource: ResourceState): void {
    this.resources.set(resource.id.toLowerCase(), resource);
  }

  /**
   * Holds deployments in Accepted until the returned function is called: for a test that needs a
   * deployment still active when a request arrives, without depending on timing.
   */
  pauseDeployments(): () => void {
    let resume!: () => void;
    this.paused = new Promise<void>((resolve) => (resume = resolve));
    return () => {
      this.paused = undefined;
      resume();
    };
  }

  /** A deployment's provisioningState, or undefined. */
  deploymentState(resourceGroup: string, name: string): string | undefined {
    return this.deployments.get(`${resourceGroup}/${name}`.toLowerCase())?.provisioningState;
  }

  /** Stops listening, drops open connections and stops running deployments. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const record: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: this.now() };
      this.requests.push(record);
      this.onRequest?.(record);
      const fault = this.takeFault(record);
      if (fault === 'drop') {
        record.status = 'dropped';
        req.socket.destroy();
        return;
      }
      const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        if (fault === 'drop-after-processing') {
          record.status = `dropped after ${status}`;
          req.socket.destroy();
          return;
        }
        record.status = status;
        const correlationId = (req.headers['x-ms-correlation-request-id'] as string | undefined) ?? randomUUID();
        res.writeHead(status, {
          'x-ms-request-id': randomUUID(),
          'x-ms-correlation-request-id': correlationId,
          ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
          ...headers,
        });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      if (fault && fault !== 'drop-after-processing') {
        reply(fault.status, { error: { code: fault.code, message: fault.message } }, fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {});
        return;
      }
      if (req.headers.authorization !== `Bearer ${this.token}`) {
        reply(401, { error: { code: 'InvalidAuthenticationToken', message: 'The access token is missing or invalid.' } });
        return;
      }
      if (!url.searchParams.get('api-version')) {
        reply(400, { error: { code: 'MissingApiVersionParameter', message: "The api-version query parameter (?api-version=) is required for all requests." } });
        return;
      }
      try {
        this.route(record, reply);
      } catch (error) {
        if (error instanceof PreflightError) reply(400, { error: error.error });
        else reply(500, { error: { code: 'InternalServerError', message: `The test ARM endpoint failed: ${(error as Error).stack}` } });
      }
    });
  }

  private takeFault(request: RecordedRequest): Fault['action'] | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.method === undefined || f.method.toUpperCase() === request.method) &&
        (f.path === undefined || (typeof f.path === 'string' ? request.path.toLowerCase().includes(f.path.toLowerCase()) : f.path.test(request.path))),
    );
    if (!fault) return undefined;
    fault.remaining--;
    return fault.action;
  }

  private route(request: RecordedRequest, reply: (status: number, body?: unknown, headers?: Record<string, string>) => void): void {
    const { method, path } = request;
    let m: RegExpExecArray | null;
    if ((m = RESOURCE_GROUP.exec(path))) {
      const [, sub, rg] = m;
      const group = this.resourceGroups.get(rg.toLowerCase());
      const body = (g: { name: string; location: string; tags?: unknown }) => ({
        id: `/subscriptions/${sub}/resourceGroups/${g.name}`, name: g.name, type: 'Microsoft.Resources/resourceGroups', location: g.location,
        ...(g.tags ? { tags: g.tags } : {}), properties: { provisioningState: 'Succeeded' },
      });
      if (method === 'GET' || method === 'HEAD') {
        if (!group) return reply(404, method === 'HEAD' ? undefined : { error: { code: 'ResourceGroupNotFound', message: `Resource group '${rg}' could not be found.` } });
        return reply(method === 'HEAD' ? 204 : 200, method === 'HEAD' ? undefined : body(group));
      }
      if (method === 'PUT') {
        const input = parseJson(request.body) as { location?: string; tags?: unknown } | undefined;
        if (!input?.location) return reply(400, { error: { code: 'LocationRequired', message: 'The location property is required for this definition.' } });
        const next = { name: group?.name ?? rg, location: input.location, tags: input.tags };
        this.resourceGroups.set(rg.toLowerCase(), next);
        return reply(group ? 200 : 201, body(next));
      }
      return reply(405, { error: { code: 'MethodNotAllowed', message: `${method} is not supported on a resource group by the test endpoint.` } });
    }
    if ((m = OPERATIONS.exec(path)) && method === 'GET') {
      const [, , rg, name, operationId] = m;
      const deployment = this.deployments.get(`${rg}/${name}`.toLowerCase());
      if (!deployment) return reply(404, { error: { code: 'DeploymentNotFound', message: `Deployment '${name}' could not be found.` } });
      const ops = deployment.operations.map((o) => this.operationBody(deployment, o));
      if (operationId) {
        const op = ops.find((o) => o.operationId === operationId);
        return op ? reply(200, op) : reply(404, { error: { code: 'DeploymentOperationNotFound', message: `Operation '${operationId}' not found.` } });
      }
      const skip = Number(request.query.get('$skiptoken') ?? 0);
      const page = ops.slice(skip, skip + this.pageSize);
      const next = skip + this.pageSize < ops.length ? `${this.polling}${path}?api-version=${request.query.get('api-version')}&$skiptoken=${skip + this.pageSize}` : undefined;
      return reply(200, { value: page, ...(next ? { nextLink: next } : {}) });
    }
    if ((m = DEPLOYMENTS_BASE.exec(path))) {
      const [, sub, rg, name, action, operationId] = m;
      const key = `${rg}/${name}`.toLowerCase();
      const deployment = this.deployments.get(key);
      const group = this.resourceGroups.get(rg.toLowerCase());
      const base = `/subscriptions/${sub}/resourcegroups/${rg}/providers/Microsoft.Resources/deployments/${name}`;
      const apiVersion = request.query.get('api-version')!;
      const notFound = () => reply(404, { error: { code: 'DeploymentNotFound', message: `Deployment '${name}' could not be found.` } });
      const noGroup = () => reply(404, { error: { code: 'ResourceGroupNotFound', message: `Resource group '${rg}' could not be found.` } });
      switch (`${method} ${action?.toLowerCase() ?? ''}`) {
        case 'GET ':
          return deployment ? reply(200, this.deploymentBody(deployment)) : notFound();
        case 'HEAD ':
          return reply(deployment ? 204 : 404);
        case 'PUT ': {
          if (!group) return noGroup();
          if (deployment && (deployment.provisioningState === 'Accepted' || deployment.provisioningState === 'Running')) {
            return reply(409, { error: { code: 'DeploymentActive', message: `The deployment '${name}' cannot be saved, because this would overwrite an existing deployment which is still active.` } });
          }
          const plan = this.plan(request, sub, group, name);
          const record = this.createDeployment(sub, rg, name, plan, request);
          const headers = {
            'azure-asyncoperation': `${this.polling}${base}/operationStatuses/${record.asyncOperationId}?api-version=${apiVersion}`,
            location: `${this.polling}${base}/operationResults/${record.asyncOperationId}?api-version=${apiVersion}`,
            'retry-after': String(this.retryAfterSeconds),
          };
          this.run(record);
          return reply(deployment ? 200 : 201, this.deploymentBody(record), headers);
        }
        case 'POST validate': {
          if (!group) return noGroup();
          const plan = this.plan(request, sub, group, name);
          const result = {
            id: `${base}`, name,
            properties: {
              provisioningState: 'Succeeded', mode: (parseJson(request.body) as any).properties.mode,
              parameters: outputParameters(plan), validatedResources: plan.resources.map((r) => ({ id: r.id })),
            },
          };
          return this.acceptPost(base, apiVersion, result, reply);
        }
        case 'POST whatif': {
          if (!group) return noGroup();
          const plan = this.plan(request, sub, group, name);
          const mode = (parseJson(request.body) as any).properties.mode as string;
          return this.acceptPost(base, apiVersion, { status: 'Succeeded', properties: { changes: this.whatIf(plan, sub, rg, mode) } }, reply);
        }
        case 'POST cancel': {
          if (!deployment) return notFound();
          if (deployment.provisioningState !== 'Accepted' && deployment.provisioningState !== 'Running') {
            return reply(409, { error: { code: 'DeploymentCannotBeCanceled', message: `The deployment '${name}' is in state '${deployment.provisioningState}' and cannot be canceled.` } });
          }
          deployment.provisioningState = 'Canceled';
          deployment.timestamp = new Date().toISOString();
          for (const op of deployment.operations) if (op.provisioningState === 'Running') this.finish(op, 'Canceled');
          return reply(204);
        }
        case 'GET operationstatuses': {
          if (!deployment || deployment.asyncOperationId !== operationId) return notFound();
          return reply(200, { status: deployment.provisioningState, ...(deployment.error ? { error: deployment.error } : {}) }, { 'retry-after': String(this.retryAfterSeconds) });
        }
        case 'GET operationresults': {
          const pending = this.results.get(operationId ?? '');
          if (pending) {
            // Answer 202 once (still running), then the result, as ARM does for validate/whatIf.
            if (pending.polls++ === 0) return reply(202, undefined, { location: `${this.polling}${path}?api-version=${apiVersion}`, 'retry-after': String(this.retryAfterSeconds) });
            return reply(200, pending.result);
          }
          if (deployment?.asyncOperationId === operationId) {
            const active = deployment.provisioningState === 'Accepted' || deployment.provisioningState === 'Running';
            return active ? reply(202, undefined, { location: `${this.polling}${path}?api-version=${apiVersion}`, 'retry-after': String(this.retryAfterSeconds) }) : reply(200, this.deploymentBody(deployment));
          }
          return notFound();
        }
      }
    }
    reply(404, { error: { code: 'NotFound', message: `The test ARM endpoint has no route for ${method} ${path}.` } });
  }

  private plan(request: RecordedRequest, subscriptionId: string, group: { name: string; location: string }, deploymentName: string): Plan {
    const body = parseJson(request.body);
    if (body === undefined) throw new PreflightError({ code: 'InvalidRequestContent', message: 'The request content is not valid JSON.' });
    return preflight(body, { subscriptionId, resourceGroup: group, deploymentName }, (id) => {
      const r = this.resources.get(id.toLowerCase()) ?? this.implicit.get(id.toLowerCase());
      if (!r) return undefined;
      // reference(id) returns the resource's properties as Azure reports them: what was sent plus
      // what Azure computed (FQDNs, IP addresses, provisioningState, ...).
      const properties = { ...(r.properties as object | undefined), ...this.computed.get(id.toLowerCase()) };
      return { ...properties, properties, id: r.id, name: r.name, location: r.location };
    });
  }

  private acceptPost(base: string, apiVersion: string, result: unknown, reply: (status: number, body?: unknown, headers?: Record<string, string>) => void): void {
    if (this.immediatePosts) return reply(200, result);
    const id = randomUUID();
    this.results.set(id, { polls: 0, result });
    reply(202, undefined, { location: `${this.polling}${base}/operationResults/${id}?api-version=${apiVersion}`, 'retry-after': String(this.retryAfterSeconds) });
  }

  private whatIf(plan: Plan, sub: string, rg: string, mode: string): unknown[] {
    const changes: unknown[] = plan.resources.map((r) => {
      const after = { id: r.id, name: r.name, type: r.type, apiVersion: r.apiVersion, ...(r.location ? { location: r.location } : {}), ...(r.properties !== undefined ? { properties: r.properties } : {}) };
      const existing = this.resources.get(r.id.toLowerCase());
      if (!existing) return { resourceId: r.id, changeType: 'Create', after };
      const delta = propertyDelta(existing, after);
      return delta.length ? { resourceId: r.id, changeType: 'Modify', before: existing, after, delta } : { resourceId: r.id, changeType: 'NoChange', before: existing, after };
    });
    const planned = new Set(plan.resources.map((r) => r.id.toLowerCase()));
    const prefix = `/subscriptions/${sub}/resourcegroups/${rg}/`.toLowerCase();
    for (const r of this.resources.values()) {
      if (!r.id.toLowerCase().startsWith(prefix) || planned.has(r.id.toLowerCase())) continue;
      changes.push(mode === 'Complete' ? { resourceId: r.id, changeType: 'Delete', before: r } : { resourceId: r.id, changeType: 'Ignore', before: r });
    }
    return changes;
  }

  private createDeployment(sub: string, rg: string, name: string, plan: Plan, request: RecordedRequest): DeploymentRecord {
    const body = parseJson(request.body) as { properties: { mode: string; template: unknown } };
    const record: DeploymentRecord = {
      id: `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Resources/deployments/${name}`,
      name, subscriptionId: sub, resourceGroup: rg, mode: body.properties.mode,
      correlationId: (request.headers['x-ms-correlation-request-id'] as string | undefined) ?? randomUUID(),
      asyncOperationId: randomUUID().replace(/-/g, '').toUpperCase().slice(0, 16),
      plan, started: Date.now(), templateHash: createHash('sha256').update(JSON.stringify(body.properties.template)).digest('hex').slice(0, 20),
      provisioningState: 'Accepted', timestamp: new Date().toISOString(), operations: [],
    };
    this.deployments.set(`${rg}/${name}`.toLowerCase(), record);
    return record;
  }

  /** Processes the resources one at a time in dependsOn order. */
  private async run(d: DeploymentRecord): Promise<void> {
    const active = () => !this.closed && d.provisioningState !== 'Canceled';
    await this.sleep(this.stepMs);
    if (this.paused) await this.paused;
    if (!active()) return;
    d.provisioningState = 'Running';
    const failed = new Set<string>();
    const failedOps: Array<{ id: string; error: ArmError }> = [];
    for (const r of d.plan.resources) {
      if (r.dependsOn.some((dep) => failed.has(dep.toLowerCase()))) {
        failed.add(r.id.toLowerCase()); // never started: its dependency failed
        continue;
      }
      const op = this.startOperation(d, 'Create', { id: r.id, resourceType: r.type, resourceName: r.name });
      await this.sleep(this.resourceDelayMs);
      if (!active()) return;
      const error = this.resourceError(r);
      if (error) {
        failed.add(r.id.toLowerCase());
        failedOps.push({ id: r.id, error });
        this.finish(op, 'Failed', error.code === 'ParentResourceNotFound' ? 'NotFound' : 'BadRequest', { status: 'Failed', error });
        continue;
      }
      const existed = this.resources.has(r.id.toLowerCase());
      // As stored by Azure: a resource without a location has no location key (not one set to
      // undefined, which what-if would report as a change on every redeploy).
      const { dependsOn: _, location, ...rest } = r;
      const state: ResourceState = { ...rest, ...(location !== undefined ? { location } : {}) };
      this.resources.set(r.id.toLowerCase(), state);
      this.compute(state, d);
      this.finish(op, 'Succeeded', existed ? 'OK' : 'Created', null);
    }
    if (d.mode === 'Complete' && !failedOps.length) {
      const planned = new Set(d.plan.resources.map((r) => r.id.toLowerCase()));
      const prefix = `/subscriptions/${d.subscriptionId}/resourcegroups/${d.resourceGroup}/`.toLowerCase();
      for (const [key, r] of [...this.resources]) {
        if (!key.startsWith(prefix) || planned.has(key)) continue;
        const op = this.startOperation(d, 'Delete', { id: r.id, resourceType: r.type, resourceName: r.name });
        await this.sleep(this.resourceDelayMs);
        if (!active()) return;
        this.resources.delete(key);
        this.finish(op, 'Succeeded', 'OK', null);
      }
    }
    if (failedOps.length) {
      d.error = {
        code: 'DeploymentFailed',
        message: 'At least one resource deployment operation failed. Please list deployment operations for details. Please see https://aka.ms/arm-deployment-operations for usage details.',
        details: failedOps.map((f) => ({ code: 'ResourceDeploymentFailure', target: f.id, message: "The resource write operation failed to complete successfully, because it reached terminal provisioning state 'Failed'.", details: [f.error] })),
      };
      d.provisioningState = 'Failed';
    } else {
      const op = this.startOperation(d, 'EvaluateDeploymentOutput');
      try {
        d.outputs = Object.fromEntries(
          Object.entries(d.plan.outputs)
            // ARM never returns the value of a secure output, only its type.
            .map(([name, o]) => [name, o.type.toLowerCase().startsWith('secure') ? { type: o.type.toLowerCase() === 'securestring' ? 'SecureString' : 'SecureObject' } : { type: capitalize(o.type), value: evaluateValue(o.value, d.plan.context) }]),
        );
        this.finish(op, 'Succeeded', 'OK', null);
        d.outputResources = d.plan.resources.map((r) => ({ id: r.id }));
        d.provisioningState = 'Succeeded';
      } catch (error) {
        d.error = { code: 'DeploymentOutputEvaluationFailed', message: `Unable to evaluate template outputs: ${(error as Error).message}` };
        this.finish(op, 'Failed', 'BadRequest', { status: 'Failed', error: d.error });
        d.provisioningState = 'Failed';
      }
    }
    d.timestamp = new Date().toISOString();
  }

  /**
   * Fills in the read-only values Azure computes for the resource types of the examples, so
   * reference() in outputs sees what it would see in Azure.
   */
  private compute(r: ResourceState, d: DeploymentRecord): void {
    const key = r.id.toLowerCase();
    const props = (r.properties ?? {}) as Record<string, any>;
    const computed: Record<string, unknown> = { ...this.computed.get(key), provisioningState: 'Succeeded' };
    switch (r.type.toLowerCase()) {
      case 'microsoft.dbforpostgresql/flexibleservers':
        Object.assign(computed, { fullyQualifiedDomainName: `${r.name}.postgres.database.azure.com`, state: 'Ready' });
        break;
      case 'microsoft.network/publicipaddresses':
        // TEST-NET-3 (RFC 5737): documentation addresses, never routed.
        computed.ipAddress ??= `203.0.113.${10 + (this.addresses++ % 240)}`;
        break;
      case 'microsoft.network/networkinterfaces':
        computed.ipConfigurations = this.withPrivateIps(props.ipConfigurations, this.computed.get(key)?.ipConfigurations);
        break;
      case 'microsoft.network/privateendpoints': {
        // Azure creates the endpoint's NIC itself, named customNetworkInterfaceName if given.
        const nicName = typeof props.customNetworkInterfaceName === 'string' && props.customNetworkInterfaceName
          ? props.customNetworkInterfaceName
          : `${r.name}.nic.${randomUUID()}`;
        const nicId = `/subscriptions/${d.subscriptionId}/resourceGroups/${d.resourceGroup}/providers/Microsoft.Network/networkInterfaces/${nicName}`;
        const nic: ResourceState = {
          id: nicId, type: 'Microsoft.Network/networkInterfaces', name: nicName, apiVersion: r.apiVersion, ...(r.location ? { location: r.location } : {}),
          properties: { ipConfigurations: [{ name: 'privateEndpointIpConfig', properties: { privateIPAllocationMethod: 'Dynamic', subnet: props.subnet } }] },
        };
        if (!this.implicit.has(nicId.toLowerCase())) this.implicit.set(nicId.toLowerCase(), nic);
        this.compute(this.implicit.get(nicId.toLowerCase())!, d);
        computed.networkInterfaces = [{ id: nicId }];
        break;
      }
    }
    this.computed.set(key, computed);
  }

  /** ipConfigurations with a privateIPAddress each (kept across deployments, like Azure). */
  private withPrivateIps(configs: unknown, before: unknown): unknown[] {
    const list = Array.isArray(configs) ? (configs as Array<Record<string, any>>) : [];
    const previous = Array.isArray(before) ? (before as Array<Record<string, any>>) : [];
    return list.map((c, i) => ({
      ...c,
      properties: {
        ...c.properties,
        privateIPAddress: c.properties?.privateIPAddress ?? previous[i]?.properties?.privateIPAddress ?? `10.0.0.${4 + (this.addresses++ % 250)}`,
        provisioningState: 'Succeeded',
      },
    }));
  }

  private resourceError(r: { id: string; type: string; name: string }): ArmError | undefined {
    const injected = this.failures.find((f) => f.name === r.name.toLowerCase() || f.name === `${r.type}/${r.name}`.toLowerCase());
    if (injected) return injected.error;
    const types = r.type.split('/');
    if (types.length > 2) {
      const parentId = r.id.split('/').slice(0, -2).join('/');
      if (!this.resources.has(parentId.toLowerCase())) {
        return { code: 'ParentResourceNotFound', message: `Can not perform requested operation on nested resource. Parent resource '${r.name.split('/').slice(0, -1).join('/')}' not found.` };
      }
    }
    return undefined;
  }

  private startOperation(d: DeploymentRecord, provisioningOperation: string, targetResource?: OperationRecord['targetResource']): OperationRecord {
    const op: OperationRecord = {
      operationId: randomBytes(8).toString('hex').toUpperCase(), provisioningOperation, provisioningState: 'Running',
      timestamp: new Date().toISOString(), started: Date.now(), ...(targetResource ? { targetResource } : {}),
    };
    d.operations.push(op);
    return op;
  }

  private finish(op: OperationRecord, state: string, statusCode?: string, statusMessage?: unknown): void {
    op.provisioningState = state;
    op.duration = `PT${((Date.now() - op.started) / 1000).toFixed(3)}S`;
    if (statusCode) op.statusCode = statusCode;
    if (statusMessage !== undefined) op.statusMessage = statusMessage;
  }

  private operationBody(d: DeploymentRecord, o: OperationRecord) {
    return {
      id: `${d.id}/operations/${o.operationId}`,
      operationId: o.operationId,
      properties: {
        provisioningOperation: o.provisioningOperation, provisioningState: o.provisioningState, timestamp: o.timestamp,
        duration: o.duration ?? `PT${((Date.now() - o.started) / 1000).toFixed(3)}S`, trackingId: randomUUID(),
        ...(o.statusCode ? { statusCode: o.statusCode } : {}), ...(o.statusMessage !== undefined ? { statusMessage: o.statusMessage } : {}),
        ...(o.targetResource ? { targetResource: o.targetResource } : {}),
      },
    };
  }

  private deploymentBody(d: DeploymentRecord) {
    return {
      id: d.id, name: d.name, type: 'Microsoft.Resources/deployments',
      properties: {
        provisioningState: d.provisioningState, timestamp: d.timestamp, duration: `PT${((Date.now() - d.started) / 1000).toFixed(3)}S`,
        correlationId: d.correlationId, mode: d.mode, templateHash: d.templateHash, parameters: outputParameters(d.plan),
        ...(d.outputs ? { outputs: d.outputs } : {}), ...(d.outputResources ? { outputResources: d.outputResources } : {}),
        ...(d.error ? { error: d.error } : {}),
      },
    };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => { this.timers.delete(t); resolve(); }, ms);
      this.timers.add(t);
    });
  }
}

/** Parameters as ARM echoes them: capitalized types, secure values omitted. */
function outputParameters(plan: Plan): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(plan.parameters).map(([name, value]) => {
      if (plan.secureParameters.has(name)) return [name, { type: typeof value === 'string' ? 'SecureString' : 'SecureObject' }];
      const type = Array.isArray(value) ? 'Array' : typeof value === 'number' ? 'Int' : typeof value === 'boolean' ? 'Bool' : typeof value === 'object' ? 'Object' : 'String';
      return [name, { type, value }];
    }),
  );
}

function capitalize(type: string): string {
  const lower = type.toLowerCase();
  return lower === 'securestring' ? 'SecureString' : lower === 'secureobject' ? 'SecureObject' : lower.charAt(0).toUpperCase() + lower.slice(1);
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
