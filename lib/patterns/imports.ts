/**
 * The `fromXxx` imports of existing resources: where the resource lives, and the one way every
 * L2 declares its handle.
 */
import type { Construct } from 'constructs';
import { ExistingResource, type Value } from '../core/index.js';
import type { TypedResourceClass } from '../resources/typed-resource.js';

/** Where an imported resource lives (as ExistingResource takes it). */
export interface ImportLocationOptions {
  /** Resource group holding the resource. @default the deployment's resource group */
  readonly resourceGroupName?: Value<string>;
  /** Subscription holding the resource (needs resourceGroupName). @default the deployment's subscription */
  readonly subscriptionId?: Value<string>;
}

/** An existing resource of the typed L1 class `cls`'s type and api-version, named `name`, where `options` says. */
export function importResource(scope: Construct, id: string, cls: TypedResourceClass, name: Value<string>, options: ImportLocationOptions): ExistingResource {
  return new ExistingResource(scope, id, {
    type: cls.RESOURCE_TYPE, apiVersion: cls.API_VERSION, name, resourceGroupName: options.resourceGroupName, subscriptionId: options.subscriptionId,
  });
}
