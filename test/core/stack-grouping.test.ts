/**
 * `Construct` comes from 'azcdk', and stacks may be grouped under a plain construct, as AWS CDK's
 * Stage groups them; stacks directly under the App keep their names.
 */
import { expect } from 'chai';
import { Construct as ConstructsConstruct } from 'constructs';
import { App, ArmResource, Construct, Stack } from '../../lib/index.js';
import { Template } from '../../lib/assertions/index.js';
import { errorOf } from '../support/synth.js';

function nsg(stack: Stack): ArmResource {
  return new ArmResource(stack, 'Nsg', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: 'nsg', properties: {} });
}

describe('Construct and grouping stacks', () => {
  it("exports the constructs library's own Construct class", () => {
    expect(Construct).to.equal(ConstructsConstruct);
    // A helper typed with it takes any azcdk construct.
    const helper = (scope: Construct): string => scope.node.path;
    const app = new App();
    expect(helper(new Stack(app, 'S'))).to.equal('S');
  });

  it('names a grouped stack by its path joined with "-", with the same template as ungrouped', () => {
    const grouped = new App();
    const prod = new Stack(new Construct(grouped, 'Prod'), 'Network');
    const dev = new Stack(new Construct(new Construct(grouped, 'Dev'), 'Eu'), 'Network');
    nsg(prod);
    nsg(dev);
    const plain = new App();
    nsg(new Stack(plain, 'Network'));
    const assembly = grouped.synth();
    expect(assembly.stackNames).to.deep.equal(['Dev-Eu-Network', 'Prod-Network']);
    expect(assembly.files.get('Prod-Network.json')).to.equal(plain.synth().files.get('Network.json'));
    expect(prod.stackName).to.equal('Prod-Network');
    expect(prod.node.path).to.equal('Prod/Network');
    Template.fromStack(dev).resourceCountIs('Microsoft.Network/networkSecurityGroups', 1);
    const manifest = JSON.parse(assembly.files.get('manifest.json')!);
    expect(manifest.stacks['Prod-Network'].resources.nsg.path).to.equal('Prod/Network/Nsg');
  });

  it('refuses a stack inside a stack, outside an App, and two stacks of one name', () => {
    const app = new App();
    const outer = new Stack(app, 'Outer');
    expect(() => new Stack(new Construct(outer, 'Group'), 'Inner')).to.throw(
      "[Outer/Group/Inner] Stack 'Inner' is inside stack 'Outer': nested stacks are not supported. Create it under the App or under a construct that groups stacks (new Stack(new Construct(app, 'Prod'), 'Inner')).",
    );
    expect(() => new Stack(new Construct(undefined as never, 'Loose'), 'S')).to.throw("[Loose/S] Stack 'S' is not inside an App");
    expect(() => new Stack(new Construct(app, 'Prod'), 'A.b')).to.throw("[Prod/A.b] Invalid stack name 'Prod-A.b' (its path joined with '-')");
    const twice = new App();
    nsg(new Stack(twice, 'Prod-Network'));
    nsg(new Stack(new Construct(twice, 'Prod'), 'Network'));
    expect(errorOf(() => twice.synth())).to.contain("[Prod/Network] stack name 'Prod-Network' is also the name of stack Prod-Network: a stack's name names its files and deployment. Change one's id or grouping.");
  });
});
