import { expect } from 'chai';
import { Cidr, formatIpv4 } from '../../lib/index.js';
import { errorOf } from '../support/synth.js';

describe('Cidr', () => {
  it('parses network, prefix length, size and last address', () => {
    const c = Cidr.parse('10.0.1.0/24');
    expect(c.prefixLength).to.equal(24);
    expect(c.size).to.equal(256);
    expect(formatIpv4(c.network)).to.equal('10.0.1.0');
    expect(formatIpv4(c.last)).to.equal('10.0.1.255');
    expect(c.toString()).to.equal('10.0.1.0/24');
  });

  it('handles /0 and /32 and high addresses without sign problems', () => {
    expect(formatIpv4(Cidr.parse('0.0.0.0/0').last)).to.equal('255.255.255.255');
    expect(Cidr.parse('203.0.113.7/32').size).to.equal(1);
    expect(formatIpv4(Cidr.parse('255.255.255.0/24').last)).to.equal('255.255.255.255');
  });

  it('tells containment apart from overlap', () => {
    const space = Cidr.parse('10.0.0.0/16');
    expect(space.contains(Cidr.parse('10.0.255.0/24'))).to.equal(true);
    expect(space.contains(Cidr.parse('10.1.0.0/24'))).to.equal(false);
    expect(space.contains(Cidr.parse('10.0.0.0/15'))).to.equal(false);
    expect(Cidr.parse('10.0.0.0/15').overlaps(space)).to.equal(true);
  });

  it('detects overlaps, including adjacent edges', () => {
    const a = Cidr.parse('10.0.0.0/24');
    expect(a.overlaps(Cidr.parse('10.0.0.128/25'))).to.equal(true);
    expect(a.overlaps(Cidr.parse('10.0.1.0/24'))).to.equal(false);
    expect(Cidr.parse('10.0.1.0/24').overlaps(a)).to.equal(false);
    expect(Cidr.parse('10.0.0.255/32').overlaps(a)).to.equal(true);
  });

  it('rejects malformed text, octets above 255, long prefixes and host bits, saying how to fix', () => {
    expect(errorOf(() => Cidr.parse('10.0.0/24'))).to.contain("is not an IPv4 CIDR: write it as a.b.c.d/n");
    expect(errorOf(() => Cidr.parse('10.0.300.0/24'))).to.contain('has an octet above 255');
    expect(errorOf(() => Cidr.parse('10.0.0.0/33'))).to.contain('an IPv4 prefix length is 0-32');
    expect(errorOf(() => Cidr.parse('10.0.1.5/24'))).to.equal("'10.0.1.5/24' has host bits set: the network address of a /24 is 10.0.1.0/24. Use '10.0.1.0/24'.");
  });

  it('refuses IPv6 with a clear message', () => {
    expect(errorOf(() => Cidr.parse('fd00::/64'))).to.contain("'fd00::/64' is an IPv6 range; azcdk checks IPv4 ranges only");
    expect(Cidr.tryParse('fd00::/64')).to.be.a('string');
  });
});
