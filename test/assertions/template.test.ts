import { expect } from 'chai';
import { AssertionUsageError, Capture, Match, Template } from '../../lib/assertions/index.js';
import { App, ArmResource, Stack } from '../../lib/index.js';
import { errorOf } from '../support/synth.js';
import { dataStack } from './fixture.js';

const PG = 'Microsoft.DBforPostgreSQL/flexibleServers';
const VNET = 'Microsoft.Network/virtualNetworks';

describe('assertions: Template', () => {
  describe('fromStack / fromJSON / fromString', () => {
    it('reads the synthesized template of a stack', () => {
      const template = Template.fromStack(dataStack().stack);
      expect(template.toJSON().contentVersion).to.equal('1.0.0.0');
      expect(Object.keys(template.findResources(PG))).to.deep.equal(['server']);
    });

    it('rejects what is not a stack', () => {
      expect(errorOf(() => Template.fromStack({} as Stack))).to.equal('Template.fromStack expects a Stack, got an instance of Object.');
    });

    it('names resources resources[i] without a manifest, by logical id and path with one', () => {
      const { app, stack } = dataStack();
      const json = Template.fromStack(stack).toJSON();
      const manifest = JSON.parse(app.synth().files.get('manifest.json')!).stacks.Data;
      expect(Object.keys(Template.fromJSON(json).findResources(PG))).to.deep.equal(['resources[2]']);
      expect(Object.keys(Template.fromJSON(json, { manifest }).findResources(PG))).to.deep.equal(['server']);
      expect(Object.keys(Template.fromString(JSON.stringify(json)).findResources(VNET))).to.deep.equal(['resources[1]']);
    });

    it('accepts languageVersion 2.0 templates with resources keyed by symbolic name', () => {
      const template = Template.fromJSON({ resources: { db: { type: PG, name: 'x', properties: { version: '16' } } } });
      template.hasResourceProperties(PG, { version: '16' });
      expect(Object.keys(template.findResources(PG))).to.deep.equal(['db']);
    });

    it('toJSON returns a copy', () => {
      const template = Template.fromStack(dataStack().stack);
      (template.toJSON().parameters as any).prefix = 1;
      template.hasParameter('prefix', { type: 'string' });
    });
  });

  describe('resourceCountIs / resourcePropertiesCountIs', () => {
    it('passes on the right count, including zero', () => {
      const template = Template.fromStack(dataStack().stack);
      template.resourceCountIs(PG, 1);
      template.resourceCountIs('Microsoft.Storage/storageAccounts', 0);
      template.resourcePropertiesCountIs(VNET, { addressSpace: Match.anyValue() }, 1);
      template.resourcePropertiesCountIs(VNET, { addressSpace: Match.absent() }, 0);
    });

    it('fails naming what it found', () => {
      const template = Template.fromStack(dataStack().stack);
      expect(errorOf(() => template.resourceCountIs(PG, 2))).to.equal(
        `Expected 2 resources of type ${PG}, found 1: server (Data/Server).`,
      );
      expect(errorOf(() => template.resourcePropertiesCountIs(PG, { version: '15' }, 1))).to.equal(
        `Expected 1 resource of type ${PG} with matching properties, found 0.`,
      );
    });
  });

  describe('hasResourceProperties / hasResource', () => {
    it('matches properties partially, and expressions in their ARM form', () => {
      const { stack, nsg, prefix } = dataStack();
      const template = Template.fromStack(stack);
      template.hasResourceProperties(PG, { storage: { storageSizeGB: 64 } });
      template.hasResourceProperties(VNET, {
        subnets: Match.arrayWith([Match.objectLike({ properties: { networkSecurityGroup: { id: nsg.id } } })]),
      });
      template.hasResource(VNET, { name: `${prefix.value}-vnet`, location: Match.anyValue() });
      template.hasResource(PG, { sku: { tier: 'Burstable' }, properties: { version: '16' } });
    });

    it('fails with the per-path mismatch of the closest candidate', () => {
      const template = Template.fromStack(dataStack().stack);
      expect(errorOf(() => template.hasResourceProperties(PG, { storage: { storageSizeGB: 128 } }))).to.equal(
        `Template has 1 resource of type ${PG}, but the properties do not match.\n` +
          'The closest match:\n' +
          '  server (Data/Server) (1 mismatch):\n' +
          '    /properties/storage/storageSizeGB: expected 128, got 64',
      );
    });

    it('ranks several candidates closest first', () => {
      const app = new App();
      const stack = new Stack(app, 'S');
      const storage = (id: string, sku: string, tls: string) =>
        new ArmResource(stack, id, {
          type: 'Microsoft.Storage/storageAccounts', apiVersion: '2024-01-01', name: id.toLowerCase(),
          sku: { name: sku }, properties: { minimumTlsVersion: tls, allowBlobPublicAccess: false },
        });
      storage('Far', 'Standard_LRS', 'TLS1_0');
      storage('Near', 'Standard_ZRS', 'TLS1_0');
      const message = errorOf(() =>
        Template.fromStack(stack).hasResource('Microsoft.Storage/storageAccounts', { sku: { name: 'Standard_ZRS' }, properties: { minimumTlsVersion: 'TLS1_2' } }),
      );
      expect(message).to.equal(
        'Template has 2 resources of type Microsoft.Storage/storageAccounts, but none match the pattern.\n' +
          'The 2 closest matches:\n' +
          '  near (S/Near) (1 mismatch):\n' +
          '    /properties/minimumTlsVersion: expected "TLS1_2", got "TLS1_0"\n' +
          '  far (S/Far) (2 mismatches):\n' +
          '    /sku/name: expected "Standard_ZRS", got "Standard_LRS"\n' +
          '    /properties/minimumTlsVersion: expected "TLS1_2", got "TLS1_0"',
      );
    });

    it('fails on an unknown type listing the types present, hinting at case mistakes', () => {
      const template = Template.fromStack(dataStack().stack);
      expect(errorOf(() => template.hasResourceProperties('microsoft.network/virtualnetworks', {}))).to.equal(
        'Template has no resources of type microsoft.network/virtualnetworks. Did you mean Microsoft.Network/virtualNetworks? ' +
          '(types are case-sensitive here) Types in the template: Microsoft.DBforPostgreSQL/flexibleServers, ' +
          'Microsoft.DBforPostgreSQL/flexibleServers/databases, Microsoft.DBforPostgreSQL/flexibleServers/firewallRules, ' +
          'Microsoft.Network/networkSecurityGroups, Microsoft.Network/virtualNetworks.',
      );
    });

    it('accepts a matcher as the properties pattern', () => {
      const template = Template.fromStack(dataStack().stack);
      template.hasResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers/databases', Match.objectEquals({ charset: 'UTF8' }));
      expect(errorOf(() => template.hasResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers/databases', Match.objectEquals({})))).to.contain(
        '/properties/charset: unexpected key (objectEquals allows no keys)',
      );
    });
  });

  describe('resources without properties', () => {
    // As in AWS CDK, missing properties are matched as {}.
    const bare = () => Template.fromJSON({ resources: [{ type: 'Microsoft.Network/privateDnsZones', name: 'z', location: 'global' }, { type: 'Microsoft.Network/privateDnsZones', apiVersion: '2024-06-01' }] });
    const ZONE = 'Microsoft.Network/privateDnsZones';

    it('hasResourceProperties, resourcePropertiesCountIs and allResourcesProperties read them as {}', () => {
      const template = bare();
      template.hasResourceProperties(ZONE, {});
      template.hasResourceProperties(ZONE, { registrationEnabled: Match.absent() });
      template.hasResourceProperties(ZONE, Match.objectEquals({}));
      template.resourcePropertiesCountIs(ZONE, {}, 2);
      template.resourcePropertiesCountIs(ZONE, { x: Match.absent() }, 2);
      template.allResourcesProperties(ZONE, { x: Match.absent() });
      // Match.absent() as the whole pattern: the key is missing.
      template.hasResourceProperties(ZONE, Match.absent());
    });

    it('still fail on a property they do not have, at its path', () => {
      expect(errorOf(() => bare().hasResourceProperties(ZONE, { registrationEnabled: false }))).to.equal(
        `Template has 2 resources of type ${ZONE}, but none match the properties.\n` +
          'The 2 closest matches:\n' +
          '  resources[0] "z" (1 mismatch):\n' +
          '    /properties/registrationEnabled: missing: expected false\n' +
          '  resources[1] (1 mismatch):\n' +
          '    /properties/registrationEnabled: missing: expected false',
      );
      expect(errorOf(() => Template.fromStack(dataStack().stack).hasResourceProperties(VNET, Match.absent()))).to.equal(
        `Template has 1 resource of type ${VNET}, but the properties do not match.\n` +
          'The closest match:\n' +
          '  vnet (Data/Vnet) (1 mismatch):\n' +
          '    /properties: expected absent, got {"addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":[{"name":"a","properties":{"addressPrefix":"10.0.0.0/24...',
      );
    });
  });

  describe('findResources / allResources / allResourcesProperties', () => {
    it('finds matching resources by logical id', () => {
      const template = Template.fromStack(dataStack().stack);
      const found = template.findResources('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', { properties: { startIpAddress: '10.0.0.1' } });
      expect(Object.keys(found)).to.deep.equal(['rule']);
      expect(found.rule.name).to.equal('pg-demo/office');
      expect(template.findResources(PG, { properties: { version: '15' } })).to.deep.equal({});
    });

    it('allResources passes when every resource of the type matches and lists each one that does not', () => {
      const template = Template.fromStack(dataStack().stack);
      template.allResources(PG, { location: "[parameters('location')]" });
      template.allResourcesProperties(VNET, { addressSpace: Match.anyValue() });
      expect(errorOf(() => template.allResourcesProperties(PG, { version: '17' }))).to.equal(
        `1 of 1 resource of type ${PG} does not match:\n  server (Data/Server):\n    /properties/version: expected "17", got "16"`,
      );
      expect(errorOf(() => template.allResources('Microsoft.Web/sites', {}))).to.match(/^Template has no resources of type Microsoft.Web\/sites\./);
    });
  });

  describe('hasParameter / hasOutput / find*', () => {
    it('matches parameters and outputs by name or any name', () => {
      const { stack, nsg, server } = dataStack();
      const template = Template.fromStack(stack);
      template.hasParameter('prefix', { type: 'string', maxLength: 10, metadata: { description: 'Name prefix' } });
      template.hasParameter('*', { defaultValue: 'westeurope' });
      template.hasOutput('nsgId', { value: nsg.id });
      template.hasOutput('serverFqdn', { value: Match.referencesResource(server) });
      expect(Object.keys(template.findParameters('*'))).to.deep.equal(['location', 'prefix']);
      expect(Object.keys(template.findOutputs('*', { value: Match.referencesResource(nsg) }))).to.deep.equal(['nsgId']);
    });

    it('fails on a missing name listing the names, and on a mismatch with the path', () => {
      const template = Template.fromStack(dataStack().stack);
      expect(errorOf(() => template.hasParameter('sku'))).to.equal('Template has no parameter named sku. Parameters: location, prefix.');
      expect(errorOf(() => template.hasOutput('id'))).to.equal('Template has no output named id. Outputs: nsgId, serverFqdn.');
      expect(errorOf(() => template.hasParameter('prefix', { maxLength: 12 }))).to.equal(
        'Template has parameter prefix, but it does not match the pattern.\nThe closest match:\n  prefix (1 mismatch):\n    /maxLength: expected 12, got 10',
      );
      expect(errorOf(() => template.hasOutput('*', { type: 'object' }))).to.match(/^Template has 2 outputs, but none match the pattern\.\nThe 2 closest matches:/);
    });
  });

  describe('templateMatches', () => {
    it('a literal resources array means arrayWith: these resources in template order, among others', () => {
      const template = Template.fromStack(dataStack().stack);
      template.templateMatches({ resources: [{ type: VNET }, { type: PG, properties: { version: '16' } }] });
      template.templateMatches({ resources: Match.arrayWith([Match.objectLike({ name: 'pg-demo' })]) });
      expect(errorOf(() => template.templateMatches({ resources: [{ type: PG }, { type: VNET }] }))).to.equal(
        'Template does not match:\n' +
          `  /resources: arrayWith: no element after index 2 (where element 0 of the pattern matched) matches element 1 of the pattern, {"type":"${VNET}"}; closest is element 3:\n` +
          `  /resources/3/type: expected "${VNET}", got "Microsoft.DBforPostgreSQL/flexibleServers/databases"`,
      );
      // Exactly these resources: say so.
      expect(errorOf(() => template.templateMatches({ resources: Match.arrayEquals([{ type: VNET }]) }))).to.match(
        /^Template does not match:\n {2}\/resources: expected 1 element, got 5: /,
      );
      // A matcher as the whole pattern is used as it is (objectEquals: exactly these keys).
      expect(errorOf(() => template.templateMatches(Match.objectLike({ resources: [{ type: VNET }] })))).to.match(
        /^Template does not match:\n {2}\/resources: expected 1 element, got 5: /,
      );
    });

    it('matches the whole template partially', () => {
      const template = Template.fromStack(dataStack().stack);
      template.templateMatches({ parameters: { prefix: { type: 'string' } }, outputs: Match.objectLike({ nsgId: Match.anyValue() }) });
      expect(errorOf(() => template.templateMatches({ contentVersion: '2.0.0.0', variables: Match.anyValue() }))).to.equal(
        'Template does not match:\n  /contentVersion: expected "2.0.0.0", got "1.0.0.0"\n  /variables: missing: expected any value',
      );
    });
  });

  describe('dependsOn / doesNotDependOn / dependenciesOf', () => {
    it('checks edges by construct or logical id, and their kind', () => {
      const { stack, nsg, vnet, server, database, rule } = dataStack();
      const template = Template.fromStack(stack);
      template.dependsOn(vnet, nsg, { kind: 'reference' });
      template.dependsOn('database', 'server', { kind: 'parent' });
      template.dependsOn(rule, database, { kind: 'ordering' });
      template.doesNotDependOn(nsg, vnet);
      template.doesNotDependOn(database, rule);
      expect(template.dependenciesOf(rule).map((e) => e.on)).to.deep.equal(['database', 'server']);
      expect(template.dependenciesOf(server)).to.deep.equal([]);
    });

    it('explains a missing edge, a wrong kind, an unexpected edge and an unknown resource', () => {
      const { stack, nsg, vnet, server, rule, database } = dataStack();
      const template = Template.fromStack(stack);
      expect(errorOf(() => template.dependsOn(nsg, vnet))).to.equal('Expected nsg to depend on vnet, but it depends on nothing.');
      expect(errorOf(() => template.dependsOn(rule, vnet))).to.equal(
        'Expected rule to depend on vnet, but it depends on database (ordering: PostgreSQL rejects concurrent child writes), server (parent: parent).',
      );
      expect(errorOf(() => template.dependsOn(rule, server, { kind: 'reference' }))).to.equal(
        'Expected rule to depend on server by a reference edge, but the edge is parent (parent).',
      );
      expect(errorOf(() => template.dependsOn(vnet, nsg, { kind: 'ordering' }))).to.match(
        /^Expected vnet to depend on nsg by an ordering edge, but the edge is reference \(properties\./,
      );
      expect(errorOf(() => template.doesNotDependOn(rule, database))).to.equal(
        'Expected rule not to depend on database, but it does (ordering: PostgreSQL rejects concurrent child writes).',
      );
      expect(errorOf(() => template.dependsOn('nope', 'nsg'))).to.equal(
        "No resource with logical id 'nope' in this template; logical ids: nsg, vnet, server, database, rule.",
      );
      expect(errorOf(() => template.dependsOn(stack, nsg))).to.equal(
        "Construct 'Data' holds 5 resources (nsg, vnet, server, database, rule): pass one of them, or its logical id.",
      );
    });

    it('checks the recorded reason (exact or by matcher, with captures), and refuses unknown options', () => {
      const { stack, rule, database, vnet, nsg } = dataStack();
      const template = Template.fromStack(stack);
      template.dependsOn(rule, database, { kind: 'ordering', reason: 'PostgreSQL rejects concurrent child writes' });
      template.dependsOn(rule, database, { reason: Match.stringLikeRegexp('concurrent') });
      const reason = new Capture();
      template.dependsOn(vnet, nsg, { reason });
      expect(reason.asString()).to.match(/^properties\./);
      expect(errorOf(() => template.dependsOn(rule, database, { reason: 'completely wrong reason' }))).to.equal(
        'Expected rule to depend on database for reason "completely wrong reason", but the recorded reason is "PostgreSQL rejects concurrent child writes".',
      );
      const options = { kind: 'ordering', reasons: 'x' } as never;
      expect(() => template.dependsOn(rule, database, options)).to.throw(AssertionUsageError, "dependsOn: unknown option 'reasons'; the options are kind, reason.");
    });

    it('finds an ordering reason recorded on an edge that is also a reference', () => {
      const app = new App();
      const stack = new Stack(app, 'Both');
      const nsg = new ArmResource(stack, 'Nsg', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: 'nsg' });
      const vnet = new ArmResource(stack, 'Vnet', { type: VNET, apiVersion: '2025-07-01', name: 'vnet', properties: { dhcpOptions: { dnsServers: [nsg.name] } } });
      vnet.addDependency(nsg, 'rules first');
      const template = Template.fromStack(stack);
      template.dependsOn(vnet, nsg, { kind: 'reference' });
      template.dependsOn(vnet, nsg, { kind: 'ordering', reason: 'rules first' });
      const reason = new Capture();
      template.dependsOn(vnet, nsg, { kind: 'ordering', reason });
      expect(reason.asString()).to.equal('rules first');
      expect(errorOf(() => template.dependsOn(vnet, nsg, { kind: 'parent' }))).to.equal(
        'Expected vnet to depend on nsg by a parent edge, but the edge is reference (properties.dhcpOptions.dnsServers[0]), ordering (rules first).',
      );
      expect(errorOf(() => template.dependsOn(vnet, nsg, { reason: 'other' }))).to.equal(
        'Expected vnet to depend on nsg for reason "other", but the recorded reasons are "properties.dhcpOptions.dnsServers[0]" and "rules first".',
      );
    });

    it('needs the manifest', () => {
      const template = Template.fromJSON(Template.fromStack(dataStack().stack).toJSON());
      expect(errorOf(() => template.dependsOn('vnet', 'nsg'))).to.equal(
        "Template.dependsOn needs the stack's manifest entry: use Template.fromStack(stack), or Template.fromJSON(template, { manifest }).",
      );
    });
  });
});
