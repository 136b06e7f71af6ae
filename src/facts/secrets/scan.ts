import type { FileKind } from '../../model/file-kind.js';
import { isSecretName } from '../secret-values.js';
import { type AssignmentStyle, SECRET_NAME_KEYWORDS, assignmentAt } from './assignments.js';
import { KeywordMatcher } from './keyword-matcher.js';
import type { SecretMatch, SecretRule } from './rule-types.js';
import { SHAPE_RULES } from './shape-rules.js';
import { DERIVED_RULES, STRUCTURED_RULES } from './structured-rules.js';
import { credentialKindOf, isPlaceholderToken, looksLikeCredential, stripAuthScheme } from './value-judgement.js';

/** Every format rule, most specific first: when two matches overlap, the earlier rule wins. */
export const SECRET_RULES: readonly SecretRule[] = [...SHAPE_RULES, ...STRUCTURED_RULES];

/** The rule id of a secret-named assignment with a real-looking value. */
export const ASSIGNMENT_RULE = 'secret-assignment';

/** What a rule id names and where its secrets are revoked, for messages and remediations. */
export function describeSecretRule(id: string): { title: string; revoke: string } {
  const rule = SECRET_RULES.find((candidate) => candidate.id === id);
  return rule ? { title: rule.title, revoke: rule.revoke } : (DERIVED_RULES[id] ?? { title: 'credential', revoke: 'the service it belongs to' });
}

/** A keyword of the prefilter, and what to run when it is hit. */
interface KeywordTarget {
  rules: number[];
  isNameKeyword: boolean;
}

const TARGETS = new Map<string, KeywordTarget>();
SECRET_RULES.forEach((rule, index) => {
  for (const keyword of rule.keywords) {
    const target = TARGETS.get(keyword) ?? { rules: [], isNameKeyword: false };
    target.rules.push(index);
    TARGETS.set(keyword, target);
  }
});
for (const keyword of SECRET_NAME_KEYWORDS) {
  const target = TARGETS.get(keyword) ?? { rules: [], isNameKeyword: false };
  target.isNameKeyword = true;
  TARGETS.set(keyword, target);
}
const KEYWORDS = [...TARGETS.keys()];
const KEYWORD_TARGETS = KEYWORDS.map((keyword) => TARGETS.get(keyword) as KeywordTarget);
const MATCHER = new KeywordMatcher(KEYWORDS);
const GLOBAL_PATTERNS = SECRET_RULES.map((rule) => new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}g`));

const SHAPE_RULE_IDS = new Set(SHAPE_RULES.map((rule) => rule.id));

/** How far around a hit a rule's regex looks on a very long line. */
const WINDOW = 2_000;

/** Documentation and logs: token formats are scanned, free-form `name: value` pairs are not (prose is full of them). */
function assignmentStyleOf(kind: FileKind): AssignmentStyle | undefined {
  if (kind === 'python' || kind === 'javascript' || kind === 'typescript') return 'code';
  if (kind === 'markdown' || kind === 'html' || kind === 'log') return undefined;
  return 'config';
}

/**
 * Every credential in one file's text: one pass of the keyword matcher over the text, then each
 * rule's regex only on the lines its keywords hit. Comments are scanned like code: a key in a
 * comment is just as leaked. Pure and linear in the text (plus the lines that have hits).
 */
export function scanSecrets(text: string, kind: FileKind): SecretMatch[] {
  const found: SecretMatch[] = [];
  const style = assignmentStyleOf(kind);
  const scannedUntil = new Array<number>(SECRET_RULES.length).fill(-1);
  let lastName = -1;
  let lineStart = 0;
  let lineEnd = -1;
  MATCHER.scan(text, (keyword, hitEnd) => {
    const hitStart = hitEnd - (KEYWORDS[keyword] as string).length;
    if (hitStart > lineEnd) {
      lineStart = text.lastIndexOf('\n', hitStart) + 1;
      const newline = text.indexOf('\n', hitStart);
      lineEnd = newline === -1 ? text.length : newline;
    }
    const target = KEYWORD_TARGETS[keyword] as KeywordTarget;
    for (const ruleIndex of target.rules) {
      if (hitEnd <= (scannedUntil[ruleIndex] as number)) continue;
      const rule = SECRET_RULES[ruleIndex] as SecretRule;
      const isFileWide = rule.scope === 'file';
      const narrowed: [number, number] | undefined = rule.around ? rule.around(text, hitStart, hitEnd) : [hitStart - WINDOW, hitEnd + WINDOW];
      if (!narrowed) continue;
      const from = isFileWide ? 0 : Math.max(lineStart, narrowed[0]);
      const to = isFileWide ? text.length : Math.min(lineEnd, narrowed[1]);
      scannedUntil[ruleIndex] = to;
      runRule(ruleIndex, text, from, to, found);
    }
    if (target.isNameKeyword && style !== undefined) {
      const assignment = assignmentAt(text, lineStart, lineEnd, hitStart, hitEnd, style);
      if (!assignment || assignment.nameStart === lastName) return;
      lastName = assignment.nameStart;
      if (isSecretName(assignment.name) && looksLikeCredential(assignment.value, credentialKindOf(assignment.name))) {
        const value = stripAuthScheme(assignment.value);
        const start = assignment.valueStart + assignment.value.length - value.length;
        found.push({ rule: ASSIGNMENT_RULE, severity: 'moderate', start, value, name: assignment.name });
      }
    }
  });
  return dropOverlaps(found);
}

function runRule(ruleIndex: number, text: string, from: number, to: number, found: SecretMatch[]): void {
  const rule = SECRET_RULES[ruleIndex] as SecretRule;
  const pattern = GLOBAL_PATTERNS[ruleIndex] as RegExp;
  const window = text.slice(from, to);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(window); match !== null; match = pattern.exec(window)) {
    const secret = match[rule.secretGroup ?? 1];
    if (secret === undefined) continue;
    const start = from + match.index;
    const verdict = rule.judge ? rule.judge(match, text, start) : isPlaceholderToken(secret) ? false : undefined;
    if (verdict === false) continue;
    const secretStart = rule.secretGroup === undefined && match[0].startsWith(secret) ? start : start + Math.max(0, match[0].indexOf(secret));
    found.push({ rule: verdict?.rule ?? rule.id, severity: verdict?.severity ?? rule.severity, start: verdict?.value ? start : secretStart, value: verdict?.value ?? secret });
  }
}

/**
 * One report per secret: overlapping format matches keep the earliest, most specific one; a
 * secret-named assignment is dropped when a format rule already covers any part of its value.
 */
function dropOverlaps(found: SecretMatch[]): SecretMatch[] {
  const end = (match: SecretMatch): number => match.start + Math.max(1, match.value.length);
  const priority = (match: SecretMatch): number => (SHAPE_RULE_IDS.has(match.rule) ? 0 : 1);
  const formats = found.filter((match) => match.rule !== ASSIGNMENT_RULE).sort((a, b) => a.start - b.start || priority(a) - priority(b));
  const kept: SecretMatch[] = [];
  for (const match of formats) {
    const previous = kept[kept.length - 1];
    if (!previous || match.start >= end(previous)) kept.push(match);
  }
  for (const match of found) {
    if (match.rule === ASSIGNMENT_RULE && !kept.some((format) => format.start < end(match) && match.start < end(format))) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}
