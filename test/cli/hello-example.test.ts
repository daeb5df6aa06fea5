import { expect } from 'chai';
import { PROJECT_ROOT, runAzcdk } from '../support/cli.js';

describe('examples/hello (the root azcdk.json app)', () => {
  it('templates/hello is what synth writes today', () => {
    const run = runAzcdk(['synth', '--check', 'templates/hello'], PROJECT_ROOT);
    expect(run.stderr).to.equal('');
    expect(run.status).to.equal(0);
  });
});
