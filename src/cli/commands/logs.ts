import type { Command } from 'commander';
import { CONFIG_FLAG, CONFIG_HELP, type CommandContext, formatOption } from '../options.js';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ALL_CHECKS } from '../../checks/registry.js';
import { audit } from '../../engine/audit.js';
import { logsCollector } from '../../logs/collector.js';
import { UsageError } from '../../model/errors.js';
import type { Report } from '../../model/report.js';
import { renderReport } from '../../reporters/render.js';
import { renderFindings } from '../../reporters/markdown/core-sections.js';
import { renderLogSummary } from '../../reporters/markdown/log-summary.js';
import { renderMarkdown } from '../../reporters/markdown/render.js';
import { renderLogTable } from '../../reporters/terminal/log-table.js';
import { EXIT } from '../exit-codes.js';
import { type OutputTarget, resolveOutputTargets } from '../output-targets.js';
import { createProgressPrinter } from '../progress.js';

export interface LogsCommandOptions {
  root?: string;
  format: string[];
  output?: string;
  threshold?: string;
  windowHours?: string;
  config?: string;
  color: boolean;
}

/** `liveready logs <path...>`: the logs stage alone on the given files and folders; exit 1 when a module is over the threshold. */
export async function runLogsCommand(paths: readonly string[], options: LogsCommandOptions): Promise<number> {
  const targets = resolveOutputTargets(options.format, options.output);
  const absolute = paths.map((path) => resolve(path));
  const missing = absolute.filter((path) => !existsSync(path));
  if (missing.length > 0) throw new UsageError(`no such log file or directory: ${missing.join(', ')}`);
  const logs = { paths: absolute, ...parseNumber('--threshold', options.threshold, 'failureThreshold', true), ...parseNumber('--window-hours', options.windowHours, 'windowHours', false) };
  const progress = createProgressPrinter(process.stderr);
  let report: Report;
  try {
    report = await audit({
      root: options.root ?? '.',
      isStatic: true,
      requireProject: false,
      collectors: [logsCollector],
      onlyChecks: ALL_CHECKS.filter((check) => check.meta.stage === 'logs').map((check) => check.meta.id),
      collectorOptions: { logs },
      ...(options.config ? { configPath: resolve(options.config) } : {}),
      ...(progress.listener ? { onProgress: progress.listener } : {}),
    });
  } finally {
    progress.done();
  }
  report = { ...report, stages: report.stages.filter((stage) => stage.id === 'logs') };
  for (const target of targets) writeTarget(target, report, options.color);
  return report.gate.passed ? EXIT.gatePassed : EXIT.gateFailed;
}

function writeTarget(target: OutputTarget, report: Report, color: boolean): void {
  const isTerminal = target.file === undefined && target.format === 'terminal' && color && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const text =
    target.format === 'json' || target.format === 'sarif' || target.format === 'junit'
      ? renderReport(target.format, report)
      : target.format === 'markdown'
        ? renderMarkdown(report, [
            { title: 'Log summary', stage: 'logs', render: renderLogSummary },
            { title: 'Findings', render: renderFindings },
          ])
        : renderLogTable(report, { color: isTerminal });
  if (target.file === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    mkdirSync(dirname(resolve(target.file)), { recursive: true });
    writeFileSync(target.file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${target.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function parseNumber(flag: string, value: string | undefined, key: string, isInteger: boolean): Record<string, number> {
  if (value === undefined) return {};
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || (isInteger && !Number.isInteger(number)) || (!isInteger && number === 0)) {
    throw new UsageError(`${flag} takes a ${isInteger ? 'whole number' : 'positive number'} (got "${value}")`);
  }
  return { [key]: number };
}

/** `liveready logs <path...>`: the log stage alone. */
export function registerLogsCommand(program: Command, context: CommandContext): void {
  program
    .command('logs')
    .description('Read logs alone: group errors by module and fingerprint, flag modules over the failure threshold (exit 1) and resource failures')
    .argument('<path...>', 'log files or folders (gzip-rotated files included)')
    .option('--root <dir>', 'the project the logs belong to: stack frames are matched against its files (default: the current directory)')
    .addOption(formatOption())
    .option('-o, --output <file>', 'write the (single) chosen format to a file')
    .option('--threshold <n>', 'a module with more failures than this in the window is critical (default 2)')
    .option('--window-hours <h>', 'the recent window: the last h hours of the newest log (default 24)')
    .option(CONFIG_FLAG, CONFIG_HELP)
    .option('--no-color', 'plain terminal output')
    .exitOverride()
    .action(async (paths: string[], options: LogsCommandOptions) => {
      context.setExitCode(await runLogsCommand(paths, options));
    });
}
