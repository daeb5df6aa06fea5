#!/usr/bin/env node
/** The `azcdk` command. */
import { runCli } from '../lib/cli/main.js';

// `azcdk list --long | head` closes the pipe early: stop quietly, as other CLIs do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
