import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import type { Check } from '../checks/api.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { loadBaseline } from '../config/baseline.js';
import { type LoadedConfig, loadConfig, parseSize } from '../config/load.js';
import { Project } from '../facts/project.js';
import { NothingToAuditError, UsageError } from '../model/errors.js';
import type { FileKind } from '../model/file-kind.js';
import type { Report } from '../model/report.js';
import type { Severity } from '../model/severity.js';
import { VERSION } from '../model/version.js';
import { computeVerdict } from '../verdict/compute-verdict.js';
import { resolveCheckSettings } from './check-settings.js';
import { collectFacts } from './collect-facts.js';
import { finalizeFindings } from './finalize-findings.js';
import type { ProgressListener } from './progress.js';
import { runChecks } from './run-checks.js';
import { summarizeStages } from './stages.js';
import { applySuppressions, expandDirectoryPattern } from './suppress.js';

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
  now?: Date;
  onProgress?: ProgressListener;
}

const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
const PROJECT_KINDS: ReadonlySet<FileKind> = new Set(['python', 'javascript', 'typescript', 'shell', 'package-json', 'procfile', 'replit', 'dockerfile', 'requirements']);
const PROJECT_FILE_NAMES = /(^|\/)(pyproject\.toml|Pipfile|setup\.py|setup\.cfg|docker-compose[^/]*\.ya?ml|compose\.ya?ml|fly\.toml|render\.yaml|railway\.(json|toml)|nixpacks\.toml|vercel\.json|app\.json)$/;

/** Runs the pipeline: config -> discovery -> facts -> checks -> suppressions -> verdict -> report. */
export async function audit(options: AuditOptions): Promise<Report> {
  const started = Date.now();
  const root = resolve(options.root);
  assertDirectory(root);
  const loaded = options.config ?? loadConfig(root, options.configPath);
  const config = loaded.config;
  const allChecks = options.checks ?? ALL_CHECKS;
  const settings = resolveCheckSettings(config, allChecks);
  const baseline = options.baselinePath ? loadBaseline(options.baselinePath) : undefined;
  const isStatic = options.isStatic ?? false;
  const useSuppressions = options.useSuppressions ?? true;
  const failOn = options.failOn ?? config.failOn ?? 'critical';

  const ignorePatterns = (config.ignorePaths ?? []).flatMap(expandDirectoryPattern);
  const isIgnoredPath = ignorePatterns.length > 0 ? picomatch(ignorePatterns, { dot: true }) : () => false;
  const collected = collectFacts(root, { maxFileSize: parseSize(config.maxFileSize, DEFAULT_MAX_FILE_SIZE), isIgnoredPath, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  const recognizable = collected.facts.some((facts) => PROJECT_KINDS.has(facts.kind) || PROJECT_FILE_NAMES.test(facts.path));
  if (!recognizable) {
    throw new NothingToAuditError(
      `nothing to audit in ${root}: found ${collected.files.length} file${collected.files.length === 1 ? '' : 's'} but no source code (Python, JavaScript/TypeScript, shell) and no manifest (package.json, requirements.txt, pyproject.toml, Procfile, Dockerfile, .replit)`,
    );
  }
  const project = new Project(root, collected.files, collected.facts, collected.listing === 'git');

  const checks = options.onlyChecks ? allChecks.filter((check) => options.onlyChecks?.includes(check.meta.id)) : allChecks;
  for (const stage of new Set(checks.map((check) => check.meta.stage))) options.onProgress?.({ type: 'stage-start', stage });
  const outcome = runChecks(project, checks, settings, isStatic);
  const findings = finalizeFindings(project, outcome.raw, settings);
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const suppression = useSuppressions
    ? applySuppressions({
        project,
        findings,
        runs: outcome.runs,
        ignores: config.ignore ?? [],
        ...(loaded.file ? { configFile: loaded.file } : {}),
        ignoreLine: (index) => loaded.lineOf(['ignore', index]),
        ...(baseline ? { baseline } : {}),
        today,
      })
    : { kept: findings, suppressed: [], notices: [] };
  const kept = [...suppression.kept, ...suppression.notices];
  const stages = summarizeStages(outcome.runs, kept, isStatic);
  const { verdict, gate } = computeVerdict({ findings: kept, failOn });

  return {
    schemaVersion: 1,
    tool: { name: 'liveready', version: VERSION },
    root,
    generatedAt: (options.now ?? new Date()).toISOString(),
    verdict,
    gate,
    stages,
    findings: kept,
    suppressed: suppression.suppressed,
    checks: outcome.runs,
    sections: {},
    stats: {
      files: collected.files.length,
      bytes: collected.bytes,
      durationMs: Date.now() - started,
      skipped: collected.skipped,
      listing: collected.listing,
    },
  };
}

function assertDirectory(root: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    throw new UsageError(`cannot audit ${root}: no such directory`);
  }
  if (!isDirectory) throw new UsageError(`cannot audit ${root}: not a directory (give the project's root folder)`);
}
