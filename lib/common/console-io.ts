/**
 * The console and file-system context of one run, as the layers below the CLI see it: deploy's
 * progress and prompts write through it and never touch process.stdout themselves. The CLI makes
 * the real one (cli/io.ts processIo); tests pass their own to capture output.
 */

/** Console and file-system context of one CLI run. */
export interface CliIo {
  readonly cwd: string;
  /** Writes a line to stdout. */
  out(line: string): void;
  /** Writes a line to stderr. */
  err(line: string): void;
  /** Resolves a path against cwd. */
  resolve(path: string): string;
  /** True if stdin and stdout are terminals (prompts allowed, live views). */
  readonly interactive: boolean;
  /** True if stdout is a terminal: what colour depends on (stdin does not matter for it). */
  readonly stdoutIsTerminal: boolean;
  /** Environment variables (NO_COLOR, AZURE_SUBSCRIPTION_ID, ...). @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
