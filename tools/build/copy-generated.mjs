// The generated L1 modules are committed as .js + .d.ts (lib/generated, `npm run generate-l1`):
// tsc does not compile them (it would spend most of the build on 15 MB of declarations), so the
// build copies them next to the compiled library, where the package's subpath exports point.
import { cpSync, rmSync } from 'node:fs';

rmSync('dist/lib/generated', { recursive: true, force: true });
cpSync('lib/generated', 'dist/lib/generated', { recursive: true });
