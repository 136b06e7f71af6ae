import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import type { Check } from '../checks/api.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { loadBaseline } from '../config/baseline.js';
import { loadConfigWhenPresent, parseSize } from '../config/config-files.js';
import type { LoadedConfig } from '../config/load.js';
import { Project } from '../facts/project.js';
import { NothingToAuditError, UsageError } from '../model/errors.js';
import type { FileKind } from '../model/file-kind.js';
import type { Finding, SuppressedFinding } from '../model/finding.js';
import type { CheckRun, Report } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import { VERSION } from '../model/version.js';
import { computeVerdict } from '../verdict/compute-verdict.js';
import { describeGoalCounts, unmetGoalsForVerdict } from '../goals/unmet-goals.js';
import { resolveCheckSettings } from './check-settings.js';
import { collectFactsInParallel } from './collect-facts.js';
import { COLLECTORS, type Collector } from './collectors.js';
import { finalizeFindings } from './finalize-findings.js';
import { PHASE_OF_STAGE } from './phases.js';
import type { ProgressListener } from './progress.js';
import { runChecks } from './run-checks.js';
import { SECTION_BUILDERS, buildSections } from './sections.js';
import { type StageOverride, summarizeStages } from './stages.js';
import { Suppressor, expandDirectoryPattern } from './suppress.js';
import { openTreeMemo } from './tree-memo.js';

export interface AuditOptions {
  /** The directory to audit. */
  root: string;
  /** Skip everything that would execute the audited code. */
  isStatic?: boolean;
  /** An explicit config file instead of `.liveready.yaml` at the root. */
  configPath?: string;
  /** A config object (library use); replaces the file. */
  config?: LoadedConfig;
  /** Path of a previous JSON report: its findings are not reported again. */
  baselinePath?: string;
  /** False: ignore inline comments, config ignores and the baseline (CI runs that must see everything). */
  useSuppressions?: boolean;
  failOn?: Severity;
  /** Run only these checks (the fixture runner runs one). */
  onlyChecks?: readonly string[];
  /** The checks to choose from (defaults to every registered check). */
  checks?: readonly Check[];
  /** The collectors to run (defaults to every registered collector). */
  collectors?: readonly Collector[];
  /** Options for collectors (log paths, install switches...), by name. */
  collectorOptions?: Readonly<Record<string, unknown>>;
  now?: Date;
  onProgress?: ProgressListener;
  /** Abort (Ctrl-C): collectors stop and clean up. */
  signal?: AbortSignal;
  /** False: a tree with no recognizable project is audited anyway (`liveready logs` from any folder). */
  requireProject?: boolean;
  /** Directory of the per-file facts cache (outside the audited tree); undefined or false: no cache. */
  cacheDir?: string | false;
  /** Threads for reading and extracting files: 'auto' (default) for big trees only, 0 never. */
  threads?: number | 'auto';
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
const PROJECT_KINDS: ReadonlySet<FileKind> = new Set(['python', 'javascript', 'typescript', 'shell', 'package-json', 'procfile', 'replit', 'dockerfile', 'requirements']);
const PROJECT_FILE_NAMES = /(^|\/)(pyproject\.toml|Pipfile|setup\.py|setup\.cfg|docker-compose[^/]*\.ya?ml|compose\.ya?ml|fly\.toml|render\.yaml|railway\.(json|toml)|nixpacks\.toml|vercel\.json|app\.json|schema\.prisma)$/;

/**
 * Runs the pipeline: config -> discovery -> facts -> static checks -> collectors (logs, the
 * simulation, the goal tracker) -> evidence checks -> goal checks -> suppressions -> verdict -> report.
 */
export async function audit(options: AuditOptions): Promise<Report> {
  const started = Date.now();
  const root = resolve(options.root);
  assertDirectory(root);
  const loaded = options.config ?? (await loadConfigWhenPresent(root, options.configPath));
  const config = loaded.config;
  const allChecks = options.checks ?? ALL_CHECKS;
  const settings = resolveCheckSettings(config, allChecks);
  const baseline = options.baselinePath ? loadBaseline(options.baselinePath) : undefined;
  const isStatic = options.isStatic ?? false;
  const failOn = options.failOn ?? config.failOn ?? 'critical';
  const now = options.now ?? new Date();

  const ignorePatterns = (config.ignorePaths ?? []).flatMap(expandDirectoryPattern);
  const isIgnoredPath = ignorePatterns.length > 0 ? picomatch(ignorePatterns, { dot: true }) : () => false;
  const collected = await collectFactsInParallel(root, {
    maxFileSize: parseSize(config.maxFileSize, DEFAULT_MAX_FILE_SIZE),
    isIgnoredPath,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  });
  const recognizable = collected.facts.some((facts) => PROJECT_KINDS.has(facts.kind) || PROJECT_FILE_NAMES.test(facts.path));
  if (!recognizable && options.requireProject !== false) {
    throw new NothingToAuditError(
      `nothing to audit in ${root}: found ${collected.files.length} file${collected.files.length === 1 ? '' : 's'} but no source code (Python, JavaScript/TypeScript, shell) and no manifest (package.json, requirements.txt, pyproject.toml, Procfile, Dockerfile, .replit)`,
    );
  }
  const project = new Project(root, collected.files, collected.facts, collected.listing === 'git');
  // Results that depend on the tree alone, from the last audit of this same tree.
  const memo = options.cacheDir ? openTreeMemo(options.cacheDir, root, project) : undefined;
  const suppressor =
    options.useSuppressions === false
      ? undefined
      : new Suppressor({ project, ignores: config.ignore ?? [], ...(loaded.file ? { configFile: loaded.file } : {}), ignoreLine: (index) => loaded.lineOf(['ignore', index]), ...(baseline ? { baseline } : {}), today: now.toISOString().slice(0, 10) });

  const checks = options.onlyChecks ? allChecks.filter((check) => options.onlyChecks?.includes(check.meta.id)) : allChecks;
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const runs: CheckRun[] = [];
  const overrides: Parameters<typeof summarizeStages>[3] = {};
  const signal = options.signal ?? new AbortController().signal;

  for (const phase of [1, 2, 3] as const) {
    for (const collector of (options.collectors ?? COLLECTORS).filter((candidate) => candidate.phase === phase)) {
      const override = await runCollector(collector, { root, project, config, findings: kept, suppressed, runs, options: options.collectorOptions ?? {}, signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) }, isStatic);
      if (override) overrides[collector.stage] = override;
    }
    const phaseChecks = checks.filter((check) => PHASE_OF_STAGE[check.meta.stage] === phase);
    for (const stage of new Set(phaseChecks.map((check) => check.meta.stage))) options.onProgress?.({ type: 'stage-start', stage });
    const outcome = runChecks(project, phaseChecks, settings, isStatic, kept, memo);
    runs.push(...outcome.runs);
    const findings = finalizeFindings(project, outcome.raw, settings);
    const applied = suppressor ? suppressor.apply(findings) : { kept: findings, suppressed: [] };
    kept.push(...applied.kept);
    suppressed.push(...applied.suppressed);
  }
  if (suppressor) kept.push(...suppressor.notices(runs));

