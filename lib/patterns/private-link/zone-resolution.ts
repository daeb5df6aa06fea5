/**
 * Whether clients in a VNet resolve the records of a private DNS zone: the zone must be linked to
 * the VNet, and the VNet's DNS servers must reach Azure DNS. Private endpoints and VNet-integrated
 * PostgreSQL servers both depend on it, and both warn through these helpers.
 */
import type { Construct } from 'constructs';
import { Annotations } from '../../core/index.js';
import type { ArmVirtualNetworkLink } from '../../resources/privatedns/virtual-network-link.js';
import { literalString } from '../../resources/validation.js';
import type { IVirtualNetwork } from '../network/subnet.js';
import { describeName } from '../physical-names.js';
import { VirtualNetwork } from '../network/virtual-network.js';
import { valueKey } from '../value-key.js';
import type { IPrivateDnsZone } from './private-dns-zone.js';

/** Azure DNS, the resolver custom DNS servers must forward to for private DNS zones. */
const AZURE_DNS = '168.63.129.16';

/** VNets already warned about their custom DNS servers, and for which zones. */
const customDnsWarned = new WeakMap<IVirtualNetwork, Set<string>>();

/** Who relies on the zone resolving in the VNet, for the warnings. */
export interface ZoneClient {
  /** The construct that warns about an unlinked imported zone. */
  readonly scope: Construct;
  /** What the VNet holds, e.g. `the private endpoint Test/Db/PrivateEndpoint`. */
  readonly described: string;
  /** What resolves, e.g. `the endpoint's target to its private IP`. */
  readonly resolves: string;
  /** What clients get when the zone is not linked, e.g. `resolve the public address instead of the private endpoint`. */
  readonly unlinkedEffect: string;
  /** The option that says the link exists already, e.g. `dns.linkVirtualNetwork: false`. */
  readonly linkOptOut: string;
}

/**
 * Links `zone` to `vnet` (a declared zone), or warns on `client.scope` when the zone is imported
 * and the VNet is declared in this app, so nothing here links them. An imported VNet gets no
 * warning: its links are managed where it is. Then warns once per VNet and zone about custom DNS
 * servers that may not forward to Azure DNS.
 * @param link false when the user says the link exists already
 * @returns the link, when one is declared here
 */
export function resolveZoneInVirtualNetwork(zone: IPrivateDnsZone, vnet: IVirtualNetwork, client: ZoneClient, link = true): ArmVirtualNetworkLink | undefined {
  const declaredLink = link ? zone.linkVirtualNetwork(vnet) : undefined;
  if (!(vnet instanceof VirtualNetwork)) return declaredLink;
  if (link && !declaredLink) {
    Annotations.of(client.scope).addWarning(
      `the ${describeZone(zone)} is imported, so azcdk does not link it to the virtual network ${describeName(vnet.resource.shortName)} (${vnet.node.path}): ` +
        `until the zone's owner links that VNet (registration disabled), clients in it ${client.unlinkedEffect}. ` +
        `Ask the zone's owner to link the VNet, or declare the zone with new PrivateDnsZone if this template owns it; set ${client.linkOptOut} once the link exists.`,
    );
  }
  warnCustomDnsServers(vnet, zone, client);
  return declaredLink;
}

/** Custom DNS servers answer for the VNet: unless they forward to Azure DNS, private DNS zones do not resolve. Once per VNet and zone. */
function warnCustomDnsServers(vnet: VirtualNetwork, zone: IPrivateDnsZone, client: ZoneClient): void {
  const servers = vnet.dnsServers.filter((server) => literalString(server)?.trim() !== AZURE_DNS);
  if (servers.length === 0) return;
  const zoneKey = valueKey(zone.privateDnsZoneId);
  const warned = customDnsWarned.get(vnet) ?? new Set<string>();
  customDnsWarned.set(vnet, warned);
  if (warned.has(zoneKey)) return;
  warned.add(zoneKey);
  Annotations.of(vnet).addWarning(
    `uses custom DNS servers (${servers.map((server) => literalString(server) ?? 'a value known at deployment time').join(', ')}) and holds ${client.described}: ` +
      `clients in it resolve ${client.resolves} only if those servers forward queries for the ${describeZone(zone)} (or all queries) to Azure DNS at ${AZURE_DNS} from a VNet linked to the zone. ` +
      `Configure that forwarder (or an Azure DNS Private Resolver), or remove dnsServers to use Azure-provided DNS.`,
  );
}

/** `private DNS zone 'privatelink.postgres.database.azure.com'`, for messages. */
export function describeZone(zone: IPrivateDnsZone): string {
  return `private DNS zone ${describeName(zone.zoneName)}`;
}
