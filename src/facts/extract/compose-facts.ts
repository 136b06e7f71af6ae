import type { ComposeFacts, ComposePort, ComposeService, ManifestEnvEntry, ManifestEnvReference } from '../deployment-manifest-types.js';
import type { ManifestExtraction } from './manifest.js';
import { type StructuredDocument, asArray, asPort, asRecord, asText, columnOn, commandAt, parseStructured } from './structured-document.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** docker-compose*.yml / compose.yaml: services with what they build, run, set, publish and probe. */
export function composeFacts(text: string): ManifestExtraction {
  const document = parseStructured('yaml', text);
  const facts: ComposeFacts = { type: 'compose', services: [], references: interpolations(text) };
  const problems = [...document.problems];
  const root = asRecord(document.data);
  const services = asRecord(root?.services);
  if (document.problems.length === 0 && root && root.services !== undefined && !services) {
    problems.push({ message: '`services` is not a map of service names', line: document.lineNear(['services']) });
  }
  for (const [name, value] of Object.entries(services ?? {})) {
    const service = asRecord(value);
    if (!service) continue;
    facts.services.push(serviceFacts(document, name, service));
  }
  for (const reference of facts.references) document.lines.add(reference.line);
  for (const problem of problems) document.lines.add(problem.line);
  return { manifest: facts, problems, lines: document.lines };
}

function serviceFacts(document: StructuredDocument, name: string, service: Record<string, unknown>): ComposeService {
  const at = ['services', name];
  const facts: ComposeService = {
    name,
    line: document.lineNear(at),
    environment: environment(document, [...at, 'environment'], service.environment),
    envFiles: envFiles(document, [...at, 'env_file'], service.env_file),
    ports: ports(document, [...at, 'ports'], service.ports),
    dependsOn: Array.isArray(service.depends_on) ? service.depends_on.filter((item): item is string => typeof item === 'string') : Object.keys(asRecord(service.depends_on) ?? {}),
  };
  const image = asText(service.image);
  if (image) facts.image = image;
  const build = typeof service.build === 'string' ? { context: service.build } : asRecord(service.build);
  if (build) {
    const dockerfile = asText(build.dockerfile);
    facts.build = { context: asText(build.context) ?? '.', ...(dockerfile ? { dockerfile } : {}), line: document.lineNear([...at, 'build']) };
  }
  const command = commandAt(document, [...at, 'command'], service.command);
  if (command) facts.command = command;
  const entrypoint = commandAt(document, [...at, 'entrypoint'], service.entrypoint);
  if (entrypoint) facts.entrypoint = entrypoint;
  const healthcheck = asRecord(service.healthcheck);
  if (healthcheck) {
    const test = Array.isArray(healthcheck.test) ? healthcheck.test.map(String).join(' ') : asText(healthcheck.test);
    const isDisabled = healthcheck.disable === true || test === 'NONE';
    facts.healthcheck = { ...(test ? { test } : {}), isDisabled, line: document.lineNear([...at, 'healthcheck']) };
  }
  const workingDir = asText(service.working_dir);
  if (workingDir) facts.workingDir = workingDir;
  return facts;
}

/** `environment:` as a list (`- A=1`, `- B`) or a map (`A: 1`, `B:`). */
function environment(document: StructuredDocument, path: Array<string | number>, value: unknown): ManifestEnvEntry[] {
  const entries: ManifestEnvEntry[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const text = asText(item);
      if (text === undefined) return;
      const equals = text.indexOf('=');
      const name = equals === -1 ? text : text.slice(0, equals);
      if (NAME.test(name)) entries.push(envEntry(name, equals === -1 ? null : text.slice(equals + 1), document.lineNear([...path, index])));
    });
    return entries;
  }
  for (const [name, raw] of Object.entries(asRecord(value) ?? {})) {
    if (NAME.test(name)) entries.push(envEntry(name, raw === null || raw === undefined ? null : (asText(raw) ?? null), document.lineNear([...path, name])));
  }
  return entries;
}

