import type { CapturedLine, FailureClassification, FailureKind } from '../facts/evidence/evidence.js';
import type { Location } from '../model/location.js';

export interface FailureInput {
  /** What the failed attempt wrote, in order. */
  lines: readonly CapturedLine[];
  exitCode: number | null | undefined;
  signal: string | null | undefined;
  /** Absolute path of the app copy: paths under it in tracebacks become repo-relative. */
  appDir: string;
  /** Required variables that were not passed (nothing provides them). */
  missingVariables: readonly string[];
  /** Where the code reads each variable (to recognise a crash on an env read line). */
  envReads: ReadonlyMap<string, readonly Location[]>;
}

type Classification = Omit<FailureClassification, 'attempt' | 'predictedBy'>;

interface Rule {
  kind: FailureKind;
  match(text: string, input: FailureInput): { summary?: string; variable?: string; module?: string } | undefined;
}

const DATABASE_WORDS = /(:5432|:3306|:27017|:6379|postgres|psycopg|mysql|mariadb|mongo|redis|database|sqlalchemy|prisma|sequelize|OperationalError)/i;

/** In priority order: the most specific cause wins over a generic exception line. */
const RULES: Rule[] = [
  { kind: 'missing-env', match: matchMissingEnv },
  {
    kind: 'missing-module',
    match: (text) => {
      const python = /No module named '?([\w.]+)'?/.exec(text) ?? /cannot import name '?(\w+)'?/.exec(text) ?? /Could not import module "([\w.]+)"/.exec(text);
      if (python?.[1]) return { module: python[1] };
      const node = /Cannot find (?:module|package) '([^']+)'/.exec(text);
      if (node?.[1] && !node[1].startsWith('/') && !node[1].startsWith('.')) return { module: node[1] };
      return undefined;
    },
  },
  {
    kind: 'missing-file',
    match: (text) => (/can't open file|Cannot find module '[/.]|ENOENT: no such file or directory|No such file or directory/.test(text) && !/\bnot found\b/.test(text) ? {} : undefined),
  },
  { kind: 'syntax-error', match: (text) => (/\b(SyntaxError|IndentationError|TabError)\b/.test(text) ? {} : undefined) },
  { kind: 'port-in-use', match: (text) => (/EADDRINUSE|[Aa]ddress already in use|\[Errno 98\]/.test(text) ? {} : undefined) },
  { kind: 'permission-denied', match: (text) => (/EACCES|PermissionError|[Pp]ermission denied|\[Errno 13\]/.test(text) ? {} : undefined) },
  {
    kind: 'database-refused',
    match: (text) => (/ECONNREFUSED|[Cc]onnection refused|could not connect to server|Can't connect to/.test(text) && DATABASE_WORDS.test(text) ? {} : undefined),
  },
  { kind: 'out-of-memory', match: (text) => (/MemoryError|JavaScript heap out of memory|Cannot allocate memory|ENOMEM/.test(text) ? {} : undefined) },
  { kind: 'command-not-found', match: (text) => (/(: not found$|command not found|: No such file or directory$)/.test(text) && /^(sh|\/bin\/sh|bash|.*: line \d+)/.test(text) ? missingCommand(text) : undefined) },
  { kind: 'exception-at-start', match: (text) => (/^(\w+\.)*\w*(Error|Exception|Exit|Interrupt)\b(:|$)/.test(text.trim()) || /^Uncaught \w+/.test(text.trim()) ? {} : undefined) },
];

/**
 * Names what killed the app from what it wrote before it died: a missing environment variable,
 * a missing module, a syntax error, a port in use, a permission, a refused database connection,
 * memory, or an unhandled exception at start. Pure.
 */
