#!/usr/bin/env node
/** The `azcdk` command. */
import { runCli } from '../lib/cli/main.js';
import { setAppSettling } from '../lib/cli/app-lifetime.js';

// `azcdk list --long | head` closes the pipe early: stop quietly, as other CLIs do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// This process is the CLI's own: an app file is synthesized once the event loop has nothing else to do.
setAppSettling('event-loop');
process.exitCode = await runCli(process.argv.slice(2));
