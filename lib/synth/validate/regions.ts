/**
 * Azure region names (the `name` column of `az account list-locations`), for the "not an Azure
 * region" warning. Add a region here when Azure opens one; the warning says how to ignore it
 * until then. ARM also accepts display names ("West Europe"): compared without case or spaces.
 */
export const AZURE_REGIONS: readonly string[] = [
  // Public cloud
  'australiacentral', 'australiacentral2', 'australiaeast', 'australiasoutheast', 'austriaeast', 'belgiumcentral',
  'brazilsouth', 'brazilsoutheast', 'canadacentral', 'canadaeast', 'centralindia', 'centralus', 'centraluseuap',
  'chilecentral', 'denmarkeast', 'eastasia', 'eastus', 'eastus2', 'eastus2euap', 'francecentral', 'francesouth',
  'germanynorth', 'germanywestcentral', 'indonesiacentral', 'israelcentral', 'italynorth', 'japaneast', 'japanwest',
  'jioindiacentral', 'jioindiawest', 'koreacentral', 'koreasouth', 'malaysiawest', 'mexicocentral', 'newzealandnorth',
  'northcentralus', 'northeurope', 'norwayeast', 'norwaywest', 'polandcentral', 'qatarcentral', 'southafricanorth',
  'southafricawest', 'southcentralus', 'southeastasia', 'southindia', 'spaincentral', 'swedencentral', 'swedensouth',
  'switzerlandnorth', 'switzerlandwest', 'uaecentral', 'uaenorth', 'uksouth', 'ukwest', 'westcentralus', 'westeurope',
  'westindia', 'westus', 'westus2', 'westus3',
  // Azure Government
  'usdodcentral', 'usdodeast', 'usgovarizona', 'usgoviowa', 'usgovtexas', 'usgovvirginia',
  // Azure operated by 21Vianet (China)
  'chinaeast', 'chinaeast2', 'chinaeast3', 'chinanorth', 'chinanorth2', 'chinanorth3',
  // Resources that are not in one region (DNS zones, Front Door, ...)
  'global',
];

const KNOWN = new Set(AZURE_REGIONS);

/** True if ARM would read `location` as a region name we know. */
export function isAzureRegion(location: string): boolean {
  return KNOWN.has(normalizeRegion(location));
}

/** `West Europe` -> `westeurope`. */
export function normalizeRegion(location: string): string {
  return location.toLowerCase().replace(/\s+/g, '');
}
