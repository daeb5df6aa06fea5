/**
 * Resource identities: each resource's name segments and scope, resolved once per stack. The ARM
 * writer, the Bicep writer and the manifest build names, `resourceId()` and `reference()` from
 * them, and dependency edges through existing resources use what they reference, so no token
 * string of a name is parsed again after this step.
 */
import type { Problem } from '../../core/errors.js';
import type { IResourceTarget } from '../../core/expression.js';
import { Interpolation, type Expression } from '../../core/expression.js';
import { ResourceBase } from '../../core/resource-base.js';
import { Stack } from '../../core/stack.js';
import { normalizeArgument, References, resolveValue, type DeclaredNames, type ResolveContext, type Resolved } from '../resolve.js';

/** Who a resource is, resolved: what its ARM name, `resourceId()` and `reference()` are built from. */
export interface ResolvedIdentity {
  /** The resource. */
  readonly target: IResourceTarget;
  /** Name segments: the top-level ancestor's short name first, the resource's own short name last. */
  readonly segments: readonly Resolved[];
  /** The full ARM name: the segments joined with `/` (a plain string when all are literal). */
  readonly fullName: Resolved;
  /** Resource group of an import from another group (a child's is its parent's). @default the deployment's */
  readonly resourceGroupName?: Resolved;
  /** Subscription of an import from another subscription. @default the deployment's */
  readonly subscriptionId?: Resolved;
  /** What the name and scope reference (parents' included): a resource that uses the name depends on these. */
  readonly references: References;
}

/** Looks up the identity of a resource. */
export type IdentityLookup = (target: IResourceTarget) => ResolvedIdentity;

/**
 * The identities of one stack's resources, resolved on first use (a child's from its parent's).
 * Problems in a name are reported once, at the resource that owns the name.
 */
export class Identities {
  private readonly resolved = new Map<IResourceTarget, ResolvedIdentity>();

  constructor(private readonly stack: Stack, private readonly problems: Problem[], private readonly declared?: DeclaredNames) {}

  /** The identity of `target`: resolved for the stack's own resources, as written for any other. */
  public readonly of: IdentityLookup = (target) => {
    let identity = this.resolved.get(target);
    if (!identity) this.resolved.set(target, (identity = this.resolve(target)));
    return identity;
  };

  private resolve(target: IResourceTarget): ResolvedIdentity {
    const construct = ResourceBase.isResource(target) ? target : undefined;
    if (!construct || Stack.tryOf(construct) !== this.stack) return identityAsWritten(target);
    const references = new References();
    const ctx: ResolveContext = {
      stack: this.stack, ownerPath: construct.node.path, problems: this.problems, references, declared: this.declared,
      evaluatedEarly: { place: target.isExisting ? 'the name of an existing resource' : 'a resource name' },
    };
    const own = resolveValue(target.shortName, ctx, 'name') ?? null;
    // A parent in another stack is reported by the placement check: the name stays the child's own.
    const parent = target.parentResource && Stack.tryOf(target.parentResource as ResourceBase) === this.stack ? this.of(target.parentResource) : undefined;
    if (parent) {
      references.addAll(parent.references);
      return { target, segments: [...parent.segments, own], fullName: joinSegments([...parent.segments, own]), resourceGroupName: parent.resourceGroupName, subscriptionId: parent.subscriptionId, references: references.isEmpty ? NOTHING : references };
    }
    const resourceGroupName = resolveValue(target.resourceGroupName, ctx, 'resourceGroupName');
    const subscriptionId = resolveValue(target.subscriptionId, ctx, 'subscriptionId');
    // Most names are literal: those share one empty record, so large stacks keep no object per name.
    return { target, segments: [own], fullName: own, resourceGroupName, subscriptionId, references: references.isEmpty ? NOTHING : references };
  }
}

/** The identity of a resource outside any stack model (assertions, another stack's resource), from its values as written. */
export function identityAsWritten(target: IResourceTarget): ResolvedIdentity {
  const segments: Resolved[] = [];
  for (let t: IResourceTarget | undefined = target; t; t = t.parentResource) segments.unshift(normalizeArgument(t.shortName) as Resolved);
  return {
    target,
    segments,
    fullName: joinSegments(segments),
    resourceGroupName: normalizeArgument(target.resourceGroupName) as Resolved | undefined,
    subscriptionId: normalizeArgument(target.subscriptionId) as Resolved | undefined,
    references: NOTHING,
  };
}

/** What a literal name references (shared, never added to). */
const NOTHING = new References();

/** A resource's own short name: the last of its name segments. */
export function shortNameOf(identity: ResolvedIdentity): Resolved {
  return identity.segments[identity.segments.length - 1];
}

/** `parent/child` as an interpolation of the segments (a plain string when all are literal). */
function joinSegments(segments: readonly Resolved[]): Resolved {
  if (segments.length === 1) return segments[0];
  const parts: Array<string | Expression> = [];
  segments.forEach((segment, i) => {
    if (i > 0) parts.push('/');
    parts.push(segment as string | Expression);
  });
  const joined = new Interpolation(parts);
  return joined.parts.length === 1 && typeof joined.parts[0] === 'string' ? joined.parts[0] : joined;
}
