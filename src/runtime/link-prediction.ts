import type { FailureClassification, FailureKind } from '../facts/evidence/evidence.js';
import type { EnvContract } from '../facts/env-contract.js';
import type { Finding } from '../model/finding.js';

/** Check-id words that mark a family of static checks able to predict each kind of failure. */
const FAMILIES: Record<FailureKind, RegExp> = {
  'missing-env': /^env\/|env/,
  'missing-module': /import|dep|module|package|requirement|target/,
  'missing-file': /^start\/|target|entry/,
  'syntax-error': /syntax|malformed|parse/,
  'port-in-use': /port/,
  'permission-denied': /permission|path|write/,
  'database-refused': /database|db|connection|service/,
  'out-of-memory': /memory|loop|leak/,
  'command-not-found': /^start\/|command|runtime|dep/,
  'exception-at-start': /exit|import|crash|start/,
  'exited-cleanly': /exit|worker|loop/,
  unknown: /^start\//,
};

/**
 * The static finding that predicted a runtime failure: one of the check family for that kind of
 * failure that names the same variable or module, or sits where the app failed. Pure.
 */
export function findPrediction(classification: Omit<FailureClassification, 'attempt'>, findings: readonly Finding[], contract: EnvContract): Finding | undefined {
  const family = FAMILIES[classification.kind];
  const variableReads = classification.variable ? contract.variables.find((variable) => variable.name === classification.variable)?.reads ?? [] : [];
  let best: { finding: Finding; score: number } | undefined;
  for (const finding of findings) {
    let score = 0;
    if (family.test(finding.checkId)) score += 2;
    const text = `${finding.message} ${finding.evidence ?? ''}`;
    if (classification.variable && new RegExp(`\\b${classification.variable}\\b`).test(text)) score += 3;
    if (classification.module && new RegExp(`\\b${escape(classification.module.split('.')[0] ?? '')}\\b`).test(text)) score += 3;
    const files = classification.line?.match(/[\w-]+\.(?:py|[cm]?js|ts)\b/g) ?? [];
    if (files.some((file) => text.includes(file))) score += 3;
    if (variableReads.some((read) => read.file === finding.location.file && read.line === finding.location.line)) score += 3;
    if (classification.location && finding.location.file === classification.location.file) score += classification.location.line === finding.location.line ? 3 : 1;
    // A family match alone is not a prediction: something must tie the finding to this failure.
    if (score < 4 || !family.test(finding.checkId)) continue;
    if (!best || score > best.score) best = { finding, score };
  }
  return best?.finding;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