export function classifyFailure(input: FailureInput): Classification {
  const location = failureLocation(input);
  for (const rule of RULES) {
    for (const line of input.lines) {
      const found = rule.match(line.text, input);
      if (!found) continue;
      const classification: Classification = { kind: rule.kind, summary: found.summary ?? line.text.trim(), line: line.text };
      if (found.variable) classification.variable = found.variable;
      if (found.module) classification.module = found.module;
      if (location) classification.location = location;
      return refineByLocation(classification, input);
    }
  }
  const exit = describeExit(input.exitCode, input.signal);
  if (input.signal === 'SIGKILL') return { kind: 'out-of-memory', summary: `killed by SIGKILL (${exit}): most often the kernel's out-of-memory killer` };
  if (input.exitCode === 127) return { kind: 'command-not-found', summary: `exited with code 127: the shell could not find the command` };
  const last = [...input.lines].reverse().find((line) => line.stream === 'stderr' && line.text.trim() !== '');
  if (input.exitCode === 0) return { kind: 'exited-cleanly', summary: 'exited with code 0: the process finished instead of staying up', ...(location ? { location } : {}) };
  const classification: Classification = { kind: 'unknown', summary: last ? `${exit}: ${last.text.trim()}` : `${exit} without an error message` };
  if (last) classification.line = last.text;
  if (location) classification.location = location;
  return refineByLocation(classification, input);
}

function matchMissingEnv(text: string, input: FailureInput): { summary?: string; variable?: string } | undefined {
  const keyError = /KeyError: '([A-Za-z_][A-Za-z0-9_]*)'/.exec(text);
  if (keyError?.[1] && (input.missingVariables.includes(keyError[1]) || /^[A-Z][A-Z0-9_]+$/.test(keyError[1]))) return { variable: keyError[1] };
  // pydantic: "1 validation error for Settings / database_url / Field required"
  if (/validation errors? for \w*(Settings|Config)/.test(text)) {
    const variable = input.lines.map((line) => line.text.trim()).find((candidate) => input.missingVariables.some((name) => name.toLowerCase() === candidate.toLowerCase()));
    if (variable) return { variable: variable.toUpperCase() };
  }
  if (!/(error|required|missing|not set|undefined|must be|is not defined|KeyError)/i.test(text)) return undefined;
  const variable = input.missingVariables.find((name) => new RegExp(`\\b${name}\\b`).test(text));
  return variable ? { variable } : undefined;
}

/** An exception raised on a line that reads a variable nothing provided is that variable's crash. */
function refineByLocation(classification: Classification, input: FailureInput): Classification {
  if (classification.kind === 'missing-env' || !classification.location) return classification;
  const { file, line } = classification.location;
  const variable = input.missingVariables.find((name) => input.envReads.get(name)?.some((read) => read.file === file && read.line === line));
  if (!variable || !['exception-at-start', 'unknown'].includes(classification.kind)) return classification;
  return { ...classification, kind: 'missing-env', variable };
}

/** The innermost project frame of the first traceback or stack trace, repo-relative. */
function failureLocation(input: FailureInput): Location | undefined {
  const prefix = `${input.appDir.replace(/\/$/, '')}/`;
  let found: Location | undefined;
  let inTraceback = false;
  for (const { text } of input.lines) {
    if (text.startsWith('Traceback (most recent call last)')) inTraceback = true;
    const python = /^\s*File "([^"]+)", line (\d+)/.exec(text);
    if (python?.[1] && python[2] && python[1].startsWith(prefix)) {
      found = { file: python[1].slice(prefix.length), line: Number(python[2]) };
      continue;
    }
    if (inTraceback && found && /^\S/.test(text) && !text.startsWith('Traceback')) return found;
    const node = /(?:\(|at |^)(?:file:\/\/)?(\/[^():\s]+):(\d+)(?::(\d+))?/.exec(text);
    if (!inTraceback && node?.[1] && node[2] && node[1].startsWith(prefix) && !node[1].includes('/node_modules/')) {
      return { file: node[1].slice(prefix.length), line: Number(node[2]), ...(node[3] ? { column: Number(node[3]) } : {}) };
    }
  }
  return found;
}

export function describeExit(code: number | null | undefined, signal: string | null | undefined): string {
  if (signal) return `killed by ${signal}`;
  if (code === null || code === undefined) return 'ended';
  return `exited with code ${code}`;
}

/** `sh: 1: exec: gunicorn: not found` -> gunicorn (as `module`, so the finding that names it links). */
function missingCommand(text: string): { module?: string } {
  const name = /(?:^|:\s)([\w.+-]+): (?:command )?not found$/.exec(text.trim())?.[1];
  return name ? { module: name } : {};
}
