import { isExampleEnvFile } from './env-files.js';
import type { Project } from './project.js';
import { isSecretName } from './secret-values.js';
import { parseStartCommand } from '../parsers/start-command.js';
import { startDeclarations } from './start-targets.js';
// --- config stage (issue 3) ---
import {
  appJsonDocumentation,
  composeProvisions,
  dockerfileProvisions,
  manifestReads,
  platformProvisions,
  startCommandReads,
  startScriptProvisions,
  supervisordProvisions,
  systemdProvisions,
} from './env-provisions.js';

/** Where the code reads a variable. */
export interface EnvRead {
  file: string;
  line: number;
  column: number;
  via: string;
  strict: boolean;
  hasDefault: boolean;
  defaultValue?: string;
}

/** Where a deployment gets a value for a variable. `value` is raw: never print it unredacted. */
export interface EnvProvision {
  file: string;
  line: number;
  /** dotenv, replit-env, start-command (inline `X=1 cmd`), and the manifest sources the config stage adds. */
  source: string;
  value?: string;
  /** The manifest passes the deploying environment's value through (compose `- NAME`): it provides nothing by itself. */
  isForwarded?: boolean;
  /** The platform fills the value: generated, linked (fromDatabase), or prompted at deploy time. */
  platformValue?: 'generated' | 'linked' | 'prompted';
}

/** Where a variable is documented for the people deploying (the `.env.example` family). */
export interface EnvDocumentation {
  file: string;
  line: number;
  value: string;
}

export interface EnvVariable {
  name: string;
  reads: EnvRead[];
  provided: EnvProvision[];
  documented: EnvDocumentation[];
  /** Some read has no default: the code needs a value. */
  required: boolean;
  /** Some read fails at once when it is unset (os.environ["X"], ${X:?}). */
  strict: boolean;
  secret: boolean;
  /** Set by the hosting platform, the OS or the runtime itself (PORT, REPL_ID, RAILWAY_*, USERPROFILE, PYTHONPATH...): never reported missing. */
  platform: boolean;
}

export interface EnvContract {
  /** Sorted by name. */
  variables: EnvVariable[];
}

/** A source of provided values; the config stage registers more (Dockerfile ENV, compose, supervisord...). */
export type EnvProvisionSource = (project: Project) => Array<EnvProvision & { name: string }>;

const PLATFORM_EXACT = new Set([
  'PORT', 'HOST', 'HOSTNAME', 'NODE_ENV', 'PATH', 'HOME', 'PWD', 'USER', 'LANG', 'LC_ALL', 'TZ', 'TERM', 'SHELL', 'TMPDIR',
  'DYNO', 'SOURCE_VERSION', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION', 'CI', 'PYTHONUNBUFFERED', 'PYTHONPATH', 'VIRTUAL_ENV',
  'WEB_CONCURRENCY', 'HEROKU_APP_NAME', 'GOOGLE_CLOUD_PROJECT', 'DEV', 'PROD', 'MODE', 'BASE_URL', 'SSR',
]);
const PLATFORM_PREFIXES = ['RAILWAY_', 'REPL_', 'REPLIT_', 'RENDER', 'FLY_', 'VERCEL', 'NETLIFY', 'HEROKU_', 'GITHUB_', 'AWS_LAMBDA_', 'KUBERNETES_', 'NIXPACKS_'];
/**
 * Set by the operating system, the shell, the interpreter or the program that starts the code, never
 * by a deploy's configuration: Windows' own variables (code that reads them runs on Windows),
 * POSIX session variables, XDG directories, bash completion, CGI request variables, and the
 * interpreters' documented settings (PYTHON*, NODE_*).
 */
const SYSTEM_EXACT = new Set([
  'USERNAME', 'USERPROFILE', 'USERDOMAIN', 'COMPUTERNAME', 'APPDATA', 'LOCALAPPDATA', 'PROGRAMDATA', 'PROGRAMFILES', 'SYSTEMROOT',
  'SYSTEMDRIVE', 'WINDIR', 'COMSPEC', 'PATHEXT', 'HOMEDRIVE', 'HOMEPATH', 'TEMP', 'TMP', 'OS', 'PROCESSOR_ARCHITECTURE', 'NUMBER_OF_PROCESSORS',
  'LOGNAME', 'LD_LIBRARY_PATH', 'LIBPATH', 'DYLD_LIBRARY_PATH', 'DISPLAY', 'COLUMNS', 'LINES', 'EDITOR', 'VISUAL', 'PAGER', 'LC_CTYPE',
  'LC_MESSAGES', 'LANGUAGE', 'TERM_PROGRAM', 'COLORTERM', 'NO_COLOR', 'FORCE_COLOR', 'SSH_AUTH_SOCK', 'OLDPWD', 'SHLVL', 'MAIL', 'SOURCE_DATE_EPOCH',
  'COMP_LINE', 'COMP_POINT', 'COMP_WORDS', 'COMP_CWORD', 'COMP_TYPE', 'CONTENT_LENGTH', 'CONTENT_TYPE', 'REQUEST_METHOD', 'QUERY_STRING',
  'PATH_INFO', 'SCRIPT_NAME', 'SERVER_NAME', 'SERVER_PORT', 'SERVER_PROTOCOL', 'REMOTE_ADDR', 'GATEWAY_INTERFACE',
  'NODE_DEBUG', 'NODE_PATH', 'NODE_EXTRA_CA_CERTS', 'NODE_NO_WARNINGS', 'NODE_TLS_REJECT_UNAUTHORIZED',
]);
const SYSTEM_PREFIXES = ['XDG_', 'PYTHON'];

