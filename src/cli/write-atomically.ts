import { renameSync, writeFileSync } from 'node:fs';
import { UsageError } from '../model/errors.js';

/** Write beside the target and rename over it, so a failure never leaves half a file. */
export function writeAtomically(target: string, text: string): void {
  const temporary = `${target}.liveready-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    throw new UsageError(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
