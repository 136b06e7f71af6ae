import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes a small tree to a temporary directory; call the returned cleanup when done. */
export function writeTree(files: Record<string, string | Buffer>): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'liveready-tree-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
