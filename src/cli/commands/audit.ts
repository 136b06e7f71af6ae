import { mkdirSync, writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { dirname, resolve } from 'node:path';
import { audit } from '../../engine/audit.js';
import { UsageError } from '../../model/errors.js';
import { type Severity, isSeverity } from '../../model/severity.js';
import { renderReport } from '../../reporters/render.js';
import { EXIT } from '../exit-codes.js';
import { resolveOutputTargets } from '../output-targets.js';
import { createProgressPrinter } from '../progress.js';
import { CONFIG_FLAG, CONFIG_HELP, type CommandContext, collect, formatOption } from '../options.js';
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
  // --- schema stage: dependency advisories ---
  osvDb?: string;
  offline?: boolean;
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
    const cacheDir = options.cache === false ? false : resolveCacheDir(options.cacheDir);
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
        advisories: { ...(options.osvDb ? { database: resolve(options.osvDb) } : {}), ...(options.offline ? { offline: true } : {}), ...(cacheDir ? { cacheDir } : {}) },
      },
      ...(progress.listener ? { onProgress: progress.listener } : {}),
      cacheDir,
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

/** `liveready audit [path]`: the whole pipeline and the verdict. */
export function registerAuditCommand(program: Command, context: CommandContext): void {
  program
    .command('audit')
    .description('Audit a project: static checks, then (unless --static) the app started in a sandbox; ends with the verdict')
    .argument('[path]', 'project root', '.')
    .option('--static', 'do not execute the audited code (the verdict cannot be LIVE_READY=true)')
    .addOption(formatOption())
    .option('-o, --output <file>', 'write the (single) chosen format to a file')
    .option('--fail-on <severity>', 'fail the gate on findings at or above: critical (default), moderate, low, info')
    .option('--baseline <report.json>', 'report only findings that are not in this saved JSON report')
    .option('--no-suppressions', 'ignore inline comments, config ignores and the baseline')
    .option(CONFIG_FLAG, CONFIG_HELP)
    .option('--no-color', 'plain terminal output')
    .option('--max-findings <n>', 'findings shown in full in the terminal summary (default 10)')
    .option('--no-install', 'simulation: skip the install step and use what the machine has')
    .option('--python <interpreter>', "simulation: the Python for virtualenvs and for python/python3 in the app's PATH")
    .addOption(new Option('--logs <path>', 'a log file or folder to read (repeatable; default: logs/, log/, *.log)').argParser(collect).default([]))
    .option('--cache-dir <dir>', 'facts and results cache directory (default: $LIVEREADY_CACHE_DIR, else $XDG_CACHE_HOME/liveready or ~/.cache/liveready)')
    .option('--no-cache', 'do not read or write the facts and results cache')
    .option('--osv-db <path>', "a local OSV database for dependency advisories: a directory of OSV JSON records or osv.dev's <ecosystem>/all.zip")
    .option('--offline', 'never query the OSV API (advisories come only from --osv-db or vulnerabilities.database)')
    .exitOverride()
    .action(async (path: string, options: AuditCommandOptions) => {
      context.setExitCode(await runAuditCommand(path, options));
    });
}
