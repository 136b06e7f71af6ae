import { defineCheck } from '../../api.js';
import type { SupervisorProgram } from '../../../facts/deployment-manifest-types.js';
import { tagLiteral } from '../../../facts/literal-tags.js';
import type { Positioned } from '../../../parsers/positioned.js';

export const noFragilePaths = defineCheck({
  meta: {
    id: 'supervisor/no-fragile-paths',
    stage: 'config',
    description: 'Disallow relative or machine-specific command, directory and log paths in supervisord programs',
    severity: 'moderate',
    category: 'portability',
    appliesWhen: 'a supervisord configuration with [program:...] sections',
  },
  appliesTo: (project) => project.manifests('supervisord').some(({ manifest }) => manifest.programs.length > 0),
  run({ project, report }) {
    for (const { file, manifest } of project.manifests('supervisord')) {
      for (const program of manifest.programs) {
        for (const problem of problemsOf(program)) {
          report({
            message: `[program:${program.name}] ${problem.what}; ${problem.consequence}.`,
            remediation: problem.fix,
            location: { file: file.path, line: problem.at.line, column: problem.at.column },
            fingerprintContent: `${program.name}:${problem.key}:${problem.at.value}`,
          });
        }
      }
    }
  },
});

interface PathProblem {
  key: string;
  at: Positioned<string>;
  what: string;
  consequence: string;
  fix: string;
}

const PORTABLE_PREFIX = /^(%\(here\)s|%\(ENV_[A-Za-z_][A-Za-z0-9_]*\)s|%\(program_name\)s)/;
const SPECIAL_LOG_VALUES = new Set(['AUTO', 'NONE', 'syslog']);
const FILE_ARGUMENT = /^[\w.][\w./-]*\.(py|js|mjs|cjs|ts|sh|rb)$|^[\w.]+\//;

function problemsOf(program: SupervisorProgram): PathProblem[] {
  const problems: PathProblem[] = [];
  const machine = (at: Positioned<string>, key: string): PathProblem | undefined =>
    tagLiteral(at.value).includes('machine-path')
      ? { key, at, what: `${key}=${at.value} names a path on one person's machine`, consequence: 'on any other machine the program cannot start', fix: `Use a path that exists on every server (e.g. /srv/<app>) or one relative to the config file with %(here)s.` }
      : undefined;
  const relative = (value: string): boolean => value !== '' && !value.startsWith('/') && !PORTABLE_PREFIX.test(value);
  if (program.command) {
    const words = program.command.value.split(/\s+/).filter(Boolean);
    const fileWord = words.find((word, index) => (index === 0 ? word.includes('/') : FILE_ARGUMENT.test(word)) && relative(word));
    const found = machine(program.command, 'command');
    if (found) problems.push(found);
    else if (fileWord && !program.directory) {
      problems.push({ key: 'command', at: program.command, what: `command runs ${fileWord}, a relative path, and the program sets no directory=`, consequence: `supervisord resolves it against its own working directory (/ once it daemonizes), so the program exits with "can't find" or ENOENT`, fix: `Add directory=/path/to/the/app to [program:${program.name}] or use an absolute path.` });
    }
  }
  if (program.directory) {
    const found = machine(program.directory, 'directory');
    if (found) problems.push(found);
    else if (relative(program.directory.value)) problems.push({ key: 'directory', at: program.directory, what: `directory=${program.directory.value} is relative`, consequence: 'it depends on where supervisord was started from, so the program fails to chdir when started elsewhere', fix: 'Use an absolute directory, or %(here)s/... (the directory of this config file).' });
  }
  for (const log of program.logFiles) {
    if (SPECIAL_LOG_VALUES.has(log.value)) continue;
    const found = machine(log, log.key);
    if (found) problems.push(found);
    else if (relative(log.value)) problems.push({ key: log.key, at: log, what: `${log.key}=${log.value} is relative`, consequence: "supervisord opens it relative to its own working directory: the log lands somewhere else, or cannot be opened and the program does not start", fix: 'Use an absolute log path (e.g. /var/log/<app>/...), or %(here)s/logs/....' });
  }
  return problems;
}
