import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { audit } from '../../engine/audit.js';
import { loadProject } from '../../engine/load-project.js';
import { DEFAULT_TRACKER_PATH, displayPath } from '../../goals/collector.js';
import { coreModules } from '../../goals/core-modules.js';
import { parseGoalTracker } from '../../goals/parse-tracker.js';
import { applyMeasuredStatuses, renderStarterTracker } from '../../goals/write-tracker.js';
import { UsageError } from '../../model/errors.js';
import type { GoalsSection } from '../../model/goals-section-schema.js';
import type { Report } from '../../model/report.js';
import { renderGoalTable } from '../../reporters/terminal/goal-table.js';
import { EXIT } from '../exit-codes.js';
import { writeAtomically } from '../write-atomically.js';
import { CONFIG_FLAG, CONFIG_HELP, type CommandContext } from '../options.js';
import { createProgressPrinter } from '../progress.js';

export interface GoalsCommandOptions {
  update?: boolean;
  simulate?: boolean;
  /** `--no-install` (commander sets install: false). */
  install?: boolean;
  python?: string;
  offline?: boolean;
  format?: string;
  config?: string;
  color: boolean;
}

/**
 * `liveready goals [path]`: audit the project and print each goal's declared and measured status;
 * `--update` writes the measured statuses into the tracker (only the `status` values change).
 * Exit 1 when a goal that names a core module is not measured validated.
 */
export async function runGoalsCommand(path: string, options: GoalsCommandOptions): Promise<number> {
  const format = options.format ?? 'terminal';
  if (format !== 'terminal' && format !== 'json') throw new UsageError(`--format takes terminal or json for liveready goals (got "${format}")`);
  const progress = createProgressPrinter(process.stderr);
  let report: Report;
  try {
    report = await audit({
      root: path,
      isStatic: options.simulate !== true,
      collectorOptions: { simulate: { noInstall: options.install === false, ...(options.python ? { python: options.python } : {}) }, ...(options.offline ? { advisories: { offline: true } } : {}) },
      ...(options.config ? { configPath: resolve(options.config) } : {}),
      ...(progress.listener ? { onProgress: progress.listener } : {}),
    });
  } finally {
    progress.done();
  }
  const section = report.sections.goals as GoalsSection | undefined;
  if (!section) {
    const stage = report.stages.find((candidate) => candidate.id === 'goals');
    throw new UsageError(`no goals to show: ${stage?.summary ?? 'the goals stage did not run'}`);
  }
  if (options.update) updateTracker(resolve(report.root, section.tracker), section);
  const color = format === 'terminal' && options.color && process.stdout.isTTY === true && !process.env.NO_COLOR;
  process.stdout.write(format === 'json' ? `${JSON.stringify({ schemaVersion: 1, root: report.root, goals: section, unmetGoals: report.verdict.unmetGoals ?? [] }, null, 2)}\n` : renderGoalTable(report, { color }));
  return (report.verdict.unmetGoals ?? []).length > 0 ? EXIT.gateFailed : EXIT.gatePassed;
}

function updateTracker(file: string, section: GoalsSection): void {
  const text = readFileSync(file, 'utf8');
  const tracker = parseGoalTracker(text, section.tracker);
  if (tracker.shape === 'invalid') throw new UsageError(`cannot update ${section.tracker}: ${tracker.problems[0]?.message ?? 'it is not a valid goal tracker'} (fix it first; nothing was written)`);
  const updated = applyMeasuredStatuses(text, tracker.shape, section.goals.map((goal) => ({ index: goal.index, status: goal.measured })));
  if (updated !== text) writeAtomically(file, updated);
  process.stderr.write(`liveready: ${updated === text ? `${section.tracker} already holds the measured statuses` : `wrote the measured statuses into ${section.tracker}`}\n`);
}

/** `liveready goals init [path]`: a starter tracker from the module map; never over an existing file without --force. */
export function runGoalsInit(path: string, options: { force?: boolean; config?: string }): number {
  const { project, config } = loadProject(path, options.config ? { configPath: options.config } : {});
  const file = resolve(project.root, config.config.goals?.path ?? DEFAULT_TRACKER_PATH);
  const shown = displayPath(project.root, file);
  if (existsSync(file) && !options.force) throw new UsageError(`${shown} already exists and liveready does not overwrite it (--force replaces it with a new starter; liveready goals --update writes measured statuses into it)`);
  const modules = coreModules(project);
  if (modules.length === 0) {
    process.stderr.write(`liveready: no core modules found in ${project.root} (no entrypoint, route, app or worker), so no ${shown} was written\n`);
    return EXIT.gatePassed;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeAtomically(file, renderStarterTracker(modules));
  process.stderr.write(`liveready: wrote ${shown} with ${modules.length} core module${modules.length === 1 ? '' : 's'}; fill in each "goal", then run liveready goals\n`);
  return EXIT.gatePassed;
}

/** `liveready goals [path]` and `liveready goals init [path]`. */
export function registerGoalsCommand(program: Command, context: CommandContext): void {
  const goals = program
    .command('goals')
    .description('Show each goal of the goal tracker with its declared and measured status (exit 1 when a core goal is not validated)')
    .argument('[path]', 'project root', '.')
    .option('--update', 'write the measured statuses into the tracker (only the status values change)')
    .option('--simulate', 'also run the app (as audit without --static) so probes can validate modules')
    .option('--no-install', 'with --simulate: skip the install step, use what the machine has')
    .option('--python <interpreter>', 'with --simulate: the Python for the virtualenv and the app')
    .option('--offline', 'never query the OSV API (the audit behind the goals reads advisories only from vulnerabilities.database)')
    .option('--format <format>', 'terminal (default) or json')
    .option(CONFIG_FLAG, CONFIG_HELP)
    .option('--no-color', 'plain terminal output')
    .exitOverride()
    .action(async (path: string, options: GoalsCommandOptions) => {
      context.setExitCode(await runGoalsCommand(path, options));
    });
  goals
    .command('init')
    .description('Write a starter goal tracker from the module map: one entry per core module, goals to fill in, status unknown')
    .argument('[path]', 'project root', '.')
    .option('--force', 'replace an existing tracker')
    .option(CONFIG_FLAG, CONFIG_HELP)
    .exitOverride()
    .action((path: string, options: { force?: boolean; config?: string }) => {
      context.setExitCode(runGoalsInit(path, options));
    });
}
