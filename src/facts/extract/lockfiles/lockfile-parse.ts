import { parseJson } from '../../../parsers/json.js';
import type { ParseProblem } from '../../../parsers/positioned.js';
import type { LockedPackage } from '../../manifest-types.js';
import { asRecord } from '../structured-document.js';

/** What a lockfile parser gives: every exact version it pins, and what it could not read. */
export interface LockfileParse {
  packages: LockedPackage[];
  problems: ParseProblem[];
}

/** An exact semver (`4.18.2`, `1.0.0-beta.3+build.7`): not a range, a tag, a git ref or a path. */
export function isExactNpmVersion(version: string): boolean {
  return /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(version);
}

const MAX_PROBLEMS = 5;

/** Keeps the first few problems: a broken generated file repeats the same one thousands of times. */
export function addProblem(problems: ParseProblem[], problem: ParseProblem): void {
  if (problems.length < MAX_PROBLEMS) problems.push(problem);
}

/**
 * A JSON lockfile's top-level object by `JSON.parse` (native, several times faster than a
 * positioned parse), or its problems: on invalid JSON the tolerant parser's positioned ones, or
 * JSON.parse's own words (comments and trailing commas, which npm and pipenv refuse too).
 */
export function readJsonLockfile(text: string): { root: Record<string, unknown> } | { problems: ParseProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // A file cut short leaves every open object unclosed: one problem per place is enough.
    const problems = parseJson(text).problems.filter((problem, index, all) => all.findIndex((other) => other.line === problem.line && other.message === problem.message) === index);
    return { problems: problems.length > 0 ? problems : [{ message: `JSON syntax error: ${error instanceof Error ? error.message : String(error)}`, line: 1 }] };
  }
  const root = asRecord(data);
  return root ? { root } : { problems: [{ message: 'the lockfile is not a JSON object', line: 1 }] };
}

/** yarn and pnpm end their lockfiles with a line break: a file without one was cut (a copy, a merge) or hand-edited. */
export function cutShortProblem(text: string): ParseProblem | undefined {
  if (text === '' || text.endsWith('\n')) return undefined;
  return { message: 'the file ends in the middle of a line: it may be cut short', line: text.split('\n').length };
}
