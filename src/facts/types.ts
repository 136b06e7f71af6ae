import type { FileKind } from '../model/file-kind.js';
import type { CodeFacts } from './code-types.js';
import type { ManifestFacts } from './manifest-types.js';
import type { ServiceFacts } from './service-types.js';
import type { SchemaFacts } from './schema-types.js';

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

export type LiteralTag =
  | 'machine-path'
  | 'absolute-path'
  // network-literals.ts: a URL to this machine, a bare localhost/127.0.0.1, a private-network host
  | 'loopback-url'
  | 'loopback-host'
  | 'private-address';

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
  // --- config stage (issue 3) ---
  /** Where the code starts a server and on which host/port (`app.run`, `uvicorn.run`, `app.listen`...). */
  listens?: ListenFact[];
}

// --- config stage (issue 3): what the app binds ---

/** Where a host or port comes from. */
export type BindValue =
  | { kind: 'literal'; value: string }
  | { kind: 'env'; name: string; fallback?: string }
  | { kind: 'unknown'; text: string };

/** A server started in code. Host/port absent: the API's own default (`defaultHost`/`defaultPort`). */
export interface ListenFact {
  line: number;
  column: number;
  /** The call: `app.run`, `uvicorn.run`, `web.run_app`, `HTTPServer`, `app.listen`, `Bun.serve`... */
  api: string;
  host?: BindValue;
  port?: BindValue;
  defaultHost?: string;
  defaultPort?: number;
  /** Under `if __name__ == "__main__":` / `if (require.main === module)`: runs only when the file is the program. */
  isMainOnly: boolean;
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

// --- Scan stage, text checks: secrets, network literal context, shell scripts ---
// (facts/extract/secrets.ts, facts/extract/literal-context.ts, facts/extract/shell-script.ts)

/**
 * A credential found in a file (facts/secrets). It holds no secret: the value is not kept and the
 * evidence snippet of its line is stored masked, so facts (and their cache) are safe to write.
 */
export interface SecretFact {
  /** Format rule id (`stripe-secret-key`, `private-key`...) or `secret-assignment`. */
  rule: string;
  severity: 'critical' | 'moderate' | 'low';
  line: number;
  column: number;
  /** For `secret-assignment`: the name the value is assigned to. */
  name?: string;
}

export interface FileFacts {
  /** Credentials in the file's text, any kind of file (facts/secrets/scan.ts). */
  secrets?: SecretFact[];
}

export interface LiteralFact {
  /** For network literals: the name of the list, dict or argument the literal sits in (`CORS_ORIGINS`, `origins`). */
  container?: string;
  /** The fallback of an environment read (`os.environ.get("API_URL", "...")`, `process.env.X || "..."`): the deployment can override it. */
  isEnvDefault?: boolean;
  /** A parameter's default value (`def connect(url="...")`): the caller decides. */
  isParameterDefault?: boolean;
  /** One branch of a dev/prod conditional (`DEBUG ? "http://localhost:8000" : "/api"`). */
  isDevBranch?: boolean;
  /** Compared against, not connected to: `host == "http://localhost"`, `host.startswith("10.")`. */
  isCompared?: boolean;
}

/** One simple command of a shell script (facts/extract/shell-script.ts). */
export interface ShellCommandFact {
  /** Basename of the program, after `VAR=x` assignments and prefixes (`exec`, `nohup`, `env`, `sudo`...). */
  program: string;
  /** Up to 40 arguments, quotes removed. */
  args: string[];
  line: number;
  column: number;
  /** Inside how many if/while/for/case/function/group constructs. */
  depth: number;
  /** Index of the top-level statement it belongs to. */
  statement: number;
  /** What ended it: `\n`, `;`, `&`, `&&`, `||`, `|`, `;;`, `)` or `` (end of file). */
  terminator: string;
  isExec?: boolean;
  isBackground?: boolean;
  inLoop?: boolean;
  inFunction?: boolean;
  /** The last command of an if/case branch. */
  endsBranch?: boolean;
  /** Ends the script's main flow: what is still running when the script would exit. */
  isTail?: boolean;
}

export interface ShellScriptFacts {
  /** The interpreter line without `#!` (`/usr/bin/env bash`). */
  shebang?: string;
  commands: ShellCommandFact[];
  /** Line where `set -e` (or `-o errexit`, or a `-e` shebang flag) takes effect. */
  errexit?: number;
  nounset?: number;
  pipefail?: number;
  /** A `trap ... TERM` (or INT): the script handles the platform's stop signal itself. */
  trapsTerm: boolean;
}

export interface SourceFacts {
  /** Shell scripts only. */
  shell?: ShellScriptFacts;
}

// ---- scan-core: code facts of Python and JS/TS files (imports, functions, loops, calls, routes) ----

export interface SourceFacts {
  /** Python and JS/TS only; see code-types.ts. */
  code?: CodeFacts;
}

// ---- service stage (issue 5): frameworks, extra routes, lifecycle, server settings, body reads ----

export interface SourceFacts {
  /** Python and JS/TS files that use a framework, database or server library; see service-types.ts. */
  service?: ServiceFacts;
}

// ---- schema stage (migrations): ORM models, migrations, Prisma schemas; see schema-types.ts ----

export interface SourceFacts {
  /** Python model modules, migrations and Django settings (facts/extract/schema/python-schema.ts). */
  schema?: SchemaFacts;
}

export interface FileFacts {
  /** Prisma schemas and `migration.sql` files (facts/extract/schema/schema-file.ts). */
  schema?: SchemaFacts;
}
