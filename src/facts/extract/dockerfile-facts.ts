import { type DockerInstruction, parseDockerfile } from '../../parsers/dockerfile.js';
import { lexShell } from '../../parsers/lexer/shell.js';
import { TokenKind } from '../../parsers/lexer/token.js';
import type { DockerfileFacts } from '../deployment-manifest-types.js';
import type { ManifestExtraction } from './manifest.js';
import { commandString } from './command-string.js';

/** What a Dockerfile tells the later stages: stages, ENV/ARG, EXPOSE, CMD/ENTRYPOINT, WORKDIR, COPY, HEALTHCHECK, USER. */
export function dockerfileFacts(text: string): ManifestExtraction {
  const document = parseDockerfile(text);
  const facts: DockerfileFacts = { type: 'dockerfile', stages: [], env: [], args: [], expose: [], commands: [], workdirs: [], copies: [], healthchecks: [], users: [] };
  const lines = new Set<number>();
  // Values known so far, for `$VAR` in EXPOSE/WORKDIR: global ARGs, then each stage's ARG/ENV.
  let known = new Map<string, string>();
  const globalArgs = new Map<string, string>();
  for (const instruction of document.instructions) {
    const stage = facts.stages.length - 1;
    const { line } = instruction;
    lines.add(line);
    switch (instruction.keyword) {
      case 'FROM': {
        const words = wordsOf(instruction.args).filter((word) => !word.startsWith('--'));
        const asIndex = words.findIndex((word) => word.toLowerCase() === 'as');
        const name = asIndex === -1 ? undefined : words[asIndex + 1];
        facts.stages.push({ image: substitute(words[0] ?? '', globalArgs), ...(name ? { name } : {}), line });
        known = new Map(globalArgs);
        break;
      }
      case 'ARG':
        for (const word of wordsOf(instruction.args)) {
          const [name = '', defaultValue] = splitAssignment(word);
          facts.args.push({ name, ...(defaultValue !== undefined ? { defaultValue } : {}), line, stage });
          if (defaultValue !== undefined) (stage === -1 ? globalArgs : known).set(name, substitute(defaultValue, known));
        }
        break;
      case 'ENV':
        for (const [name, value] of envPairs(instruction.args)) {
          facts.env.push({ name, value, line, stage });
          known.set(name, substitute(value, known));
        }
        break;
      case 'EXPOSE':
        facts.expose.push(...exposedPorts(instruction, known, stage));
        break;
      case 'CMD':
      case 'ENTRYPOINT':
        facts.commands.push(commandFacts(instruction, stage));
        break;
      case 'WORKDIR':
        facts.workdirs.push({ path: substitute(instruction.args.trim(), known), line, stage });
        break;
      case 'COPY':
      case 'ADD':
        facts.copies.push({ instruction: instruction.keyword, ...copyParts(instruction), line, stage });
        break;
      case 'HEALTHCHECK':
        facts.healthchecks.push(healthcheck(instruction, stage));
        break;
      case 'USER':
        facts.users.push({ user: instruction.args.trim(), line, stage });
        break;
      // --- service stage (issue 5) ---
      case 'RUN':
        (facts.runs ??= []).push({ command: instruction.execForm ? instruction.execForm.join(' ') : instruction.args.trim(), line, stage });
        break;
      default:
        lines.delete(line);
    }
  }
  for (const problem of document.problems) lines.add(problem.line);
  return { manifest: facts, problems: document.problems, lines };
}

function wordsOf(args: string): string[] {
  return lexShell(args)
    .tokens.filter((token) => token.kind === TokenKind.Name || token.kind === TokenKind.String)
    .map((token) => token.value);
}

function splitAssignment(word: string): [string, string | undefined] {
  const equals = word.indexOf('=');
  return equals === -1 ? [word, undefined] : [word.slice(0, equals), word.slice(equals + 1)];
}

/** `ENV A=1 B="two words"`, or the legacy `ENV NAME the rest of the line`. */
function envPairs(args: string): Array<[string, string]> {
  const trimmed = args.trim();
  const firstWord = trimmed.split(/\s+/)[0] ?? '';
  if (!firstWord.includes('=')) return /^[A-Za-z_][A-Za-z0-9_]*$/.test(firstWord) ? [[firstWord, trimmed.slice(firstWord.length).trim()]] : [];
  return wordsOf(args)
    .map(splitAssignment)
    .filter((pair): pair is [string, string] => pair[1] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(pair[0]));
}

/** `$NAME` / `${NAME}` / `${NAME:-default}` replaced by what the Dockerfile knows; unknown ones stay. */
function substitute(value: string, known: ReadonlyMap<string, string>): string {
  return value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (match, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    return known.get(name) ?? fallback ?? match;
  });
}

function exposedPorts(instruction: DockerInstruction, known: ReadonlyMap<string, string>, stage: number): DockerfileFacts['expose'] {
  const ports: DockerfileFacts['expose'] = [];
  let searchFrom = instruction.argsColumn - 1;
  const lineText = `${' '.repeat(instruction.argsColumn - 1)}${instruction.args}`;
  for (const word of wordsOf(instruction.args)) {
    const at = lineText.indexOf(word, searchFrom);
    searchFrom = at === -1 ? searchFrom : at + word.length;
    const [portText = '', protocol = 'tcp'] = substitute(word, known).split('/');
    const port = Number(portText);
    if (!/^\d{1,5}$/.test(portText) || port < 1 || port > 65535) continue;
    ports.push({ port, protocol: protocol.toLowerCase(), line: instruction.line, column: at === -1 ? instruction.argsColumn : at + 1, stage });
  }
  return ports;
}

function commandFacts(instruction: DockerInstruction, stage: number): DockerfileFacts['commands'][number] {
  const keyword = instruction.keyword === 'CMD' ? 'CMD' : 'ENTRYPOINT';
  if (instruction.execForm) {
    return { instruction: keyword, form: 'exec', argv: instruction.execForm, command: commandString(instruction.execForm) ?? '', line: instruction.line, column: instruction.argsColumn, stage };
  }
  return { instruction: keyword, form: 'shell', argv: ['/bin/sh', '-c', instruction.args], command: instruction.args, line: instruction.line, column: instruction.argsColumn, stage };
}

function copyParts(instruction: DockerInstruction): { sources: string[]; destination: string; from?: string } {
  const words = instruction.execForm ?? wordsOf(instruction.args);
  const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
  const paths = words.filter((word) => !word.startsWith('--') && !word.startsWith('<<'));
  const destination = paths.length > 1 ? (paths.at(-1) as string) : '';
  return { sources: paths.slice(0, -1), destination, ...(from ? { from } : {}) };
}

function healthcheck(instruction: DockerInstruction, stage: number): DockerfileFacts['healthchecks'][number] {
  const args = instruction.args.trim();
  if (/^none$/i.test(args)) return { isDisabled: true, line: instruction.line, stage };
  const command = /(?:^|\s)CMD\s+(.*)$/is.exec(args)?.[1]?.trim();
  return { ...(command ? { command } : {}), isDisabled: false, line: instruction.line, stage };
}
