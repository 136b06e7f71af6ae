import type { Command } from 'commander';
import { CONFIG_FLAG, CONFIG_HELP, type CommandContext } from '../options.js';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../engine/load-project.js';
import { envSection, startSequenceSection } from '../../facts/env-report-sections.js';
import { UsageError } from '../../model/errors.js';
import type { EnvSection } from '../../model/env-section-schema.js';
import { parseDotenv } from '../../parsers/dotenv.js';
import { renderEnvExample } from '../../reporters/env-example.js';
import { renderEnvTable } from '../../reporters/env-contract-text.js';
import { EXIT } from '../exit-codes.js';

export interface EnvCommandOptions {
  format?: string;
  example?: boolean;
  write?: boolean;
  force?: boolean;
  config?: string;
}

const EXAMPLE_NAMES = ['.env.example', '.env.sample', '.env.template', '.env.dist'];

/**
 * `liveready env [path]`: the environment contract as a table or JSON; `--example` prints a
 * complete .env.example; `--write` puts it in the repo, never over an existing file unless
 * `--force`, and then only appends what is missing (no line is lost).
 */
export function runEnvCommand(path: string | undefined, options: EnvCommandOptions): number {
  const format = options.format ?? 'terminal';
  if (format !== 'terminal' && format !== 'json') throw new UsageError(`--format takes terminal or json for liveready env (got "${format}")`);
  const wantsExample = options.example === true || options.write === true;
  if (wantsExample && options.format !== undefined) throw new UsageError('--example prints .env text; drop --format');
  if (options.force && !options.write) throw new UsageError('--force only applies with --write');
  const { project } = loadProject(path ?? '.', options.config ? { configPath: options.config } : {});
  const env = envSection(project);
  if (!wantsExample) {
    const start = startSequenceSection(project);
    const text = format === 'json' ? `${JSON.stringify({ schemaVersion: 1, root: project.root, env: env ?? null, startSequence: start ?? null }, null, 2)}\n` : renderEnvTable(env, start);
    process.stdout.write(text);
    return EXIT.gatePassed;
  }
  if (!options.write) {
    process.stdout.write(renderEnvExample(env));
    return EXIT.gatePassed;
  }
  return writeExample(project.root, env, options.force === true);
}

function writeExample(root: string, env: EnvSection | undefined, force: boolean): number {
  const name = EXAMPLE_NAMES.find((candidate) => existsSync(join(root, candidate))) ?? '.env.example';
  const target = join(root, name);
  if (!existsSync(target)) {
    const text = renderEnvExample(env);
    if (text === '') {
      process.stderr.write('liveready: the app reads no variables a deploy must set; no .env.example written\n');
      return EXIT.gatePassed;
    }
    writeAtomically(target, text);
    process.stderr.write(`liveready: wrote ${name}\n`);
    return EXIT.gatePassed;
  }
  if (!force) throw new UsageError(`${name} already exists and liveready does not overwrite it; --force appends the variables it is missing and keeps every existing line`);
  const existing = readFileSync(target, 'utf8');
  const listed = new Set(parseDotenv(existing).entries.map((entry) => entry.key));
  const missing = new Set((env?.variables ?? []).map((variable) => variable.name).filter((variableName) => !listed.has(variableName)));
  const addition = renderEnvExample(env, missing);
  if (addition === '') {
    process.stderr.write(`liveready: ${name} already lists every variable the app reads\n`);
    return EXIT.gatePassed;
  }
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  writeAtomically(target, `${existing}${separator}\n# Added by liveready env --example --write\n${addition}`);
  process.stderr.write(`liveready: added the missing variables to ${name} (existing lines kept)\n`);
  return EXIT.gatePassed;
}

/** Write beside the target and rename over it, so a failure never leaves half a file. */
function writeAtomically(target: string, text: string): void {
  const temporary = `${target}.liveready-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    throw new UsageError(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** `liveready env [path]`: the environment contract, or a complete .env.example. */
export function registerEnvCommand(program: Command, context: CommandContext): void {
  program
    .command('env')
    .description('Print the environment contract: every variable the code reads, where it is provided and documented')
    .argument('[path]', 'project root', '.')
    .option('--format <format>', 'terminal (default) or json')
    .option('--example', 'print a complete .env.example (placeholders, never real values)')
    .option('--write', 'write the .env.example into the project (implies --example; never overwrites)')
    .option('--force', 'with --write: append the missing variables to an existing example file, keeping every line')
    .option(CONFIG_FLAG, CONFIG_HELP)
    .exitOverride()
    .action((path: string, options: EnvCommandOptions) => {
      context.setExitCode(runEnvCommand(path, options));
    });
}
