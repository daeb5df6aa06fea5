/**
 * Which template changes replace a resource in Azure instead of updating it.
 *
 * ARM identifies a resource by type + name: a new name deploys a new resource, and in
 * Incremental mode the old one is left running (an orphan). Some properties are fixed at
 * creation; changing them makes the update fail, so the resource has to be recreated. The
 * table is deliberately small and conservative: what-if (`azcdk deploy --what-if`) asks Azure.
 */

/** Paths (dot-separated from the resource root) that cannot change after creation, by type (lower case). */
const CREATE_ONLY: Record<string, readonly string[]> = {
  '*': ['location'],
  // The networking mode (public access or VNet injection) is chosen once; geo-redundant backup
  // "is only allowed during server create"; the primary zone moves only by an HA failover (the
  // REST model marks availabilityZone create-only). The version is not here: a higher one is an
  // in-place major version upgrade.
  'microsoft.dbforpostgresql/flexibleservers': [
    'properties.administratorLogin',
    'properties.availabilityZone',
    'properties.backup.geoRedundantBackup',
    'properties.network.delegatedSubnetResourceId',
    'properties.network.privateDnsZoneArmResourceId',
  ],
  // The NIC Azure creates for the endpoint is named once.
  'microsoft.network/privateendpoints': ['properties.subnet.id', 'properties.customNetworkInterfaceName'],
  // A link cannot be pointed at another virtual network.
  'microsoft.network/privatednszones/virtualnetworklinks': ['properties.virtualNetwork.id'],
  // "Changing property 'imageReference' is not allowed": a VM keeps the image it was built from.
  'microsoft.compute/virtualmachines': [
    'zones', 'properties.osProfile.computerName', 'properties.osProfile.adminUsername', 'properties.storageProfile.imageReference',
  ],
  'microsoft.compute/disks': ['zones'],
  // Zones, tier (Regional/Global) and IP version are fixed at creation; the SKU changes only by
  // Azure's one-way Basic-to-Standard upgrade, which the diff cannot tell from other changes.
  'microsoft.network/publicipaddresses': ['zones', 'sku.name', 'sku.tier', 'properties.publicIPAddressVersion'],
  'microsoft.storage/storageaccounts': ['properties.isHnsEnabled'],
  'microsoft.containerservice/managedclusters': ['properties.dnsPrefix'],
};

/**
 * The create-only path a changed, added or removed path falls under, if any (`location`,
 * `properties.network...`). Adding one counts: `zones` added to an existing public IP, or an
 * explicit value that differs from what Azure chose at creation, is refused like a changed value.
 */
export function createOnlyPath(type: string, path: readonly string[]): string | undefined {
  const dotted = path.join('.');
  for (const candidate of [...CREATE_ONLY['*'], ...(CREATE_ONLY[type.toLowerCase()] ?? [])]) {
    if (dotted === candidate || dotted.startsWith(candidate + '.') || candidate.startsWith(dotted + '.')) return candidate;
  }
  return undefined;
}

/**
 * Values that can only grow, by type (lower case): Azure refuses a smaller one. Sizes, since the
 * data is already on the disk; PostgreSQL's major version, which upgrades in place but never down.
 */
const GROW_ONLY: Record<string, readonly string[]> = {
  'microsoft.dbforpostgresql/flexibleservers': ['properties.storage.storageSizeGB', 'properties.version'],
  'microsoft.compute/disks': ['properties.diskSizeGB'],
  'microsoft.compute/virtualmachines': ['properties.storageProfile.osDisk.diskSizeGB'],
};

/** The grow-only path a change shrinks (a number, or a number written as a string like '16', that gets smaller), if any. */
export function shrunkPath(type: string, path: readonly string[], before: unknown, after: unknown): string | undefined {
  const [a, b] = [numberOf(before), numberOf(after)];
  if (a === undefined || b === undefined || b >= a) return undefined;
  const dotted = path.join('.');
  return (GROW_ONLY[type.toLowerCase()] ?? []).find((p) => p === dotted);
}

function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  return typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
}
