import { describe, expect, it } from 'vitest';
import type { EnvContract } from '../facts/env-contract.js';
import type { Finding } from '../model/finding.js';
import { findPrediction } from './link-prediction.js';

function finding(checkId: string, file: string, line: number, message: string): Finding {
  return { checkId, stage: 'config', severity: 'critical', category: 'configuration', message, remediation: 'fix it', location: { file, line }, fingerprint: `${checkId}-${file}-${line}` };
}

const contract: EnvContract = {
  variables: [{ name: 'DATABASE_URL', reads: [{ file: 'app/main.py', line: 7, column: 16, via: 'os.environ[]', strict: true, hasDefault: false }], provided: [], documented: [], required: true, strict: true, secret: false, platform: false }],
};

describe('findPrediction', () => {
  const envFinding = finding('env/require-provided', 'app/main.py', 7, 'DATABASE_URL is read without a default, but nothing provides it.');
  const pathFinding = finding('portability/no-machine-paths', 'app/main.py', 9, 'A machine path /Users/dana is hardcoded.');

  it('links a missing variable to the env finding about that variable', () => {
    expect(findPrediction({ kind: 'missing-env', summary: "KeyError: 'DATABASE_URL'", variable: 'DATABASE_URL', location: { file: 'app/main.py', line: 7 } }, [pathFinding, envFinding], contract)).toBe(envFinding);
  });

  it('links a missing module to an import finding naming it', () => {
    const importFinding = finding('imports/no-undeclared-dependency', 'app.py', 6, 'payments is imported but not declared.');
    expect(findPrediction({ kind: 'missing-module', summary: "No module named 'payments'", module: 'payments' }, [importFinding], contract)).toBe(importFinding);
  });

  it('links a missing start file to the start-target finding that names the file', () => {
    const startFinding = finding('start/no-missing-target', 'Procfile', 2, 'Procfile worker runs `python jobs/worker.py`, but jobs/worker.py does not exist.');
    expect(findPrediction({ kind: 'missing-file', summary: "can't open file", line: "python: can't open file '/tmp/x/app/jobs/worker.py'" }, [startFinding], contract)).toBe(startFinding);
  });

  it('links a command not found to the finding that says the program is not installed', () => {
    const programFinding = finding('start/require-installed-program', 'Procfile', 1, 'Procfile web runs `gunicorn`, but no Python dependency manifest (requirements.txt) declares `gunicorn`.');
    const otherProgram = finding('start/require-installed-program', 'Procfile', 2, 'Procfile worker runs `celery`, but no Python dependency manifest (requirements.txt) declares `celery`.');
    expect(findPrediction({ kind: 'command-not-found', summary: 'command not found', line: 'sh: 1: exec: gunicorn: not found', module: 'gunicorn' }, [otherProgram, programFinding], contract)).toBe(programFinding);
  });

  it('does not link a finding of another family, nor a family match about something else', () => {
    const otherVariable = finding('env/require-provided', 'app/settings.py', 3, 'REDIS_URL is read without a default, but nothing provides it.');
    expect(findPrediction({ kind: 'missing-env', summary: "KeyError: 'DATABASE_URL'", variable: 'DATABASE_URL' }, [pathFinding, otherVariable], contract)).toBeUndefined();
  });
});
