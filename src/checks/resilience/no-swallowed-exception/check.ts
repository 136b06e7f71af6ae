import { defineCheck } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';

export const noSwallowedException = defineCheck({
  meta: {
    id: 'resilience/no-swallowed-exception',
    stage: 'scan',
    description: 'Disallow handlers that catch every exception and do nothing (`except: pass`, `except Exception: pass`, empty `catch {}`)',
    severity: 'moderate',
    category: 'reliability',
  },
  run({ project, report }) {
    for (const facts of project.allFacts()) {
      // Tests swallow errors on purpose (cleanup, expected failures); they never run in a deployment.
      if (isNonProductionPath(facts.path)) continue;
      for (const swallowed of facts.source?.code?.swallowed ?? []) {
        // A finalizer cannot raise (Python prints "Exception ignored in ..." and carries on), and at
        // interpreter exit it runs among half-torn-down modules: swallowing is the idiom there.
        if (swallowed.hasComment || (facts.kind === 'python' && swallowed.functionName === '__del__')) continue;
        const where = swallowed.functionName ? ` in ${swallowed.functionName}()` : '';
        report({
          message: `\`${swallowed.form}\`${where} catches every error and does nothing: failures here (a lost connection, a bad config, a bug) vanish without a log line, and the app carries on in a broken state nobody can see.`,
          remediation: facts.kind === 'python'
            ? 'Catch the specific exception you expect, and log it (logger.exception(...)) or re-raise; if ignoring it is right, say why in a comment.'
            : 'Log the error (or rethrow it); if ignoring it is right, catch only that case and say why in a comment.',
          location: { file: facts.path, line: swallowed.line, column: swallowed.column },
          fingerprintContent: `${swallowed.functionName}:${swallowed.form}`,
        });
      }
    }
  },
});
