import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { audit } from '../../engine/audit.js';
import { UsageError } from '../../model/errors.js';
import { type Severity, isSeverity } from '../../model/severity.js';
import { renderReport } from '../../reporters/render.js';
import { EXIT } from '../exit-codes.js';
import { resolveOutputTargets } from '../output-targets.js';
import { createProgressPrinter } from '../progress.js';
import { resolveCacheDir } from '../cache-dir.js';

export interface AuditCommandOptions {
  static?: boolean;
  format: string[];
  output?: string;
  failOn?: string;
  baseline?: string;
  suppressions: boolean;
  config?: string;
  color: boolean;
  maxFindings?: string;
  /** `--no-install` (commander sets install: false). */
  install?: boolean;
  python?: string;
  logs?: string[];
  cacheDir?: string;
  /** false with --no-cache. */
  cache: boolean;
}

/** `liveready audit [path]`: run the pipeline, write each requested format, return the exit code. */
export async function runAuditCommand(path: string | undefined, options: AuditCommandOptions): Promise<number> {
  const targets = resolveOutputTargets(options.format, options.output);
  const failOn = parseFailOn(options.failOn);
  const maxFindings = options.maxFindings === undefined ? undefined : Number.parseInt(options.maxFindings, 10);
  if (maxFindings !== undefined && (!Number.isFinite(maxFindings) || maxFindings < 0)) throw new UsageError('--max-findings takes a whole number');
  const progress = createProgressPrinter(process.stderr);
  let report;
  try {
    report = await audit({
      root: path ?? '.',
      isStatic: options.static ?? false,
      useSuppressions: options.suppressions,
      ...(options.config ? { configPath: resolve(options.config) } : {}),
      ...(options.baseline ? { baselinePath: resolve(options.baseline) } : {}),
      ...(failOn ? { failOn } : {}),
      collectorOptions: {
        simulate: { noInstall: options.install === false, ...(options.python ? { python: options.python } : {}) },
        ...(options.logs && options.logs.length > 0 ? { logs: { paths: options.logs.map((path) => resolve(path)) } } : {}),
      },
      ...(progress.listener ? { onProgress: progress.listener } : {}),
      cacheDir: options.cache === false ? false : resolveCacheDir(options.cacheDir),
    });
  } finally {
    progress.done();
  }
  for (const target of targets) {
    const color = target.file === undefined && target.format === 'terminal' && options.color && process.stdout.isTTY === true && !process.env.NO_COLOR;
    const text = renderReport(target.format, report, { color, ...(maxFindings !== undefined ? { maxFindings } : {}) });
    if (target.file === undefined) process.stdout.write(text);
    else writeOutput(target.file, text);
  }
  return report.gate.passed ? EXIT.gatePassed : EXIT.gateFailed;
}

function parseFailOn(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  if (!isSeverity(value)) throw new UsageError(`--fail-on takes critical, moderate, low or info (got "${value}")`);
  return value;
}

function writeOutput(file: string, text: string): void {
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
