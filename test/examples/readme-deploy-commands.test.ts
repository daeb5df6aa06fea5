/**
 * The deploy commands the READMEs show for the example: each one replaces the placeholder
 * addresses of the committed parameters file (203.0.113.7), so nobody copies a pipeline that
 * leaves the firewall rule and the RDP rule admitting a documentation address.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const READMES = ['README.md', 'examples/postgres-private-link/README.md'];

/** Commands (continuation lines joined) in the fenced code blocks of `markdown`. */
function commandsOf(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^\s*```[a-z]*\n([\s\S]*?)^\s*```/gm)].map((m) => m[1]);
  return blocks.flatMap((block) => block.replace(/\\\n\s*/g, ' ').split('\n').map((line) => line.trim()));
}

/** Commands that deploy the example to Azure (the local endpoint of `npm run arm-endpoint` has no real network to open). */
function exampleDeployCommands(markdown: string): string[] {
  return commandsOf(markdown).filter((c) =>
    /postgres-private-link/.test(c) && (/az deployment group create/.test(c) || /azcdk deploy/.test(c)) && !/--endpoint http:\/\/127\.0\.0\.1/.test(c));
}

describe('README deploy commands of examples/postgres-private-link', () => {
  for (const readme of READMES) {
    it(`${readme}: every deploy command passes clientIpAddress and rdpSourceAddressPrefix`, () => {
      const commands = exampleDeployCommands(readFileSync(`${ROOT}${readme}`, 'utf8'));
      expect(commands.length, 'deploy commands found').to.be.at.least(2);
      for (const command of commands) {
        expect(command, command).to.match(/\bclientIpAddress=\S+/);
        expect(command, command).to.match(/\brdpSourceAddressPrefix=\S+\/32\b/);
      }
    });
  }
});
