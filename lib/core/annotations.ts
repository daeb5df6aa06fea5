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
  readonly level: AnnotationLevel;
  /** Construct path. */
  readonly path: string;
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
    // No stack trace: capturing one per construct is what makes peers slow at scale.
    this.scope.node.addMetadata(ANNOTATION_METADATA_PREFIX + level, message, { stackTrace: false });
  }
}

/** Collects the annotations of the given constructs (e.g. `root.node.findAll()`), in order. */
export function collectAnnotations(constructs: readonly IConstruct[]): Annotation[] {
  const result: Annotation[] = [];
  for (const construct of constructs) {
    for (const entry of construct.node.metadata) {
      if (!entry.type.startsWith(ANNOTATION_METADATA_PREFIX)) continue;
      const level = entry.type.slice(ANNOTATION_METADATA_PREFIX.length) as AnnotationLevel;
      result.push({ level, path: construct.node.path, message: String(entry.data) });
    }
  }
  return result;
}
