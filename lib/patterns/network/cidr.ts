/**
 * IPv4 CIDR arithmetic for synth-time network checks (address space, subnet containment,
 * overlaps). IPv6 is not supported yet and is refused with a clear message.
 */

/** A parsed IPv4 CIDR block. */
export class Cidr {
  /**
   * Parses `a.b.c.d/n`. Throws an Error saying what is wrong when the text is not an IPv4 CIDR,
   * when it is IPv6, or when host bits are set (`10.0.1.5/24`: Azure wants the network address).
   */
  public static parse(text: string): Cidr {
    if (text.includes(':')) {
      throw new Error(`'${text}' is an IPv6 range; azcdk checks IPv4 ranges only. Use an IPv4 CIDR such as '10.0.0.0/16' (IPv6 address spaces are not supported yet).`);
    }
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
    if (!match) throw new Error(`'${text}' is not an IPv4 CIDR: write it as a.b.c.d/n, e.g. '10.0.1.0/24'.`);
    const octets = match.slice(1, 5).map(Number);
    const prefixLength = Number(match[5]);
    if (octets.some((o) => o > 255)) throw new Error(`'${text}' has an octet above 255: each of a.b.c.d must be 0-255.`);
    if (prefixLength > 32) throw new Error(`'${text}' has prefix length /${prefixLength}: an IPv4 prefix length is 0-32.`);
    const address = octets.reduce((n, o) => n * 256 + o, 0);
    const size = 2 ** (32 - prefixLength);
    if (address % size !== 0) {
      const network = new Cidr(address - (address % size), prefixLength);
      throw new Error(`'${text}' has host bits set: the network address of a /${prefixLength} is ${network}. Use '${network}'.`);
    }
    return new Cidr(address, prefixLength);
  }

  /** Parses, returning the error message instead of throwing. */
  public static tryParse(text: string): Cidr | string {
    try {
      return Cidr.parse(text);
    } catch (error) {
      return (error as Error).message;
    }
  }

  private constructor(
    /** First address as an unsigned 32-bit number. */
    public readonly network: number,
    /** Prefix length, 0-32. */
    public readonly prefixLength: number,
  ) {}

  /** Number of addresses in the block. */
  public get size(): number {
    return 2 ** (32 - this.prefixLength);
  }

  /** Last address as an unsigned 32-bit number. */
  public get last(): number {
    return this.network + this.size - 1;
  }

  /** True if `other` lies entirely inside this block. */
  public contains(other: Cidr): boolean {
    return other.network >= this.network && other.last <= this.last;
  }

  /** True if the two blocks share at least one address. */
  public overlaps(other: Cidr): boolean {
    return this.network <= other.last && other.network <= this.last;
  }

  /** `a.b.c.d/n`. */
  public toString(): string {
    return `${formatIpv4(this.network)}/${this.prefixLength}`;
  }
}

/**
 * Parses a dotted IPv4 address (`203.0.113.7`) to an unsigned 32-bit number, or returns an error
 * message saying what is wrong.
 */
export function tryParseIpv4(text: string): number | string {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!match) return `'${text}' is not an IPv4 address: write it as a.b.c.d, e.g. '203.0.113.7'.`;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return `'${text}' is not an IPv4 address: each of a.b.c.d must be 0-255 (e.g. '203.0.113.7').`;
  return octets.reduce((n, o) => n * 256 + o, 0);
}

/** Formats an unsigned 32-bit number as a dotted IPv4 address. */
export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
