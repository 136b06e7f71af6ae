import type { DeclaredDependency } from '../facts/manifest-types.js';
import { parseRequirement } from './pep508.js';
import type { ParseProblem } from './positioned.js';

export interface RequirementsFile {
  dependencies: DeclaredDependency[];
  includes: Array<{ path: string; line: number; isConstraint: boolean }>;
  problems: ParseProblem[];
}

const INCLUDE = /^(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?=\S))(\S+)/;
const EDITABLE = /^(?:-e|--editable)(?:\s*=\s*|\s+)(\S+)/;
const IGNORED_OPTION = /^(?:-i|--index-url|--extra-index-url|-f|--find-links|--trusted-host|--pre|--no-binary|--only-binary|--prefer-binary|--require-hashes|--use-feature|--no-index|-Z|--always-unzip)\b/;

/**
 * Parses a pip requirements file: PEP 508 lines (extras, markers, `name @ url`), `-r`/`-c`
 * includes, editable installs, bare URLs and paths (`#egg=name`), per-line `--hash` options,
 * comments and `\` continuations. Unknown lines become problems, never exceptions.
 */
export function parseRequirementsFile(text: string): RequirementsFile {
  const result: RequirementsFile = { dependencies: [], includes: [], problems: [] };
  for (const { line, content } of logicalLines(text)) {
    const entry = content.replace(/(^|\s)#.*$/, '').trim();
    if (entry === '') continue;
    const include = INCLUDE.exec(entry);
    if (include) {
      result.includes.push({ path: include[1] as string, line, isConstraint: /^(?:-c|--constraint)/.test(entry) });
      continue;
    }
    if (IGNORED_OPTION.test(entry)) continue;
    const editable = EDITABLE.exec(entry);
    const target = editable ? (editable[1] as string) : entry.replace(/\s+--hash[=\s]\S+/g, '').replace(/\s+--(?:global-option|config-settings)[=\s]\S+/g, '').trim();
    const dependency = editable || isLocation(target) ? fromLocation(target, line, editable !== null) : fromRequirement(target, line);
    if (dependency) result.dependencies.push(dependency);
    else if (result.problems.length < 20) result.problems.push({ message: `not a requirement: ${entry.slice(0, 80)}`, line });
  }
  return result;
}

function logicalLines(text: string): Array<{ line: number; content: string }> {
  const lines: Array<{ line: number; content: string }> = [];
  let pending: { line: number; content: string } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const joined = pending ? { line: pending.line, content: `${pending.content} ${raw.trim()}` } : { line: index + 1, content: raw };
    if (/\\\s*$/.test(joined.content) && !/(^|\s)#/.test(joined.content)) pending = { line: joined.line, content: joined.content.replace(/\\\s*$/, '') };
    else {
      pending = undefined;
      lines.push(joined);
    }
  });
  if (pending) lines.push(pending);
  return lines;
}

function isLocation(target: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|git\+|hg\+|svn\+|bzr\+|file:|\.{0,2}\/|[A-Za-z]:\\)/.test(target) || /\.(?:whl|tar\.gz|zip)$/.test(target);
}

function fromRequirement(target: string, line: number): DeclaredDependency | undefined {
  const requirement = parseRequirement(target);
  if (!requirement) return undefined;
  const dependency: DeclaredDependency = { name: requirement.name, spec: requirement.spec, line, group: 'main' };
  if (requirement.source) dependency.source = requirement.source;
  if (requirement.marker) dependency.marker = requirement.marker;
  return dependency;
}

/** `git+https://...#egg=name`, `./libs/pkg`, `https://.../name-1.0.whl`: the name from the fragment or the file name. */
function fromLocation(target: string, line: number, isEditable: boolean): DeclaredDependency | undefined {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(target)?.[1];
  const fileName = /([A-Za-z0-9][A-Za-z0-9_.]*?)-\d[^/]*\.(?:whl|tar\.gz|zip)$/.exec(target)?.[1];
  const directory = /([A-Za-z0-9][A-Za-z0-9._-]*)\/?$/.exec(target.split(/[#?]/)[0] ?? '')?.[1];
  const name = egg ?? fileName ?? (/^(?:\.{0,2}\/|file:)/.test(target) ? directory : undefined);
  if (!name) return undefined;
  const source: DeclaredDependency['source'] = isEditable ? 'editable' : /^(?:git|hg|svn|bzr)\+/.test(target) ? 'vcs' : /^(?:\.{0,2}\/|file:|[A-Za-z]:\\)/.test(target) ? 'path' : 'url';
  return { name, spec: target, line, group: 'main', source };
}
