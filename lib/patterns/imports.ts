/**
 * Options shared by the `fromXxx` imports of existing resources.
 */
import type { Value } from '../core/index.js';

/** Where an imported resource lives (as ExistingResource takes it). */
export interface ImportLocationOptions {
  /** Resource group holding the resource. @default the deployment's resource group */
  readonly resourceGroupName?: Value<string>;
  /** Subscription holding the resource (needs resourceGroupName). @default the deployment's subscription */
  readonly subscriptionId?: Value<string>;
}
