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
  'microsoft.dbforpostgresql/flexibleservers': [
    'properties.administratorLogin',
    'properties.network.delegatedSubnetResourceId',
    'properties.network.privateDnsZoneArmResourceId',
  ],
  'microsoft.network/privateendpoints': ['properties.subnet.id'],
  'microsoft.compute/virtualmachines': ['zones', 'properties.osProfile.computerName', 'properties.osProfile.adminUsername'],
  'microsoft.compute/disks': ['zones'],
  'microsoft.network/publicipaddresses': ['zones', 'sku.name'],
  'microsoft.storage/storageaccounts': ['properties.isHnsEnabled'],
  'microsoft.containerservice/managedclusters': ['properties.dnsPrefix'],
};

/** The create-only path a changed path falls under, if any (`location`, `properties.network...`). */
export function createOnlyPath(type: string, path: readonly string[]): string | undefined {
  const dotted = path.join('.');
  for (const candidate of [...CREATE_ONLY['*'], ...(CREATE_ONLY[type.toLowerCase()] ?? [])]) {
    if (dotted === candidate || dotted.startsWith(candidate + '.') || candidate.startsWith(dotted + '.')) return candidate;
  }
  return undefined;
}
