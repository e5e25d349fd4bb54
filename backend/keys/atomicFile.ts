import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a small file whole (temporary file, fsync, rename, fsync of the folder), readable by this user only,
 * so that a crash or a flat battery leaves either the old content or the new one, never half of either.
 */
export function writeFileAtomically(file: string, content: string | Buffer): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncFolder(dir);
}

/** Makes a rename or an unlink in `dir` durable; Windows cannot open folders, and NTFS journals renames itself. */
export function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
