import type { ManifestEnvEntry, PlatformFacts } from '../deployment-manifest-types.js';
import { emptyPlatformFacts, positionedText } from './platform-facts.js';
import { type StructuredDocument, asArray, asPort, asRecord, asText, columnOn, commandAt, envTable } from './structured-document.js';

/** render.yaml (Blueprint): services with their commands, root dirs, health paths and envVars. */
export function readRender(document: StructuredDocument, root: Record<string, unknown>): PlatformFacts {
  const facts = emptyPlatformFacts('render', true);
  asArray(root.services).forEach((value, index) => {
    const service = asRecord(value);
    if (!service) return;
    const at = ['services', index];
    const name = asText(service.name) ?? `services[${index}]`;
    const type = asText(service.type) ?? 'web';
    const rootDir = asText(service.rootDir)?.replace(/^\.\/?/, '').replace(/\/$/, '') ?? '';
    for (const key of ['startCommand', 'dockerCommand'] as const) {
      const command = commandAt(document, [...at, key], service[key]);
      if (command) facts.processes.push({ role: type === 'web' ? 'web' : type, source: `render.yaml ${name} ${key}`, command, ...(rootDir ? { rootDir } : {}) });
    }
    const build = commandAt(document, [...at, 'buildCommand'], service.buildCommand);
    if (build) facts.buildCommands.push(build);
    // --- service stage (issue 5): the pre-deploy step (where migrations run) ---
    const preDeploy = commandAt(document, [...at, 'preDeployCommand'], service.preDeployCommand);
    if (preDeploy) facts.processes.push({ role: 'release', source: `render.yaml ${name} preDeployCommand`, command: preDeploy, ...(rootDir ? { rootDir } : {}) });
    const health = positionedText(document, [...at, 'healthCheckPath'], service.healthCheckPath);
    if (health) facts.healthPaths.push(health);
    const dockerfile = positionedText(document, [...at, 'dockerfilePath'], service.dockerfilePath);
    if (dockerfile && !facts.dockerfile) facts.dockerfile = dockerfile;
    facts.env.push(...renderEnvVars(document, [...at, 'envVars'], service.envVars));
  });
  asArray(root.envVarGroups).forEach((group, index) => {
    facts.env.push(...renderEnvVars(document, ['envVarGroups', index, 'envVars'], asRecord(group)?.envVars));
  });
  return facts;
}

/** `{key, value}`, `{key, generateValue: true}`, `{key, fromDatabase|fromService}`, `{key, sync: false}`. */
function renderEnvVars(document: StructuredDocument, path: Array<string | number>, value: unknown): ManifestEnvEntry[] {
  const entries: ManifestEnvEntry[] = [];
  asArray(value).forEach((item, index) => {
    const record = asRecord(item);
    const name = asText(record?.key);
    if (!record || !name) return;
    const line = document.lineNear([...path, index]);
    const text = asText(record.value);
    if (text !== undefined) entries.push({ name, value: text, line });
    else if (record.generateValue === true) entries.push({ name, line, platformValue: 'generated' });
    else if (record.fromDatabase !== undefined || record.fromService !== undefined) entries.push({ name, line, platformValue: 'linked' });
    else if (record.sync === false) entries.push({ name, line, platformValue: 'prompted' });
  });
  return entries;
}

/** fly.toml: [processes] / [experimental] cmd, [env], internal ports, checks, the Dockerfile it builds. */
export function readFly(document: StructuredDocument, root: Record<string, unknown>): PlatformFacts {
  const facts = emptyPlatformFacts('fly', false);
  facts.env = envTable(document, ['env'], root.env);
  for (const [name, command] of Object.entries(asRecord(root.processes) ?? {})) {
    const declared = commandAt(document, ['processes', name], command);
    if (declared) facts.processes.push({ role: name === 'app' || name === 'web' ? 'web' : name, source: `fly.toml [processes] ${name}`, command: declared });
  }
  const experimental = asRecord(root.experimental);
  const cmd = commandAt(document, ['experimental', 'cmd'], experimental?.cmd);
  if (cmd && facts.processes.length === 0) facts.processes.push({ role: 'web', source: 'fly.toml [experimental] cmd', command: cmd });
  const release = commandAt(document, ['deploy', 'release_command'], asRecord(root.deploy)?.release_command);
  if (release) facts.processes.push({ role: 'release', source: 'fly.toml [deploy] release_command', command: release });
  const dockerfile = positionedText(document, ['build', 'dockerfile'], asRecord(root.build)?.dockerfile);
  if (dockerfile) facts.dockerfile = dockerfile;
  const httpService = asRecord(root.http_service);
  if (httpService) {
    addInternalPort(document, facts, ['http_service', 'internal_port'], httpService.internal_port, '[http_service] internal_port');
    addCheckPaths(document, facts, ['http_service', 'checks'], httpService.checks);
  }
  asArray(root.services).forEach((service, index) => {
    const record = asRecord(service);
    addInternalPort(document, facts, ['services', index, 'internal_port'], record?.internal_port, '[[services]] internal_port');
    addCheckPaths(document, facts, ['services', index, 'http_checks'], record?.http_checks);
  });
  for (const [name, check] of Object.entries(asRecord(root.checks) ?? {})) {
    const path = positionedText(document, ['checks', name, 'path'], asRecord(check)?.path);
    if (path) facts.healthPaths.push(path);
  }
  return facts;
}

function addInternalPort(document: StructuredDocument, facts: PlatformFacts, path: Array<string | number>, value: unknown, label: string): void {
  const port = asPort(value);
  if (port === undefined) return;
  const line = document.lineNear(path);
  facts.routedPorts.push({ port, line, column: columnOn(document.lineText(line), String(port)), label });
}

function addCheckPaths(document: StructuredDocument, facts: PlatformFacts, path: Array<string | number>, checks: unknown): void {
  asArray(checks).forEach((check, index) => {
    const found = positionedText(document, [...path, index, 'path'], asRecord(check)?.path);
    if (found) facts.healthPaths.push(found);
  });
}