/**
 * `NAME` alone or `NAME: ${NAME}` forwards the deploying shell's value; `${NAME:-default}` always
 * gives something (the default); any other text is the value.
 */
function envEntry(name: string, value: string | null, line: number): ManifestEnvEntry {
  if (value === null) return { name, line, isForwarded: true };
  const whole = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}$|^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(value.trim());
  if (whole) {
    const operator = whole[2];
    if (operator === ':-' || operator === '-') return { name, value: whole[3] ?? '', line };
    return { name, line, isForwarded: true };
  }
  return { name, value, line };
}

function envFiles(document: StructuredDocument, path: Array<string | number>, value: unknown): ComposeService['envFiles'] {
  const items = typeof value === 'string' ? [value] : asArray(value);
  const files: ComposeService['envFiles'] = [];
  items.forEach((item, index) => {
    const record = asRecord(item);
    const file = asText(record ? record.path : item);
    if (!file) return;
    files.push({ path: file, line: document.lineNear(typeof value === 'string' ? path : [...path, index]), isRequired: record?.required !== false });
  });
  return files;
}

function ports(document: StructuredDocument, path: Array<string | number>, value: unknown): ComposePort[] {
  return asArray(value).flatMap((item, index) => {
    const line = document.lineNear([...path, index]);
    const record = asRecord(item);
    if (record) {
      const container = asPort(record.target);
      const published = asText(record.published);
      const hostIp = asText(record.host_ip);
      const spec = `${hostIp ? `${hostIp}:` : ''}${published ?? ''}${published ? ':' : ''}${asText(record.target) ?? ''}`;
      return [{ spec, ...(container ? { container } : {}), ...(published ? { published } : {}), ...(hostIp ? { hostIp } : {}), line, column: columnOn(document.lineText(line), 'target') }];
    }
    const spec = asText(item);
    if (spec === undefined) return [];
    return [{ spec, ...parsePortSpec(spec), line, column: columnOn(document.lineText(line), spec) }];
  });
}

/** `[HOST_IP:][PUBLISHED:]CONTAINER[/PROTOCOL]`; ranges and variables leave `container` unset. */
export function parsePortSpec(spec: string): Pick<ComposePort, 'container' | 'published' | 'hostIp'> {
  const withoutProtocol = spec.replace(/\/(tcp|udp|sctp)$/i, '');
  const ipv6 = /^\[([^\]]+)\]:(.*)$/.exec(withoutProtocol);
  const parts = ipv6 ? [ipv6[1] as string, ...(ipv6[2] as string).split(':')] : withoutProtocol.split(':');
  const container = asPort(parts.at(-1));
  const result: Pick<ComposePort, 'container' | 'published' | 'hostIp'> = container ? { container } : {};
  if (parts.length >= 2 && parts.at(-2)) result.published = parts.at(-2) as string;
  if (parts.length >= 3 && parts[0]) result.hostIp = parts[0];
  return result;
}

/** `${NAME}`, `${NAME:-default}`, `${NAME:?message}`, `$NAME` (not `$$`), outside comments. */
function interpolations(text: string): ManifestEnvReference[] {
  const references: ManifestEnvReference[] = [];
  const pattern = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+=])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  text.split(/\r?\n/).forEach((lineText, index) => {
    if (/^\s*#/.test(lineText) || !lineText.includes('$')) return;
    for (const match of lineText.matchAll(pattern)) {
      const name = match[1] ?? match[4];
      if (!name) continue;
      const operator = match[2];
      const hasDefault = operator === ':-' || operator === '-';
      references.push({
        name,
        line: index + 1,
        column: (match.index ?? 0) + 1,
        hasDefault,
        ...(hasDefault ? { defaultValue: match[3] ?? '' } : {}),
        strict: operator === ':?' || operator === '?',
        via: 'compose interpolation',
      });
    }
  });
  return references;
}
