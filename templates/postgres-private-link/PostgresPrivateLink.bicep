metadata description = 'PostgreSQL flexible server reached through a private endpoint and private DNS, with a Windows client VM.'

@description('Location of the resources.')
param location string = resourceGroup().location

@description('PostgreSQL administrator login (cannot be changed later).')
@minLength(1)
@maxLength(63)
param administratorLogin string

@description('PostgreSQL administrator password.')
@secure()
@minLength(8)
@maxLength(128)
param administratorLoginPassword string

@description('PostgreSQL major version.')
@allowed([
  '13'
  '14'
  '15'
  '16'
  '17'
  '18'
])
param postgresVersion string = '16'

@description('Public IPv4 address of the operator, admitted by the PostgreSQL firewall.')
param clientIpAddress string

@description('IPv4 CIDR allowed to RDP to the client VM.')
param rdpSourceAddressPrefix string

@description('Client VM administrator name.')
@minLength(1)
@maxLength(20)
param vmAdminUsername string

@description('Client VM administrator password.')
@secure()
@minLength(12)
@maxLength(123)
param vmAdminPassword string

@description('Client VM size (Generation 2 and Trusted Launch capable).')
param vmSize string = 'Standard_D2s_v3'

resource dbPrivateEndpointNic 'Microsoft.Network/networkInterfaces@2025-07-01' existing = {
  name: 'myPrivateEndpoint-nic'
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2025-07-01' = {
  name: 'myNetworkSecurityGroup'
  location: location
  properties: {
    securityRules: [
      {
        name: 'Allow-RDP-client'
        properties: {
          description: 'RDP to the virtual machine Client'
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: rdpSourceAddressPrefix
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '3389'
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2025-07-01' = {
  name: 'myVirtualNetwork'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'mySubnet'
        properties: {
          addressPrefix: '10.0.0.0/24'
          networkSecurityGroup: {
            id: nsg.id
          }
          privateEndpointNetworkPolicies: 'Disabled'
          privateLinkServiceNetworkPolicies: 'Enabled'
          defaultOutboundAccess: false
        }
      }
    ]
  }
}

resource vnetMySubnet 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' existing = {
  parent: vnet
  name: 'mySubnet'
}

resource db 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: 'db-${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  properties: {
    version: postgresVersion
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorLoginPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    availabilityZone: '1'
    highAvailability: {
      mode: 'ZoneRedundant'
      standbyAvailabilityZone: '3'
    }
    storage: {
      storageSizeGB: 128
      autoGrow: 'Disabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource dbDatabaseAppdb 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = {
  parent: db
  name: 'appdb'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

resource dbFirewallRuleAllowClientIp 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01' = {
  parent: db
  name: 'AllowClientIp'
  properties: {
    startIpAddress: clientIpAddress
    endIpAddress: clientIpAddress
  }
  dependsOn: [
    dbDatabaseAppdb // serialize child writes (ServerIsBusy)
  ]
}

resource dbPrivateEndpoint 'Microsoft.Network/privateEndpoints@2025-07-01' = {
  name: 'myPrivateEndpoint'
  location: location
  properties: {
    subnet: {
      id: vnetMySubnet.id
    }
    customNetworkInterfaceName: 'myPrivateEndpoint-nic'
    privateLinkServiceConnections: [
      {
        name: 'myPrivateEndpoint-conn'
        properties: {
          privateLinkServiceId: db.id
          groupIds: [
            'postgresqlServer'
          ]
        }
      }
    ]
  }
  dependsOn: [
    dbFirewallRuleAllowClientIp // serialize child writes (ServerIsBusy)
  ]
}

resource dbPrivateEndpointDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-07-01' = {
  parent: dbPrivateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'privatelink-postgres-database-azure-com'
        properties: {
          privateDnsZoneId: privateDnsZonePrivatelinkPostgresDatabaseAzureCom.id
        }
      }
    ]
  }
}

resource privateDnsZonePrivatelinkPostgresDatabaseAzureCom 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'privatelink.postgres.database.azure.com'
  location: 'global'
  properties: {}
}

resource privateDnsZonePrivatelinkPostgresDatabaseAzureComLinkVnet 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: privateDnsZonePrivatelinkPostgresDatabaseAzureCom
  name: 'link-myVirtualNetwork'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

resource clientPublicIp 'Microsoft.Network/publicIPAddresses@2025-07-01' = {
  name: 'pip-client'
  location: location
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource clientNic 'Microsoft.Network/networkInterfaces@2025-07-01' = {
  name: 'nic-client'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          primary: true
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: vnetMySubnet.id
          }
          publicIPAddress: {
            id: clientPublicIp.id
          }
        }
      }
    ]
  }
}

resource client 'Microsoft.Compute/virtualMachines@2026-03-01' = {
  name: 'myVm'
  location: location
  properties: {
    hardwareProfile: {
      vmSize: vmSize
    }
    osProfile: {
      computerName: 'client'
      adminUsername: vmAdminUsername
      adminPassword: vmAdminPassword
      windowsConfiguration: {
        enableAutomaticUpdates: true
        provisionVMAgent: true
      }
    }
    storageProfile: {
      imageReference: {
        publisher: 'MicrosoftWindowsServer'
        offer: 'WindowsServer'
        sku: '2019-datacenter-gensecond'
        version: 'latest'
      }
      osDisk: {
        createOption: 'FromImage'
        caching: 'ReadWrite'
        deleteOption: 'Delete'
        managedDisk: {
          storageAccountType: 'StandardSSD_LRS'
        }
      }
    }
    networkProfile: {
      networkInterfaces: [
        {
          id: clientNic.id
          properties: {
            primary: true
            deleteOption: 'Delete'
          }
        }
      ]
    }
    securityProfile: {
      securityType: 'TrustedLaunch'
      uefiSettings: {
        secureBootEnabled: true
        vTpmEnabled: true
      }
    }
    diagnosticsProfile: {
      bootDiagnostics: {
        enabled: true
      }
    }
  }
}

@description('Resolves to the private endpoint inside the VNet.')
output postgresFqdn string = db.properties.fullyQualifiedDomainName

@description('Private IP of the PostgreSQL private endpoint.')
output privateEndpointIp string = dbPrivateEndpointNic.properties.ipConfigurations[0].properties.privateIPAddress

@description('Public IP of the client VM (RDP).')
output vmPublicIp string = clientPublicIp.properties.ipAddress
