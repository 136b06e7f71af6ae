import { defineCheck } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';

/** Arguments and fields that hold text for people (help, descriptions, examples). */
const PROSE_TARGETS = new Set(['help', 'description', 'usage', 'epilog', 'summary', 'example', 'examples', 'placeholder', 'hint', 'doc', 'docstring']);

const SYS_PATH_EDITS = new Set(['sys.path.insert', 'sys.path.append', 'sys.path.extend', 'site.addsitedir']);

export const noMachinePaths = defineCheck({
  meta: {
    id: 'portability/no-machine-paths',
    stage: 'scan',
    description: 'Disallow paths that exist only on one developer machine (user homes, Homebrew prefixes, absolute sys.path edits)',
    severity: 'moderate',
    category: 'portability',
  },
  run({ project, report }) {
    for (const facts of project.allFacts()) {
      // Tests never run in the deployment; their paths are test data (`'A = "/Users/ana/a"'`).
      if (isNonProductionPath(facts.path)) continue;
      for (const literal of facts.source?.literals ?? []) {
        // `help='..., e.g. "/home/me/project".'`: an example in a sentence, not a path the code opens.
        if (literal.target !== undefined && PROSE_TARGETS.has(literal.target)) continue;
        const isSysPathEdit = literal.callee !== undefined && SYS_PATH_EDITS.has(literal.callee) && literal.tags.includes('absolute-path');
        if (!literal.tags.includes('machine-path') && !isSysPathEdit) continue;
        const location = { file: facts.path, line: literal.line, column: literal.column };
        if (isSysPathEdit) {
          report({
            message: `${literal.callee} adds the absolute path "${literal.value}" to the import path; on the server that directory does not exist, so imports that rely on it fail.`,
            remediation: 'Install the package (or make it a proper package of this project) instead of editing sys.path; if you must, build the path from Path(__file__).resolve().parent.',
            location,
            fingerprintContent: `${literal.callee}:${literal.value}`,
          });
          continue;
        }
        report({
          message: `"${truncate(literal.value)}" is a path on one developer's machine; it does not exist on the server, so the code that uses it fails there.`,
          remediation: facts.kind === 'python'
            ? 'Build the path from the project (Path(__file__).resolve().parent / "data") or read it from an environment variable.'
            : facts.kind === 'shell'
              ? 'Use a path relative to the script ("$(dirname "$0")/...") or a variable the platform sets ($HOME, $PWD).'
              : 'Build the path from the project (path.join(import.meta.dirname ?? __dirname, ...)) or read it from an environment variable.',
          location,
          fingerprintContent: literal.value,
        });
      }
    }
  },
});

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
