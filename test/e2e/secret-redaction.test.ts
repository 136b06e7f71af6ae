import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { runCli } from '../support/run-cli.js';
import { writeTree } from '../support/temp-tree.js';

/** Random-looking, made for this test: none of them is a real credential. */
const STRIPE = 'sk_live_Qm7RtZ2vKp9XwLc4Nd8sHy3B';
const GITHUB = 'ghp_Vb8Kq2LmZx7Rt4Wn9Pc3Hs6Jd1Fy5Ga0Ue2T';
const KEY_BODY = ['MIIEowIBAAKCAQEAw7Rt4Wn9Pc3Hs6Jd1Fy5Ga0Ue2TQm7RtZ2vKp9XwLc4Nd8s', 'Hy3BVb8Kq2LmZx7Rt4Wn9Pc3Hs6Jd1Fy5Ga0Ue2TQm7RtZ2vKp9XwLc4Nd8sHy3Bq'];
const DB_PASSWORD = 'Tz4Kw9Lq2Xv7Rm';
const DJANGO_KEY = 'Qx7$Lm2!Vb9#Kt4%Wn8^Rc3&Zp6*Hs1';

const tree = writeTree({
  'requirements.txt': 'django\nstripe\n',
  'shop/settings.py': `import os\n\nSECRET_KEY = '${DJANGO_KEY}'\nDATABASE_URL = "postgres://shop:${DB_PASSWORD}@shop-db.eu-west-1.rds.amazonaws.com/shop"\n`,
  'shop/payments.py': `import stripe\n\n# ${GITHUB}\nstripe.api_key = "${STRIPE}"\n`,
  'deploy/id_rsa': `-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY.join('\n')}\n-----END RSA PRIVATE KEY-----\n`,
});
afterAll(() => tree.cleanup());

const SECRETS = [STRIPE, GITHUB, ...KEY_BODY, DB_PASSWORD, DJANGO_KEY];

describe('secrets in every output', () => {
  it('are found, and never printed: terminal, JSON and Markdown', () => {
    const json = runCli(['audit', tree.root, '--static', '--format', 'json']);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.findings.map((finding) => `${finding.checkId} ${finding.location.file}:${finding.location.line}`).sort()).toEqual([
      'secrets/no-hardcoded-credentials shop/settings.py:3',
      'secrets/no-known-secret-formats deploy/id_rsa:1',
      'secrets/no-known-secret-formats shop/payments.py:3',
      'secrets/no-known-secret-formats shop/payments.py:4',
      'secrets/no-known-secret-formats shop/settings.py:4',
    ]);
    expect(json.status).toBe(1);
    const outputs = [json.stdout, runCli(['audit', tree.root, '--static', '--max-findings', '50']).stdout, runCli(['audit', tree.root, '--static', '--format', 'markdown']).stdout];
    for (const output of outputs) {
      for (const secret of SECRETS) expect(output).not.toContain(secret.slice(4, 20));
    }
    expect(outputs[1]).toContain('stripe.api_key = "sk_l************"');
  });
});
