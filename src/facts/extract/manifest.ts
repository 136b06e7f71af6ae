import type { FileKind } from '../../model/file-kind.js';
import { parseDotenv } from '../../parsers/dotenv.js';
import { parseJson } from '../../parsers/json.js';
import type { ParseProblem } from '../../parsers/positioned.js';
import { commandString } from './command-string.js';
import { parseProcfile } from '../../parsers/procfile.js';
import { parseToml } from '../../parsers/toml.js';
import type { DeclaredCommand, ManifestFacts, PackageJsonFacts, ReplitFacts } from '../manifest-types.js';
// --- config stage (issue 3) ---
import { extractDeploymentManifest } from './deployment-manifest.js';
import { packageEngines, replitExtras } from './replit-extra-facts.js';
import { packageDependencies } from './package-dependencies.js';
// --- schema stage: lockfiles ---
import { extractLockfile } from './lockfiles/lockfile-facts.js';

export interface ManifestExtraction {
  manifest?: ManifestFacts;
  problems: ParseProblem[];
  lines: Set<number>;
}

/** Parses a manifest-kind file into facts. Files of other kinds give nothing. */
export function extractManifestFacts(kind: FileKind, text: string, path = ''): ManifestExtraction {
  switch (kind) {
    case 'package-json':
      return packageJsonFacts(text);
    case 'procfile': {
      const parsed = parseProcfile(text);
      return { manifest: { type: 'procfile', entries: parsed.entries }, problems: parsed.problems, lines: new Set(parsed.entries.map((entry) => entry.line)) };
    }
    case 'replit':
      return replitFacts(text);
    case 'dotenv': {
      const parsed = parseDotenv(text);
      return { manifest: { type: 'dotenv', entries: parsed.entries }, problems: parsed.problems, lines: new Set(parsed.entries.map((entry) => entry.line)) };
    }
    // schema stage: package-lock.json, yarn.lock, pnpm-lock.yaml, poetry.lock, uv.lock, Pipfile.lock.
    case 'lockfile':
      return extractLockfile(path, text) ?? { problems: [], lines: new Set() };
    default:
      // config stage (issue 3): Dockerfile, compose, PaaS manifests, supervisord, systemd, replit.nix.
      return extractDeploymentManifest(kind, path, text) ?? { problems: [], lines: new Set() };
  }
}

function packageJsonFacts(text: string): ManifestExtraction {
  const document = parseJson(text);
  const lines = new Set<number>();
  const facts: PackageJsonFacts = { type: 'package-json', scripts: {} };
  const data = document.data;
  if (data === undefined || typeof data !== 'object' || data === null || Array.isArray(data)) {
    const problems = document.problems.length > 0 ? document.problems : [{ message: 'package.json is not a JSON object', line: 1 }];
    return { manifest: facts, problems, lines };
  }
  const record = data as Record<string, unknown>;
  if (typeof record.name === 'string') facts.name = record.name;
  const scripts = record.scripts;
  if (scripts && typeof scripts === 'object' && !Array.isArray(scripts)) {
    for (const [name, command] of Object.entries(scripts as Record<string, unknown>)) {
      if (typeof command !== 'string') continue;
      const position = document.positionOf(['scripts', name]) ?? { line: 1, column: 1 };
      // +1: the position is the opening quote of the JSON string.
      facts.scripts[name] = { command, line: position.line, column: position.column + 1 };
      lines.add(position.line);
    }
  }
  if (typeof record.main === 'string') {
    const position = document.positionOf(['main']) ?? { line: 1, column: 1 };
    facts.main = { value: record.main, line: position.line, column: position.column + 1 };
    lines.add(position.line);
  }
  const engines = packageEngines(document, record, lines); // config stage (issue 3)
  if (engines) facts.engines = engines;
  // ---- scan-core: dependencies, workspaces and exports (package-dependencies.ts) ----
  const dependencyFields = packageDependencies(record, document);
  Object.assign(facts, dependencyFields.fields);
  dependencyFields.lines.forEach((line) => lines.add(line));
  return { manifest: facts, problems: document.problems, lines };
}

function replitFacts(text: string): ManifestExtraction {
  const document = parseToml(text);
  const lines = new Set<number>();
  const facts: ReplitFacts = { type: 'replit', env: [] };
  const command = (path: string[], value: unknown): DeclaredCommand | undefined => {
    const joined = commandString(value);
    if (joined === undefined) return undefined;
    const line = document.lineOf(path) ?? 1;
    lines.add(line);
    return { command: joined, line, column: columnOfValue(text, line) };
  };
  const data = document.data;
  const run = command(['run'], data.run);
  if (run) facts.run = run;
  if (typeof data.entrypoint === 'string') {
    const line = document.lineOf(['entrypoint']) ?? 1;
    lines.add(line);
    facts.entrypoint = { value: data.entrypoint, line, column: columnOfValue(text, line) };
  }
  const envTable = data.env;
  if (envTable && typeof envTable === 'object' && !Array.isArray(envTable)) {
    for (const [name, value] of Object.entries(envTable as Record<string, unknown>)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      const line = document.lineOf(['env', name]) ?? document.lineOf(['env']) ?? 1;
      lines.add(line);
      facts.env.push({ name, value: String(value), line });
    }
  }
  const deployment = data.deployment;
  if (deployment && typeof deployment === 'object' && !Array.isArray(deployment)) {
    const section = deployment as Record<string, unknown>;
    const deploymentRun = command(['deployment', 'run'], section.run);
    if (deploymentRun) facts.deploymentRun = deploymentRun;
    const deploymentBuild = command(['deployment', 'build'], section.build);
    if (deploymentBuild) facts.deploymentBuild = deploymentBuild;
  }
  Object.assign(facts, replitExtras(document, text, lines)); // config stage (issue 3)
  return { manifest: facts, problems: document.problems, lines };
}


function columnOfValue(text: string, line: number): number {
  const lineText = text.split(/\r?\n/)[line - 1] ?? '';
  const equals = lineText.indexOf('=');
  if (equals === -1) return 1;
  const quote = lineText.slice(equals + 1).search(/["'[]/);
  return quote === -1 ? equals + 2 : equals + 1 + quote + 2;
}
