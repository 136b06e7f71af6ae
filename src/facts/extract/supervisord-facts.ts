import { type IniEntry, type IniSection, parseIni } from '../../parsers/ini.js';
import type { Positioned } from '../../parsers/positioned.js';
import type { ManifestEnvEntry, ManifestEnvReference, SupervisorProgram, SupervisordFacts, SystemdFacts } from '../deployment-manifest-types.js';
import type { ManifestExtraction } from './manifest.js';
import { lexShell } from '../../parsers/lexer/shell.js';
import { TokenKind } from '../../parsers/lexer/token.js';

/** A supervisord config: the file has supervisord's own sections (not any `.conf` is one: nginx.conf is not). */
export function isSupervisordConfig(path: string, text: string): boolean {
  if (/(^|\/)supervisord?\.conf$/.test(path)) return true;
  return /^\s*\[(program|fcgi-program|eventlistener|group):[^\]]+\]|^\s*\[(supervisord|supervisorctl|unix_http_server|inet_http_server)\]/m.test(text);
}

const LOG_KEYS = new Set(['stdout_logfile', 'stderr_logfile', 'logfile', 'childlogdir', 'pidfile']);

/** supervisord.conf and conf.d/*.conf: programs with command, directory, autorestart, environment, log paths. */
export function supervisordFacts(text: string): ManifestExtraction {
  const document = parseIni(text, 'python');
  const facts: SupervisordFacts = { type: 'supervisord', programs: [], globalEnvironment: [], includes: [], references: envReferences(text) };
  const lines = new Set<number>();
  for (const section of document.sections) {
    if (section.name === 'supervisord') facts.globalEnvironment = environmentOf(section);
    if (section.name === 'include') {
      const files = entry(section, 'files');
      if (files) facts.includes.push(...files.value.split(/\s+/).filter(Boolean).map((value) => ({ value, line: files.line, column: files.column })));
    }
    const program = /^(?:program|fcgi-program):(.+)$/.exec(section.name)?.[1]?.trim();
    if (program) facts.programs.push(programOf(program, section));
  }
  for (const program of facts.programs) {
    lines.add(program.line);
    for (const fact of [program.command, program.directory, program.autorestart, program.user, ...program.logFiles]) if (fact) lines.add(fact.line);
    for (const env of program.environment) lines.add(env.line);
  }
  for (const reference of facts.references) lines.add(reference.line);
  for (const problem of document.problems) lines.add(problem.line);
  return { manifest: facts, problems: document.problems, lines };
}

function programOf(name: string, section: IniSection): SupervisorProgram {
  const program: SupervisorProgram = { name, line: section.line, environment: environmentOf(section), logFiles: [] };
  const command = entry(section, 'command');
  if (command) program.command = command;
  const directory = entry(section, 'directory');
  if (directory) program.directory = directory;
  const autorestart = entry(section, 'autorestart');
  if (autorestart) program.autorestart = autorestart;
  const user = entry(section, 'user');
  if (user) program.user = user;
  for (const item of section.entries) {
    if (LOG_KEYS.has(item.key)) program.logFiles.push({ key: item.key, value: item.value, line: item.line, column: item.valueColumn });
  }
  return program;
}

function entry(section: IniSection, key: string): Positioned<string> | undefined {
  const found = section.entries.find((item: IniEntry) => item.key === key);
  return found ? { value: found.value.replace(/\s*\n\s*/g, ' '), line: found.line, column: found.valueColumn } : undefined;
}

/** `environment=A="1",B="two, three",C=%(ENV_C)s` (commas inside quotes belong to the value). */
function environmentOf(section: IniSection): ManifestEnvEntry[] {
  const found = section.entries.find((item) => item.key === 'environment');
  if (!found) return [];
  const entries: ManifestEnvEntry[] = [];
  for (const pair of splitOutsideQuotes(found.value.replace(/\n/g, ''))) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/s.exec(pair);
    if (!match) continue;
    const name = match[1] as string;
    const value = unquote(match[2] as string);
    entries.push(value === `%(ENV_${name})s` ? { name, line: found.line, isForwarded: true } : { name, value, line: found.line });
  }
  return entries;
}

function splitOutsideQuotes(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote = '';
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ',') {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim() !== '') parts.push(current);
  return parts;
}

function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}

/** `%(ENV_NAME)s`: supervisord refuses to start when NAME is not set in its own environment. */
function envReferences(text: string): ManifestEnvReference[] {
  const references: ManifestEnvReference[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    if (/^\s*[#;]/.test(lineText) || !lineText.includes('%(ENV_')) return;
    for (const match of lineText.matchAll(/%\(ENV_([A-Za-z_][A-Za-z0-9_]*)\)s/g)) {
      references.push({ name: match[1] as string, line: index + 1, column: (match.index ?? 0) + 1, hasDefault: false, strict: true, via: 'supervisord %(ENV_)s' });
    }
  });
  return references;
}

/** systemd *.service: ExecStart, WorkingDirectory, Environment=, EnvironmentFile=, Restart, User. */
export function systemdFacts(text: string): ManifestExtraction {
  const document = parseIni(text, 'systemd');
  const facts: SystemdFacts = { type: 'systemd', environment: [], environmentFiles: [] };
  const lines = new Set<number>();
  const service = document.sections.find((section) => section.name === 'Service');
  for (const item of service?.entries ?? []) {
    const positioned = { value: item.value, line: item.line, column: item.valueColumn };
    if (item.key === 'ExecStart' && !facts.execStart) {
      // Prefixes -@:+! change how systemd runs the command, not what it runs.
      const command = item.value.replace(/^[-@:+!]+/, '');
      facts.execStart = { command, line: item.line, column: item.valueColumn + (item.value.length - command.length) };
    } else if (item.key === 'WorkingDirectory') facts.workingDirectory = positioned;
    else if (item.key === 'Restart') facts.restart = positioned;
    else if (item.key === 'User') facts.user = positioned;
    else if (item.key === 'EnvironmentFile') facts.environmentFiles.push({ value: item.value.replace(/^-/, ''), line: item.line, column: item.valueColumn, isOptional: item.value.startsWith('-') });
    else if (item.key === 'Environment') facts.environment.push(...systemdAssignments(item));
    else continue;
    lines.add(item.line);
  }
  for (const problem of document.problems) lines.add(problem.line);
  return { manifest: facts, problems: document.problems, lines };
}

/** `Environment="A=1" B=2 "C=three words"`. */
function systemdAssignments(item: IniEntry): ManifestEnvEntry[] {
  return lexShell(item.value)
    .tokens.filter((token) => token.kind === TokenKind.Name || token.kind === TokenKind.String)
    .flatMap((token) => {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(token.value);
      return match ? [{ name: match[1] as string, value: match[2] as string, line: item.line }] : [];
    });
}
