/**
 * The files `azcdk init` writes: an ES module TypeScript project with azcdk, its types, a stack,
 * an app, one assertions test and a .gitignore, so `npm install`, `npx azcdk synth`,
 * `npx tsc --noEmit` and `npm test` work at once.
 */

/** What the generated package.json depends on, and how. */
export interface ProjectSettings {
  /** npm package name of the project. */
  readonly name: string;
  /** The dependency spec of azcdk, e.g. `^0.1.0`, `file:../azcdk` or a tarball path. */
  readonly azcdk: string;
  /** Exact versions of typescript, @types/node, mocha, chai, @types/mocha, @types/chai (those azcdk is built and tested with). */
  readonly devDependencies: Readonly<Record<string, string>>;
  /**
   * npm 11's `allowScripts`: which dependencies' install scripts run (true) or not (false). esbuild's
   * runs (azcdk bundles TypeScript apps with it); an azcdk folder's `prepare` (a build) does not.
   */
  readonly allowScripts: Readonly<Record<string, boolean>>;
}

/** Every file of a new project, by path relative to its folder (sorted), with its content. */
export function projectFiles(settings: ProjectSettings): Map<string, string> {
  const packageJson = {
    name: settings.name,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: {
      build: 'tsc',
      synth: 'azcdk synth',
      test: 'tsc && mocha "dist/test/**/*.test.js"',
    },
    dependencies: { azcdk: settings.azcdk },
    devDependencies: settings.devDependencies,
    allowScripts: settings.allowScripts,
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022'],
      types: ['node', 'mocha'],
      strict: true,
      outDir: 'dist',
      rootDir: '.',
      skipLibCheck: true,
    },
    include: ['app.ts', 'lib/**/*.ts', 'test/**/*.ts'],
  };
  const files: Array<[string, string]> = [
    ['.gitignore', 'node_modules/\ndist/\nazcdk.out/\n'],
    ['app.ts', APP],
    ['azcdk.json', json({ app: 'app.ts' })],
    ['lib/infra-stack.ts', STACK],
    ['package.json', json(packageJson)],
    ['test/infra-stack.test.ts', TEST],
    ['tsconfig.json', json(tsconfig)],
  ];
  return new Map(files);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

const APP = `// The app azcdk.json names: \`npx azcdk synth\` runs it and writes azcdk.out/.
import { App } from 'azcdk';
import { InfraStack } from './lib/infra-stack.js';

const app = new App();
new InfraStack(app, 'Infra', { location: 'westeurope' });
`;

const STACK = `import { Construct, NetworkSecurityGroup, Stack, VirtualNetwork, type StackProps } from 'azcdk';

/** A virtual network whose subnet sits behind a network security group. */
export class InfraStack extends Stack {
  /** The network security group of the subnet. */
  public readonly nsg: NetworkSecurityGroup;
  /** The virtual network. */
  public readonly vnet: VirtualNetwork;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    this.nsg = new NetworkSecurityGroup(this, 'Nsg');
    this.vnet = new VirtualNetwork(this, 'Vnet', { addressSpace: ['10.0.0.0/16'] });
    this.vnet.addSubnet('default', { addressPrefix: '10.0.0.0/24', networkSecurityGroup: this.nsg });
  }
}
`;

const TEST = `import { expect } from 'chai';
import { App } from 'azcdk';
import { Match, Template } from 'azcdk/assertions';
import { InfraStack } from '../lib/infra-stack.js';

describe('InfraStack', () => {
  it('puts the subnet behind the network security group', () => {
    const stack = new InfraStack(new App(), 'Infra');
    const template = Template.fromStack(stack);
    template.resourceCountIs('Microsoft.Network/networkSecurityGroups', 1);
    template.hasResourceProperties('Microsoft.Network/virtualNetworks', {
      subnets: Match.arrayWith([Match.objectLike({ name: 'default', properties: { networkSecurityGroup: { id: stack.nsg.networkSecurityGroupId } } })]),
    });
    expect(Object.keys(template.findResources('Microsoft.Network/virtualNetworks'))).to.have.length(1);
  });
});
`;
