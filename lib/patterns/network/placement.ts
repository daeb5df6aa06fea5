/**
 * Where NICs, private endpoints and VNet-integrated servers may go: checks shared by the patterns
 * that place something in a subnet. Internal: not exported from azcdk.
 */
import type { Construct } from 'constructs';
import type { Value } from '../../core/index.js';
import { literalString } from '../../resources/validation.js';
import { describeName } from '../physical-names.js';
import { ImportedVirtualNetwork } from './imported-virtual-network.js';
import type { IVirtualNetwork, Subnet } from './subnet.js';
import { VirtualNetwork } from './virtual-network.js';

/**
 * Refuses `subnet` for `scope` (reported at synthesis with the other problems) when it is
 * delegated: a delegated subnet holds only the resources of the service it is delegated to, so
 * Azure refuses private endpoints and NICs in it.
 * @param what what cannot go there, e.g. 'private endpoints'
 */
export function refuseDelegatedSubnet(scope: Construct, subnet: Subnet, what: string): void {
  scope.node.addValidation({
    validate: () =>
      subnet.delegations.length > 0
        ? [`subnet '${subnet.subnetName}' is delegated to ${subnet.delegations.join(', ')}; ${what} cannot be placed in a delegated subnet. Use a subnet without delegations.`]
        : [],
  });
}

/** `West Europe` and `westeurope` are one region to Azure. */
function regionKey(location: Value<string>): string | undefined {
  return literalString(location)?.toLowerCase().replace(/\s+/g, '');
}

/**
 * Refuses `location` for `scope` (reported at synthesis with the other problems) when it and the
 * region of `subnet`'s virtual network are both known and differ: Azure places NICs, private
 * endpoints and VNet-integrated servers only in their VNet's region. An imported VNet is compared
 * only when its import names its region (otherwise the handle just assumes the stack's).
 * @param what what must be in the VNet's region, e.g. 'private endpoints'
 */
export function refuseOtherRegion(scope: Construct, subnet: Subnet, location: Value<string>, what: string): void {
  const vnet = subnet.virtualNetwork;
  scope.node.addValidation({
    validate: () => {
      const region = knownRegion(vnet);
      const here = regionKey(location);
      const there = region === undefined ? undefined : regionKey(region);
      if (here === undefined || there === undefined || here === there) return [];
      return [
        `location '${literalString(location)}' is not the region of virtual network ${describeName(vnet.resource.shortName)} (${vnet.node.path}), '${literalString(region)}': Azure creates ${what} only in the region of the subnet's virtual network. ` +
          `Use location '${literalString(region)}' (or leave both unset for the stack's location), or a subnet of a virtual network in '${literalString(location)}'.`,
      ];
    },
  });
}

/** The region of a declared VNet, or the one given when importing a VNet; undefined when an import assumes the stack's. */
function knownRegion(vnet: IVirtualNetwork): Value<string> | undefined {
  if (vnet instanceof VirtualNetwork) return vnet.location;
  return vnet instanceof ImportedVirtualNetwork ? vnet.explicitLocation : undefined;
}
