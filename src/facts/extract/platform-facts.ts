import type { ManifestEnvEntry, PlatformFacts, PlatformName } from '../deployment-manifest-types.js';
import type { ManifestExtraction } from './manifest.js';
import { type StructuredDocument, asArray, asRecord, asText, columnOn, commandAt, envTable, parseStructured } from './structured-document.js';

export function emptyPlatformFacts(platform: PlatformName, injectsPort: boolean): PlatformFacts {
  return { type: 'platform', platform, processes: [], buildCommands: [], env: [], documentedEnv: [], routedPorts: [], healthPaths: [], injectsPort };
}

/** Wraps a platform reader: parse, read what parsed, collect the lines the facts point at. */
export function platformExtraction(format: 'json' | 'toml' | 'yaml', text: string, read: (document: StructuredDocument, root: Record<string, unknown>) => PlatformFacts): ManifestExtraction {
  const document = parseStructured(format, text);
  const root = asRecord(document.data);
  const problems = [...document.problems];
  if (!root && problems.length === 0 && text.trim() !== '') problems.push({ message: 'the file is not a table/object of settings', line: 1 });
  const facts = read(document, root ?? {});
  for (const entry of facts.env) document.lines.add(entry.line);
  for (const problem of problems) document.lines.add(problem.line);
  return { manifest: facts, problems, lines: document.lines };
}

/** A string setting with its position. */
export function positionedText(document: StructuredDocument, path: Array<string | number>, value: unknown): { value: string; line: number; column: number } | undefined {
  const text = asText(value);
  if (text === undefined || text === '') return undefined;
  const line = document.lineNear(path);
  return { value: text, line, column: columnOn(document.lineText(line), text) };
}

/** railway.json / railway.toml (config as code: only build and deploy settings; variables live in the dashboard). */
export function readRailway(document: StructuredDocument, root: Record<string, unknown>): PlatformFacts {
  const facts = emptyPlatformFacts('railway', true);
  const build = asRecord(root.build) ?? {};
  const deploy = asRecord(root.deploy) ?? {};
  const start = commandAt(document, ['deploy', 'startCommand'], deploy.startCommand);
  if (start) facts.processes.push({ role: 'web', source: 'railway deploy.startCommand', command: start });
  const preDeploy = commandAt(document, ['deploy', 'preDeployCommand'], deploy.preDeployCommand);
  if (preDeploy) facts.processes.push({ role: 'release', source: 'railway deploy.preDeployCommand', command: preDeploy });
  const buildCommand = commandAt(document, ['build', 'buildCommand'], build.buildCommand);
  if (buildCommand) facts.buildCommands.push(buildCommand);
  const health = positionedText(document, ['deploy', 'healthcheckPath'], deploy.healthcheckPath);
  if (health) facts.healthPaths.push(health);
  const dockerfile = positionedText(document, ['build', 'dockerfilePath'], build.dockerfilePath);
  if (dockerfile) facts.dockerfile = dockerfile;
  return facts;
}

/** nixpacks.toml: `[start] cmd`, `[phases.*] cmds`, `[variables]`. */
export function readNixpacks(document: StructuredDocument, root: Record<string, unknown>): PlatformFacts {
  const facts = emptyPlatformFacts('nixpacks', false);
  const start = commandAt(document, ['start', 'cmd'], asRecord(root.start)?.cmd);
  if (start) facts.processes.push({ role: 'web', source: 'nixpacks.toml [start] cmd', command: start });
  for (const [phase, settings] of Object.entries(asRecord(root.phases) ?? {})) {
    asArray(asRecord(settings)?.cmds).forEach((command, index) => {
      const declared = commandAt(document, ['phases', phase, 'cmds', index], command);
      if (declared) facts.buildCommands.push(declared);
    });
  }
  facts.env = envTable(document, ['variables'], root.variables);
  return facts;
}

/** vercel.json: build commands and `env` / `build.env` (Vercel runs no start command of yours). */
export function readVercel(document: StructuredDocument, root: Record<string, unknown>): PlatformFacts {
  const facts = emptyPlatformFacts('vercel', false);
  const build = commandAt(document, ['buildCommand'], root.buildCommand);
  if (build) facts.buildCommands.push(build);
  facts.env = [...envTable(document, ['env'], root.env), ...envTable(document, ['build', 'env'], asRecord(root.build)?.env)];
  return facts;
}

/** Heroku's app.json: `env` (values, generated secrets, or questions for the deployer) and scripts. */
export function readAppJson(document: StructuredDocument, root: Record<string, unknown>): PlatformFacts {
  const facts = emptyPlatformFacts('heroku-app-json', true);
  for (const [name, setting] of Object.entries(asRecord(root.env) ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const line = document.lineNear(['env', name]);
    const entry = appJsonEnv(name, setting, line);
    if (entry === 'documented') {
      const description = asText(asRecord(setting)?.description);
      facts.documentedEnv.push({ name, line, ...(description ? { description } : {}) });
      document.lines.add(line);
    } else if (entry) facts.env.push(entry);
  }
  for (const [name, command] of Object.entries(asRecord(root.scripts) ?? {})) {
    const declared = commandAt(document, ['scripts', name], command);
    if (declared) facts.processes.push({ role: name, source: `app.json scripts.${name}`, command: declared });
  }
  return facts;
}

function appJsonEnv(name: string, setting: unknown, line: number): ManifestEnvEntry | 'documented' | undefined {
  const text = asText(setting);
  if (text !== undefined) return { name, value: text, line };
  const record = asRecord(setting);
  if (!record) return undefined;
  if (record.generator === 'secret') return { name, line, platformValue: 'generated' };
  const value = asText(record.value);
  if (value !== undefined && value !== '') return { name, value, line };
  return 'documented';
}
