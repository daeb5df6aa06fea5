/**
 * What the patterns export from 'azcdk': constructs and their types, not the helpers they share.
 */
import { expect } from 'chai';
import * as azcdk from '../../lib/index.js';

describe('patterns: public API', () => {
  it('does not export the internal helpers of the patterns', () => {
    const internal = ['refuseDelegatedSubnet', 'refuseOtherRegion', 'describeName', 'ImportedVirtualNetwork', 'resolveZoneInVirtualNetwork', 'valueKey',
      'ImportedPostgresFlexibleServer', 'addServerPrivateEndpoint', 'SERVER_RULES', 'DAYS_OF_WEEK', 'SUPPORTED_VERSIONS'];
    expect(internal.filter((name) => name in azcdk)).to.deep.equal([]);
  });
});
