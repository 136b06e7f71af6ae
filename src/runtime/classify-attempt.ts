import type { AttemptEvidence, EnvironmentSummary, FailureClassification } from '../facts/evidence/evidence.js';
import type { EnvContract } from '../facts/env-contract.js';
import type { Finding } from '../model/finding.js';
import type { Location } from '../model/location.js';
import { classifyFailure } from './classify-failure.js';
import type { LineCapture } from './line-capture.js';
import { findPrediction } from './link-prediction.js';

export interface AttemptClassificationInput {
  attempts: readonly AttemptEvidence[];
  capture: LineCapture;
  role: string;
  appDir: string;
  environment: EnvironmentSummary;
  contract: EnvContract;
  findings: readonly Finding[];
}

/** Classifies the first start that died by itself, from its own output, and links the finding that predicted it. */
export function classifyAttempt(input: AttemptClassificationInput): FailureClassification | undefined {
  const failed = input.attempts.find((attempt) => attempt.exitedOnItsOwn);
  if (!failed) return undefined;
  const until = (failed.endMs ?? Number.MAX_SAFE_INTEGER) + 1000;
  const lines = input.capture.linesOf(input.role, failed.startMs).filter((line) => line.timeMs <= until);
  if (failed.error) lines.push({ process: input.role, stream: 'stderr', timeMs: failed.startMs, text: failed.error });
  const envReads = new Map<string, Location[]>(input.contract.variables.map((variable) => [variable.name, variable.reads.map((read) => ({ file: read.file, line: read.line }))]));
  const classified = classifyFailure({ lines, exitCode: failed.exitCode, signal: failed.signal, appDir: input.appDir, missingVariables: input.environment.missing, envReads });
  const classification: FailureClassification = { ...classified, attempt: failed.index };
  const predicted = findPrediction(classified, input.findings, input.contract);
  if (predicted) classification.predictedBy = { checkId: predicted.checkId, location: predicted.location, fingerprint: predicted.fingerprint };
  if (classification.kind === 'missing-env' && classification.variable && !classification.location) {
    const read = input.contract.variables.find((variable) => variable.name === classification.variable)?.reads[0];
    if (read) classification.location = { file: read.file, line: read.line, column: read.column };
  }
  return classification;
}
