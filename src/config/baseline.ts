import { readFileSync } from 'node:fs';
import { ConfigError } from '../model/errors.js';

/** Fingerprints of the findings in a saved JSON report (`--baseline report.json`). */
export function loadBaseline(path: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot use baseline ${path}: ${code ? `cannot read it (${code})` : `not JSON (${(error as Error).message})`}`);
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings) || (data as { schemaVersion?: unknown }).schemaVersion !== 1) {
    throw new ConfigError(`cannot use baseline ${path}: not a liveready JSON report (expected schemaVersion 1 and a findings array)`);
  }
  const fingerprints = new Set<string>();
  for (const finding of findings) {
    const fingerprint = (finding as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof fingerprint === 'string') fingerprints.add(fingerprint);
  }
  return fingerprints;
}
