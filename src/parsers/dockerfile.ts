import type { ParseProblem } from './positioned.js';

/** One Dockerfile instruction with its continuation lines joined. */
export interface DockerInstruction {
  /** Upper-case keyword: FROM, ENV, CMD... */
  keyword: string;
  /** The arguments, continuation lines joined with a space, comment lines inside removed. */
  args: string;
  /** Line and column of the keyword (1-based). */
  line: number;
  column: number;
  /** Column of the first character of the arguments on the keyword's line. */
  argsColumn: number;
  /** The JSON array of an exec-form CMD/ENTRYPOINT/RUN/SHELL/COPY/ADD/VOLUME, when it is one. */
  execForm?: string[];
  /** Bodies of `<<EOF` heredocs that follow the instruction. */
  heredocs?: string[];
}

export interface DockerfileDocument {
  instructions: DockerInstruction[];
  problems: ParseProblem[];
}

const KNOWN = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);
const EXEC_FORM_CAPABLE = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'COPY', 'ADD', 'VOLUME']);
const MAX_HEREDOC_LINES = 10_000;

/**
 * Parses a Dockerfile the way BuildKit reads it: parser directives (`# escape=`), comments,
 * line continuations, heredocs, exec-form JSON arrays. Linear and never throws; what Docker would
 * reject (an unknown instruction, a missing FROM, an exec form that is not JSON) becomes a problem.
 */
export function parseDockerfile(text: string): DockerfileDocument {
  const lines = text.split(/\r?\n/);
  const escape = escapeDirective(lines);
  const instructions: DockerInstruction[] = [];
  const problems: ParseProblem[] = [];
  let index = 0;
  while (index < lines.length) {
    const raw = lines[index] as string;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      index += 1;
      continue;
    }
    const match = /^(\s*)([A-Za-z]+)(\s+|$)/.exec(raw);
    if (!match) {
      problems.push({ message: `line is not an instruction: ${JSON.stringify(truncate(trimmed))}`, line: index + 1, column: 1 });
      index = continuationEnd(lines, index, escape) + 1;
      continue;
    }
    const [whole, indent = '', word = ''] = match;
    const joined = joinContinuation(lines, index, whole.length, escape);
    const keyword = word.toUpperCase();
    const instruction: DockerInstruction = { keyword, args: joined.args, line: index + 1, column: indent.length + 1, argsColumn: whole.length + 1 };
    index = joined.lastLine + 1;
    const heredocs = heredocNames(keyword, joined.args);
    if (heredocs.length > 0) {
      const read = readHeredocs(lines, index, heredocs);
      instruction.heredocs = read.bodies;
      if (read.unterminated) problems.push({ message: `heredoc <<${read.unterminated} is never closed`, line: instruction.line, column: instruction.column });
      index = read.next;
    }
    problems.push(...instructionProblems(instruction, instructions));
    if (EXEC_FORM_CAPABLE.has(keyword)) {
      const exec = execForm(joined.args);
      if (exec.argv) instruction.execForm = exec.argv;
      else if (exec.problem) problems.push({ message: `${keyword} ${exec.problem}`, line: instruction.line, column: instruction.argsColumn });
    }
    instructions.push(instruction);
  }
  return { instructions, problems };
}

function instructionProblems(instruction: DockerInstruction, before: readonly DockerInstruction[]): ParseProblem[] {
  const at = { line: instruction.line, column: instruction.column };
  if (!KNOWN.has(instruction.keyword)) return [{ message: `unknown instruction ${instruction.keyword}`, ...at }];
  if (instruction.args.trim() === '') return [{ message: `${instruction.keyword} has no arguments`, ...at }];
  const hasFrom = before.some((previous) => previous.keyword === 'FROM');
  if (!hasFrom && instruction.keyword !== 'FROM' && instruction.keyword !== 'ARG') return [{ message: `${instruction.keyword} before the first FROM`, ...at }];
  return [];
}

/** `# escape=`` ` among the leading parser directives. */
function escapeDirective(lines: readonly string[]): string {
  for (const line of lines) {
    const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (!directive) break;
    if (directive[1]?.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) return directive[2];
  }
  return '\\';
}

function endsWithEscape(line: string, escape: string): boolean {
  const trimmed = line.replace(/\s+$/, '');
  return trimmed.endsWith(escape) && !trimmed.endsWith(escape + escape);
}

function continuationEnd(lines: readonly string[], index: number, escape: string): number {
  let last = index;
  while (endsWithEscape(lines[last] as string, escape) && last + 1 < lines.length) last += 1;
  return last;
}

/** Joins `\`-continued lines; comment lines inside a continuation are dropped, as Docker does. */
function joinContinuation(lines: readonly string[], index: number, argsStart: number, escape: string): { args: string; lastLine: number } {
  const parts: string[] = [];
  let current = (lines[index] as string).slice(argsStart);
  let lineIndex = index;
  while (endsWithEscape(current, escape) && lineIndex + 1 < lines.length) {
    parts.push(current.replace(/\s+$/, '').slice(0, -escape.length).trim());
    lineIndex += 1;
    current = lines[lineIndex] as string;
    while (/^\s*#/.test(current) && lineIndex + 1 < lines.length) {
      lineIndex += 1;
      current = lines[lineIndex] as string;
    }
  }
  parts.push(current.trim());
  return { args: parts.filter((part) => part !== '').join(' '), lastLine: lineIndex };
}

function heredocNames(keyword: string, args: string): string[] {
  if (keyword !== 'RUN' && keyword !== 'COPY' && keyword !== 'ADD') return [];
  return [...args.matchAll(/<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g)].map((match) => match[2] as string);
}

function readHeredocs(lines: readonly string[], start: number, names: readonly string[]): { bodies: string[]; next: number; unterminated?: string } {
  const bodies: string[] = [];
  let index = start;
  for (const name of names) {
    const body: string[] = [];
    while (index < lines.length && (lines[index] as string).trim() !== name && body.length < MAX_HEREDOC_LINES) {
      body.push(lines[index] as string);
      index += 1;
    }
    if (index >= lines.length || body.length >= MAX_HEREDOC_LINES) return { bodies, next: index, unterminated: name };
    bodies.push(body.join('\n'));
    index += 1;
  }
  return { bodies, next: index };
}

/**
 * Exec form is a JSON array of strings. Anything else is shell form: Docker then runs the text
 * with `/bin/sh -c`, which for `["python", 'app.py']` is a command that does not exist.
 */
function execForm(args: string): { argv?: string[]; problem?: string } {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[')) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    const hint = trimmed.includes("'") ? ' (exec form needs double quotes)' : '';
    return trimmed.endsWith(']') ? { problem: `looks like exec form but is not a JSON array${hint}, so Docker runs it as a shell command` } : {};
  }
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) return { problem: 'exec form must be a JSON array of strings' };
  return { argv: parsed as string[] };
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
