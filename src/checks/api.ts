import type { Project } from '../facts/project.js';
import type { Category } from '../model/category.js';
import type { Finding } from '../model/finding.js';
import type { Location } from '../model/location.js';
import type { Severity } from '../model/severity.js';
import type { StageId } from '../model/stage.js';

export interface CheckMeta {
  /** `<domain>/<no|require|prefer>-<concept>`; equals the folder path under src/checks; never changes once released. */
  id: string;
  stage: StageId;
  /** Starts with Require, Disallow or Prefer. */
  description: string;
  severity: Severity;
  category: Category;
  /** Reported, but kept out of the verdict until its precision is shown on real code. */
  experimental?: boolean;
  /** When `appliesTo` says no, the check is skipped with this reason ("no .env file"). */
  appliesWhen?: string;
}

/** What a check says about one defect. The engine adds stage, fingerprint and redaction. */
export interface FindingInput {
  /** A full sentence: the fact and its consequence. */
  message: string;
  /** One actionable sentence. */
  remediation: string;
  location: Location;
  /** Defaults to the source line at `location` (from the file's facts). */
  evidence?: string;
  /** Overrides the check's default severity for this finding. */
  severity?: Severity;
  /** What identifies this defect for baselines; defaults to the evidence. Never include line numbers. */
  fingerprintContent?: string;
  /** Secret values to mask wherever they appear in message and evidence. */
  secrets?: string[];
  related?: Location[];
}

export interface CheckContext {
  project: Project;
  /**
   * Findings of earlier phases, after suppressions: empty for the static stages (map, config, scan,
   * schema); the static findings for logs/watch/simulate; all of those for goals.
   */
  findings: readonly Finding[];
  /** Per-check options from `.liveready.yaml` (`checks.<id>.options`). */
  options: Readonly<Record<string, unknown>>;
  report(finding: FindingInput): void;
}

export interface Check {
  meta: CheckMeta;
  /** False: the check is skipped with `meta.appliesWhen` as the reason; never counted as passed. */
  appliesTo?(project: Project): boolean;
  /** Reads the project, reports findings. No I/O: the facts are all it needs. */
  run(context: CheckContext): void;
}

export function defineCheck(check: Check): Check {
  return check;
}
