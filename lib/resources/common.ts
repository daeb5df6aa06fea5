/**
 * Envelope options shared by the typed L1 resources.
 */
import type { Value } from '../core/index.js';

/** Options every typed top-level resource takes. */
export interface TopLevelResourceProps {
  /** The resource name (its Azure naming rules are on each type). */
  readonly name: Value<string>;
  /** Location. @default the stack's `location` parameter */
  readonly location?: Value<string>;
  /** Tags; `Tags.of(scope).add()` adds more. @default none */
  readonly tags?: Record<string, Value<string>>;
  /** Deploy only when this is true (ARM `condition`). @default always deployed */
  readonly condition?: Value<boolean>;
}

/** Options every typed child resource takes (the parent is a constructor argument). */
export interface ChildResourceProps {
  /** The child's own short name (not `parent/child`). */
  readonly name: Value<string>;
  /** Deploy only when this is true (ARM `condition`). @default always deployed */
  readonly condition?: Value<boolean>;
}

/** `{ id }`, the ARM shape of a reference to another resource, or undefined. */
export function idRef(id: Value<string> | undefined): { id: Value<string> } | undefined {
  return id === undefined ? undefined : { id };
}
