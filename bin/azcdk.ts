#!/usr/bin/env node
/** The `azcdk` command. */
import { runCli } from '../lib/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