  const stages = summarizeStages(runs, kept, isStatic, overrides);
  const runtime = project.evidence.simulation?.outcome;
  const goals = project.evidence.goals;
  // The goals stage says what it measured about the goals first, then what its checks found.
  const goalsStage = stages.find((stage) => stage.id === 'goals');
  if (goals && goalsStage && goalsStage.status !== 'skipped') goalsStage.summary = `${describeGoalCounts(goals)}; ${goalsStage.summary}`;
  const sections = buildSections(project, kept, SECTION_BUILDERS, memo);
  memo?.save();
  const { verdict, gate } = computeVerdict({ findings: kept, failOn, ...(runtime ? { runtime } : {}), ...(goals ? { unmetGoals: unmetGoalsForVerdict(goals) } : {}) });

  return {
    schemaVersion: 1,
    tool: { name: 'liveready', version: VERSION },
    root,
    generatedAt: now.toISOString(),
    verdict,
    gate,
    stages,
    findings: kept,
    suppressed,
    checks: runs,
    sections,
    stats: {
      files: collected.files.length,
      bytes: collected.bytes,
      durationMs: Date.now() - started,
      skipped: collected.skipped,
      listing: collected.listing,
      ...(collected.cache ? { cache: { ...collected.cache, ...(memo ? { reused: memo.reused } : {}) } } : {}),
    },
  };
}

/** Runs one collector; what it could not do becomes its stage's status, never an exception. */
async function runCollector(collector: Collector, context: Parameters<Collector['collect']>[0], isStatic: boolean): Promise<StageOverride | undefined> {
  if (collector.executesCode && isStatic) return { status: 'skipped', summary: '--static: the app was not executed' };
  context.onProgress?.({ type: 'stage-start', stage: collector.stage });
  try {
    const result = await collector.collect(context);
    return result?.skipped ? { status: 'skipped', summary: result.skipped } : undefined;
  } catch (error) {
    return { status: 'errored', summary: `${collector.id} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function assertDirectory(root: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    throw new UsageError(`cannot audit ${root}: no such directory`);
  }
  if (!isDirectory) throw new UsageError(`cannot audit ${root}: not a directory (give the project's root folder)`);
}
