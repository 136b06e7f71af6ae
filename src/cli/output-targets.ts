import { FORMATS, type Format } from '../reporters/render.js';
import { UsageError } from '../model/errors.js';

export interface OutputTarget {
  format: Format;
  /** File to write; undefined = stdout. */
  file?: string;
}

const ALIASES: Record<string, Format> = { md: 'markdown', text: 'terminal', human: 'terminal' };

/**
 * `--format` may repeat and may carry its own file (`--format json=report.json`); `--output` names
 * the file of the single format that has none. With no format, the terminal summary goes to stdout.
 */
export function resolveOutputTargets(formats: readonly string[], output: string | undefined): OutputTarget[] {
  const targets = (formats.length > 0 ? formats : ['terminal']).map(parseFormat);
  if (output !== undefined) {
    const withoutFile = targets.filter((target) => target.file === undefined);
    if (withoutFile.length !== 1) {
      throw new UsageError(`--output needs exactly one --format without its own file (got ${withoutFile.length}); write --format json=report.json --format markdown=report.md instead`);
    }
    (withoutFile[0] as OutputTarget).file = output;
  }
  const toStdout = targets.filter((target) => target.file === undefined);
  if (toStdout.length > 1) throw new UsageError(`only one format can go to stdout (got ${toStdout.map((target) => target.format).join(', ')}); give the others a file: --format json=report.json`);
  if (toStdout.length === 0) targets.push({ format: 'terminal' });
  return targets;
}

function parseFormat(spec: string): OutputTarget {
  const [name = '', file] = spec.split(/=(.*)/s);
  const format = ALIASES[name] ?? (FORMATS as readonly string[]).find((candidate) => candidate === name);
  if (!format) throw new UsageError(`unknown format "${name}" (choose from ${FORMATS.join(', ')})`);
  if (file !== undefined && file.trim() === '') throw new UsageError(`--format ${name}= needs a file name after '='`);
  return file === undefined ? { format: format as Format } : { format: format as Format, file };
}
