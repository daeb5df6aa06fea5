/**
 * The handle VirtualNetwork.fromVirtualNetworkName returns: internal (not exported from azcdk),
 * so placement checks can tell an import that names its region from one that does not.
 */
import { Construct } from 'constructs';
import { Stack, type ExistingResource, type Expression, type Value } from '../../core/index.js';
import { ArmVirtualNetwork } from '../../resources/network/virtual-network.js';
import { importResource } from '../imports.js';
import type { IVirtualNetwork } from './subnet.js';
import type { VirtualNetworkImportOptions } from './virtual-network.js';

/** A VNet this app does not deploy. */
export class ImportedVirtualNetwork extends Construct implements IVirtualNetwork {
  public readonly resource: ExistingResource;
  /** The region given to the import, if any. */
  public readonly explicitLocation?: Value<string>;

  constructor(scope: Construct, id: string, name: Value<string>, options: VirtualNetworkImportOptions) {
    super(scope, id);
    this.explicitLocation = options.location;
    this.resource = importResource(this, 'Resource', ArmVirtualNetwork, name, options);
  }

  public get location(): Value<string> {
    return this.explicitLocation ?? Stack.of(this).location;
  }

  public get virtualNetworkId(): Expression {
    return this.resource.id;
  }

  public get virtualNetworkName(): Value<string> {
    return this.resource.name;
  }
}
