/**
 * PostgresSku: compute size and tier of a flexible server, built so that the name and the tier
 * match (Standard_B* is Burstable, Standard_D* GeneralPurpose, Standard_E* MemoryOptimized).
 */
import type { PostgresTier } from '../../resources/postgresql/flexible-server.js';

const NAME_PREFIX: Record<PostgresTier, RegExp> = {
  Burstable: /^Standard_B/,
  GeneralPurpose: /^Standard_D/,
  MemoryOptimized: /^Standard_E/,
};

/** A compute SKU of a PostgreSQL flexible server. */
export class PostgresSku {
  /** Burstable (B-series): cheap, no high availability. E.g. 'Standard_B1ms'. */
  public static burstable(name: string): PostgresSku {
    return new PostgresSku(name, 'Burstable');
  }

  /** General purpose (D-series). E.g. 'Standard_D2ds_v5'. */
  public static generalPurpose(name: string): PostgresSku {
    return new PostgresSku(name, 'GeneralPurpose');
  }

  /** Memory optimized (E-series). E.g. 'Standard_E2ds_v5'. */
  public static memoryOptimized(name: string): PostgresSku {
    return new PostgresSku(name, 'MemoryOptimized');
  }

  private constructor(
    /** SKU name, e.g. 'Standard_D2ds_v5'. */
    public readonly name: string,
    /** Tier. */
    public readonly tier: PostgresTier,
  ) {}

  /** True if high availability is possible on this tier (not on Burstable). */
  public get supportsHighAvailability(): boolean {
    return this.tier !== 'Burstable';
  }

  /** A problem with the name/tier pair, or undefined. */
  public check(): string | undefined {
    if (NAME_PREFIX[this.tier].test(this.name)) return undefined;
    const right = (Object.keys(NAME_PREFIX) as PostgresTier[]).find((t) => NAME_PREFIX[t].test(this.name));
    return `sku '${this.name}' does not belong to tier ${this.tier}${right ? ` (it is a ${right} size): use PostgresSku.${right[0].toLowerCase()}${right.slice(1)}('${this.name}')` : `: ${this.tier} sizes start with ${NAME_PREFIX[this.tier].source.slice(1)}`}.`;
  }
}