/**
 * Variables a hosting platform, the operating system or the runtime itself sets: the app may read
 * them without anyone providing them. Windows names are case-insensitive (`Path`, `windir`, `ComSpec`).
 */
export function isPlatformVariable(name: string): boolean {
  if (PLATFORM_EXACT.has(name) || PLATFORM_PREFIXES.some((prefix) => name.startsWith(prefix))) return true;
  const upper = name.toUpperCase();
  return SYSTEM_EXACT.has(upper) || upper === 'PATH' || SYSTEM_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** Every source of provided values. Add a manifest's source here when the project model learns to parse it. */
const PROVISION_SOURCES: readonly EnvProvisionSource[] = [
  dotenvProvisions,
  replitProvisions,
  startCommandProvisions,
  // config stage (issue 3)
  dockerfileProvisions,
  composeProvisions,
  supervisordProvisions,
  systemdProvisions,
  platformProvisions,
  startScriptProvisions,
];

/**
 * The environment contract: every variable the code reads (and how), where a deployment provides
 * it, and where it is documented. Computed once per audit.
 */
export function envContract(project: Project): EnvContract {
  return project.derive('env-contract', () => {
    const byName = new Map<string, EnvVariable>();
    const variable = (name: string): EnvVariable => {
      let entry = byName.get(name);
      if (!entry) {
        entry = { name, reads: [], provided: [], documented: [], required: false, strict: false, secret: isSecretName(name), platform: isPlatformVariable(name) };
        byName.set(name, entry);
      }
      return entry;
    };
    for (const facts of project.allFacts()) {
      for (const envRead of facts.source?.envReads ?? []) {
        const { name, ...rest } = envRead;
        variable(name).reads.push({ file: facts.path, ...rest });
      }
      for (const { name, ...envRead } of manifestReads(facts)) variable(name).reads.push(envRead); // config stage (issue 3)
    }
    for (const { name, ...envRead } of startCommandReads(project)) variable(name).reads.push(envRead); // config stage (issue 3)
    for (const source of PROVISION_SOURCES) {
      for (const { name, ...provision } of source(project)) variable(name).provided.push(provision);
    }
    for (const { file, manifest } of project.manifests('dotenv')) {
      if (!isExampleEnvFile(file.path)) continue;
      for (const entry of manifest.entries) variable(entry.key).documented.push({ file: file.path, line: entry.line, value: entry.value });
    }
    for (const { name, ...documentation } of appJsonDocumentation(project)) variable(name).documented.push(documentation); // config stage (issue 3)
    for (const entry of byName.values()) {
      // A dotenv file a manifest loads (compose env_file) is listed once, under the manifest.
      entry.provided = entry.provided.filter((provision) => provision.source !== 'dotenv' || !entry.provided.some((other) => other !== provision && other.file === provision.file && other.line === provision.line));
      entry.required = entry.reads.some((envRead) => !envRead.hasDefault);
      entry.strict = entry.reads.some((envRead) => envRead.strict);
    }
    return { variables: [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  });
}

/** Values in `.env` files a deployment ships: tracked in git, or in a tree that is not under git. */
function dotenvProvisions(project: Project): Array<EnvProvision & { name: string }> {
  return project.manifests('dotenv').flatMap(({ file, manifest }) => {
    if (isExampleEnvFile(file.path) || project.file(file.path)?.tracked === false) return [];
    return manifest.entries.map((entry) => ({ name: entry.key, file: file.path, line: entry.line, source: 'dotenv', value: entry.value }));
  });
}

function replitProvisions(project: Project): Array<EnvProvision & { name: string }> {
  return project.manifests('replit').flatMap(({ file, manifest }) => manifest.env.map((entry) => ({ name: entry.name, file: file.path, line: entry.line, source: 'replit-env', value: entry.value })));
}

/** `web: WEB_CONCURRENCY=2 gunicorn app:app`: the assignment provides the variable to that process. */
function startCommandProvisions(project: Project): Array<EnvProvision & { name: string }> {
  return startDeclarations(project).flatMap((declaration) =>
    parseStartCommand(declaration.command.command).env.map((assignment) => ({ name: assignment.name, file: declaration.file, line: declaration.command.line, source: 'start-command', value: assignment.value })),
  );
}
