/**
 * Annotations: info, warnings and errors attached to a construct. Synthesis collects them;
 * errors fail synthesis, warnings fail it under `--strict`, and the CLI prints all of them.
 */
import type { IConstruct } from 'constructs';
import { AzcdkError } from './errors.js';
import { Tokens } from './tokens.js';

/** Severity of an annotation. */
export type AnnotationLevel = 'info' | 'warning' | 'error';

/** Metadata type prefix under which annotations are stored on the construct node. */
export const ANNOTATION_METADATA_PREFIX = 'azcdk:';

/** An annotation as collected by synthesis. */
export interface Annotation {
  /** info, warning (fails synthesis with --strict) or error (fails synthesis). */
  readonly level: AnnotationLevel;
  /** Construct path. */
  readonly path: string;
  /** The text as added, e.g. what is wrong and how to fix it. */
  readonly message: string;
}

/** Adds annotations to a construct: `Annotations.of(this).addWarning('...')`. */
export class Annotations {
  /** The annotations of a construct. */
  public static of(scope: IConstruct): Annotations {
    return new Annotations(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Adds an informational message.
   * @throws AzcdkError if the message holds a token: messages are shown as written, never evaluated.
   */
  public addInfo(message: string): void {
    this.add('info', message);
  }

  /** Adds a warning: printed by the CLI, fails synthesis with `--strict`. Refuses tokens, as addInfo. */
  public addWarning(message: string): void {
    this.add('warning', message);
  }

  /**
   * Adds a warning with an id that `acknowledgeWarning(id)` can silence; the message ends with
   * ` [ack: <id>]` so whoever reads it knows what to acknowledge. Refuses tokens, as addInfo.
   * @param id e.g. `'myorg:vnet:noDdosPlan'` (no `]`)
   */
  public addWarningV2(id: string, message: string): void {
    if (!id || id.includes(']')) {
      throw new AzcdkError(`[${this.scope.node.path}] Annotations.addWarningV2(): invalid warning id '${id}': use a non-empty id without ']', e.g. 'myorg:vnet:noDdosPlan'.`);
    }
    this.add('warning', `${message} [ack: ${id}]`);
  }

  /**
   * Acknowledges the warnings with this id (added with addWarningV2) on this construct and every
   * construct under it: they are not printed and do not fail `--strict`.
   * @param reason why it is fine, for the reader of the code
   */
  public acknowledgeWarning(id: string, reason?: string): void {
    this.scope.node.addMetadata(ACKNOWLEDGED, id, { stackTrace: false });
    void reason;
  }

  /** Adds an error: synthesis fails with this message. Refuses tokens, as addInfo. */
  public addError(message: string): void {
    this.add('error', message);
  }

  private add(level: AnnotationLevel, message: string): void {
    // A token would reach the manifest and the console as `${AzCdk.Token[n]}`: no one evaluates it.
    if (Tokens.containsToken(String(message))) {
      const method = `add${level[0].toUpperCase()}${level.slice(1)}`;
      throw new AzcdkError(
        `[${this.scope.node.path}] Annotations.${method}(): the message holds a token (an expression such as a Parameter's value or a resource's name), ` +
          `but annotation messages are shown as written: pass text, not a token (e.g. name the construct or the literal value).`,
      );
    }
    const type = ANNOTATION_METADATA_PREFIX + level;
    // The same message twice on one construct (an L2 or aspect run twice) is said once.
    if (this.scope.node.metadata.some((m) => m.type === type && m.data === message)) return;
    // No stack trace: capturing one per construct is what makes peers slow at scale.
    this.scope.node.addMetadata(ANNOTATION_METADATA_PREFIX + level, message, { stackTrace: false });
  }
}

/** Metadata type of an acknowledged warning id (not an annotation: it has no level). */
const ACKNOWLEDGED = 'azcdk-acknowledged-warning';
const WARNING_ID = / \[ack: ([^\]]+)\]$/;

/** Collects the annotations of the given constructs (e.g. `root.node.findAll()`), in order. */
export function collectAnnotations(constructs: readonly IConstruct[]): Annotation[] {
  const result: Annotation[] = [];
  for (const construct of constructs) {
    for (const entry of construct.node.metadata) {
      if (!entry.type.startsWith(ANNOTATION_METADATA_PREFIX)) continue;
      const level = entry.type.slice(ANNOTATION_METADATA_PREFIX.length) as AnnotationLevel;
      if (level === 'warning' && isAcknowledged(construct, String(entry.data))) continue;
      result.push({ level, path: construct.node.path, message: String(entry.data) });
    }
  }
  return result;
}

/** True if the warning has an id that the construct or one of its scopes acknowledged. */
function isAcknowledged(construct: IConstruct, message: string): boolean {
  const id = WARNING_ID.exec(message)?.[1];
  if (id === undefined) return false;
  return construct.node.scopes.some((c) => c.node.metadata.some((m) => m.type === ACKNOWLEDGED && m.data === id));
}
