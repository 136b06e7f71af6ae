import type { JsonDocument } from '../../parsers/json.js';
import type { ParseProblem, Positioned } from '../../parsers/positioned.js';
import type { TomlDocument } from '../../parsers/toml.js';
import type { ReplitNixFacts, RoutedPort } from '../deployment-manifest-types.js';
import type { PackageJsonFacts, ReplitFacts } from '../manifest-types.js';
import type { ManifestExtraction } from './manifest.js';
import { asArray, asPort, asRecord, asText, columnOn } from './structured-document.js';

type ReplitExtras = Pick<ReplitFacts, 'ports' | 'deploymentTarget' | 'modules' | 'nixChannel'>;

/** `.replit` beyond run/entrypoint/env: `[[ports]]`, `[deployment] deploymentTarget`, `modules`, `[nix] channel`. */
export function replitExtras(document: TomlDocument, text: string, lines: Set<number>): ReplitExtras {
  const textLines = text.split(/\r?\n/);
  const data = document.data;
  const at = (path: string[], value: string): Positioned<string> => {
    const line = document.lineOf(path) ?? 1;
    lines.add(line);
    return { value, line, column: columnOn(textLines[line - 1] ?? '', value) };
  };
  const extras: ReplitExtras = {};
  const ports: RoutedPort[] = [];
  asArray(data.ports).forEach((entry, index) => {
    const localPort = asPort(asRecord(entry)?.localPort);
    if (localPort === undefined) return;
    const line = document.lineOf(['ports', String(index), 'localPort']) ?? document.lineOf(['ports']) ?? 1;
    lines.add(line);
    ports.push({ port: localPort, line, column: columnOn(textLines[line - 1] ?? '', String(localPort)), label: '[[ports]] localPort' });
  });
  if (ports.length > 0) extras.ports = ports;
  const target = asText(asRecord(data.deployment)?.deploymentTarget);
  if (target) extras.deploymentTarget = at(['deployment', 'deploymentTarget'], target);
  const modules = asArray(data.modules).filter((module): module is string => typeof module === 'string');
  if (modules.length > 0) extras.modules = modules.map((module) => at(['modules'], module));
  const channel = asText(asRecord(data.nix)?.channel);
  if (channel) extras.nixChannel = at(['nix', 'channel'], channel);
  return extras;
}

/** package.json `engines`: which Node (and npm) the app says it needs. */
export function packageEngines(document: JsonDocument, record: Record<string, unknown>, lines: Set<number>): PackageJsonFacts['engines'] {
  const engines = asRecord(record.engines);
  if (!engines) return undefined;
  const result: NonNullable<PackageJsonFacts['engines']> = {};
  for (const [name, range] of Object.entries(engines)) {
    if (typeof range !== 'string') continue;
    const position = document.positionOf(['engines', name]) ?? { line: 1, column: 1 };
    lines.add(position.line);
    Object.defineProperty(result, name, { value: { value: range, line: position.line, column: position.column + 1 }, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

/** replit.nix: the `pkgs.*` it installs. Nix itself is not parsed; unbalanced brackets are reported. */
export function replitNixFacts(text: string): ManifestExtraction {
  const facts: ReplitNixFacts = { type: 'replit-nix', packages: [] };
  const lines = new Set<number>();
  const problems: ParseProblem[] = [];
  let depth = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const code = raw.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/#.*$/, '');
    for (const match of code.matchAll(/\bpkgs\.([A-Za-z0-9_.-]+)/g)) {
      facts.packages.push({ value: (match[1] as string).replace(/\.$/, ''), line: index + 1, column: (match.index ?? 0) + 1 });
      lines.add(index + 1);
    }
    for (const char of code) {
      if (char === '{' || char === '[' || char === '(') depth += 1;
      else if (char === '}' || char === ']' || char === ')') depth -= 1;
      if (depth < 0 && problems.length === 0) problems.push({ message: `unbalanced closing '${char}'`, line: index + 1 });
    }
  });
  if (depth > 0) problems.push({ message: 'a bracket is never closed (replit.nix is not valid Nix)', line: text.trimEnd().split(/\r?\n/).length });
  for (const problem of problems) lines.add(problem.line);
  return { manifest: facts, problems, lines };
}
