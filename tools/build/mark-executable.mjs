// tsc writes files with mode 644; npm makes a package's bin executable only when it installs it
// from a registry or tarball, not in a clone that runs `npm run build` (or through a file: link).
// Without this, `npx azcdk` in a project linked to a clone fails with "Permission denied".
import { chmodSync } from 'node:fs';

for (const file of process.argv.slice(2)) chmodSync(file, 0o755);
