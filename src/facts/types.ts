import type { FileKind } from '../model/file-kind.js';
import type { CodeFacts } from './code-types.js';
import type { ManifestFacts } from './manifest-types.js';

/** `liveready-ignore[check-id, other-id] reason` found in a comment. Covers its own line and the next. */
export interface InlineSuppression {
  checkIds: string[];
  reason: string;
  line: number;
}

/** Something about the file that could not be parsed or is malformed. Becomes a finding. */
export interface FileProblem {
  message: string;
  line: number;
  column?: number;
}

export type LiteralTag = 'machine-path' | 'absolute-path';

/** A string literal worth a check's attention (most literals are not kept). */
export interface LiteralFact {
  value: string;
  line: number;
  column: number;
  tags: LiteralTag[];
  /** Dotted name of the call this literal is a direct argument of (`sys.path.insert`). */
  callee?: string;
  /** Name the literal is assigned to or keyed by (`DATA_DIR = "..."`, `{ dataDir: "..." }`). */
  target?: string;
}

/** One place the code reads an environment variable. */
export interface EnvReadFact {
  name: string;
  line: number;
  column: number;
  /** How it is read: `os.environ[]`, `os.getenv`, `process.env`, `import.meta.env`, `shell expansion`... */
  via: string;
  /** Reading it when unset fails at once (KeyError from os.environ[...], ${X:?} in a script). */
  strict: boolean;
  hasDefault: boolean;
  /** The default as written: a literal's value, or `<expression>`. */
  defaultValue?: string;
}

export interface SourceFacts {
  literals: LiteralFact[];
  envReads: EnvReadFact[];
  /** What the lexer could not make sense of (unterminated strings, unbalanced brackets). */
  syntaxProblems: FileProblem[];
}

/** Everything the checks need from one file, as plain JSON-safe data (cached by content hash). */
export interface FileFacts {
  path: string;
  kind: FileKind;
  bytes: number;
  lineCount: number;
  /** sha1 of the bytes, hex (the cache key). */
  hash: string;
  suppressions: InlineSuppression[];
  problems: FileProblem[];
  /** The text of every line some fact points at, for evidence. */
  snippets: Record<number, string>;
  source?: SourceFacts;
  manifest?: ManifestFacts;
}

// ---- scan-core: code facts of Python and JS/TS files (imports, functions, loops, calls, routes) ----

export interface SourceFacts {
  /** Python and JS/TS only; see code-types.ts. */
  code?: CodeFacts;
}
