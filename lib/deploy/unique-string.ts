/**
 * ARM's `uniqueString()`: the arguments joined with '-', UTF-8 encoded, hashed to 64 bits with
 * the MurmurHash3-x86-derived 64-bit variant Azure Resource Manager uses, and written as 13
 * characters of RFC 4648 base32 (lower case, `a-z2-7`), most significant bits first.
 *
 * Checked against values produced by Microsoft's own implementation (Azure.Deployments.Expression):
 * uniqueString('tyeth') = 'zcztcwvu6iyg6', uniqueString('hello', 'world') = 'a7wkljktk6wne'
 * (test/deploy/units.test.ts). The test ARM endpoint uses this same function.
 */

const C1 = 0xab0e9789;
const C2 = 0x239b961b;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** uniqueString(...values) as ARM computes it. */
export function uniqueString(...values: readonly string[]): string {
  let hash = hash64(new TextEncoder().encode(values.join('-')));
  let out = '';
  for (let i = 0; i < 13; i++) {
    out += ALPHABET[Number(hash >> 59n)];
    hash = (hash << 5n) & 0xffff_ffff_ffff_ffffn;
  }
  return out;
}

/** The 64-bit hash (two 32-bit lanes, seed 0). */
export function hash64(bytes: Uint8Array): bigint {
  const n = bytes.length;
  const le32 = (at: number, count = 4) => {
    let v = 0;
    for (let i = count - 1; i >= 0; i--) v = (v << 8) | bytes[at + i];
    return v >>> 0;
  };
  const mix1 = (k: number) => Math.imul(rotl(Math.imul(k, C2), 15), C1);
  const mix2 = (k: number) => Math.imul(rotl(Math.imul(k, C1), 17), C2);
  let h1 = 0;
  let h2 = 0;
  let at = 0;
  for (; at + 8 <= n; at += 8) {
    h1 = (Math.imul(rotl(h1 ^ mix1(le32(at)), 19) + h2, 5) + 0x561ccd1b) >>> 0;
    h2 = (Math.imul(rotl(h2 ^ mix2(le32(at + 4)), 13) + h1, 5) + 0x0bcaa747) >>> 0;
  }
  const rest = n - at;
  if (rest > 0) h1 = (h1 ^ mix1(le32(at, Math.min(rest, 4)))) >>> 0;
  if (rest > 4) h2 = (h2 ^ mix2(le32(at + 4, rest - 4))) >>> 0;
  const r0 = (h2 ^ n) >>> 0;
  let r1 = (((h1 ^ n) >>> 0) + r0) >>> 0;
  let r2 = (r0 + r1) >>> 0;
  r1 = fmix(r1);
  r2 = fmix(r2);
  r1 = (r1 + r2) >>> 0;
  r2 = (r2 + r1) >>> 0;
  return (BigInt(r2) << 32n) | BigInt(r1);
}

function rotl(x: number, r: number): number {
  return ((x << r) | (x >>> (32 - r))) >>> 0;
}

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
