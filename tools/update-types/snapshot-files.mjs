/** Files of the committed snapshot: where they live, how they are compressed, how they are replaced. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The snapshot's folder, relative to the repository root. */
export const SNAPSHOT_DIR = 'types/az';

/** Brotli at its highest quality: small files, fast to read; the text inside is what is compared. */
export function compress(text) {
  return zlib.brotliCompressSync(Buffer.from(text), {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(text) },
  });
}

/** Replaces `dir` with exactly `files` (relative path -> bytes), via a sibling folder renamed into place. */
export function writeTree(dir, files) {
  const staging = `${dir}.new`;
  fs.rmSync(staging, { recursive: true, force: true });
  for (const [rel, bytes] of files) {
    const file = path.join(staging, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
  fs.rmSync(`${dir}.old`, { recursive: true, force: true });
  if (fs.existsSync(dir)) fs.renameSync(dir, `${dir}.old`);
  fs.renameSync(staging, dir);
  fs.rmSync(`${dir}.old`, { recursive: true, force: true });
}
