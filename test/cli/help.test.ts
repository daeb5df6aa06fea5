/**
 * `--help` wraps descriptions at word boundaries, within the width yargs is given (100 columns
 * when stdout is not a terminal).
 */
import { expect } from 'chai';
import { runAzcdkInProcess, tempDir } from '../support/cli.js';

describe('--help layout', () => {
  const dir = tempDir();
  const help = async (command: string) => {
    const run = await runAzcdkInProcess([command, '--help'], dir);
    expect(run.status, run.stderr).to.equal(0);
    return run.stdout;
  };

  for (const [command, phrases] of [
    ['deploy', ['Also write the what-if result as JSON to FILE (for PR comments, job summaries); without --what-if', '(required when stdin is not a terminal)']],
    ['graph', ['(default: from the --out extension: .svg, .dot/.gv, .mmd/.mermaid; else dot)']],
  ] as const) {
    it(`azcdk ${command} --help breaks lines between words only`, async () => {
      const text = await help(command);
      for (const line of text.split('\n')) expect(line.length, line).to.be.at.most(100);
      // Joining the lines with one space gives back each description word for word.
      const joined = text.replace(/\s+/g, ' ');
      for (const phrase of phrases) expect(joined).to.contain(phrase);
    });
  }
});
