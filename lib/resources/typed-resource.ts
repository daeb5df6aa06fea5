/**
 * The shared base of the typed L1 resources: keeps the typed props, builds the ARM envelope
 * from them, and registers the per-property checks as construct validation (run at synthesis,
 * when every prop is final).
 */
import type { Construct } from 'constructs';
import { ArmResource, type ArmResourceProps, type ResourceBase } from '../core/index.js';
import type { ChildResourceProps, TopLevelResourceProps } from './common.js';

/** What a typed resource class declares about its ARM type. */
export interface TypedResourceClass {
  /** The ARM resource type, e.g. `Microsoft.Network/virtualNetworks`. */
  readonly RESOURCE_TYPE: string;
  /** The api-version the class renders and validates against. */
  readonly API_VERSION: string;
}

/**
 * The envelope of a top-level resource: type, api-version, name, location, tags and condition
 * from the props, plus `extra` (sku, zones, a fixed location, ...).
 */
export function topLevelEnvelope(cls: TypedResourceClass, props: TopLevelResourceProps, extra: Partial<ArmResourceProps> = {}): ArmResourceProps {
  return { type: cls.RESOURCE_TYPE, apiVersion: cls.API_VERSION, name: props.name, location: props.location, tags: props.tags, condition: props.condition, ...extra };
}

/** The envelope of a child resource of `parent`: type, api-version, name, parent and condition. */
export function childEnvelope(cls: TypedResourceClass, parent: ResourceBase, props: ChildResourceProps, extra: Partial<ArmResourceProps> = {}): ArmResourceProps {
  return { type: cls.RESOURCE_TYPE, apiVersion: cls.API_VERSION, name: props.name, parent, condition: props.condition, ...extra };
}

/** A typed L1 resource: `typed` holds its props; `validateProps()` runs at synthesis. */
export abstract class TypedArmResource<P> extends ArmResource {
  /** The typed props, as given. */
  protected readonly typed: P;

  protected constructor(scope: Construct, id: string, envelope: ArmResourceProps, props: P) {
    super(scope, id, envelope);
    this.typed = props;
    this.node.addValidation({ validate: () => this.validateProps() });
  }

  /**
   * Per-property problems: each message names the property, the value, the rule and the fix;
   * values known only at deployment time are skipped. The construct path is added by synthesis.
   */
  protected abstract validateProps(): string[];
}
