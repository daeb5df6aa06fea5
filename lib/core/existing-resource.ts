/**
 * ExistingResource: a resource this template does not deploy but refers to (Bicep `existing`).
 */
import { AzcdkError } from './errors.js';
import type { Construct } from 'constructs';
import type { Value } from './expression.js';
import { ResourceBase, type ResourceIdentityProps } from './resource-base.js';

/** Options for an existing resource. */
export interface ExistingResourceProps extends ResourceIdentityProps {
  /**
   * Resource group holding the resource.
   * @default the deployment's resource group
   */
  readonly resourceGroupName?: Value<string>;
  /**
   * Subscription holding the resource (requires resourceGroupName).
   * @default the deployment's subscription
   */
  readonly subscriptionId?: Value<string>;
}

/**
 * A handle to a resource that exists already (or is deployed inline by its parent, like a subnet).
 * Referencing it creates no dependsOn to it, but a reference to a declared parent carries over:
 * `subnet.id` of a subnet whose parent is a VNet in this stack depends on that VNet.
 */
export class ExistingResource extends ResourceBase {
  /** Always true: the template references this resource but does not deploy it. */
  public readonly isExisting = true;
  public override readonly resourceGroupName?: Value<string>;
  public override readonly subscriptionId?: Value<string>;

  constructor(scope: Construct, id: string, props: ExistingResourceProps) {
    super(scope, id, props);
    if (props.subscriptionId !== undefined && props.resourceGroupName === undefined) {
      throw new AzcdkError(`[${this.node.path}] subscriptionId needs resourceGroupName too (ARM resourceId(subscriptionId, resourceGroupName, ...)).`);
    }
    if (props.parent && (props.resourceGroupName !== undefined || props.subscriptionId !== undefined)) {
      throw new AzcdkError(`[${this.node.path}] a child resource takes its resource group from its parent: set resourceGroupName on the parent.`);
    }
    this.resourceGroupName = props.resourceGroupName ?? props.parent?.resourceGroupName;
    this.subscriptionId = props.subscriptionId ?? props.parent?.subscriptionId;
  }
}
