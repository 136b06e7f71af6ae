import { describe, expect, it } from 'vitest';
import { extractFileFacts } from './file-facts.js';

const STRIPE = 'sk_live_Qm7RtZ2vKp9XwLc4Nd8sHy3B';
const SESSION = 'Vb8Kq2LmZx7Rt4Wn9Pc3Hs6Jd1Fy5Ga0';

describe('secret facts', () => {
  it('locate each secret and keep none of them, in the facts or in the evidence snippets', () => {
    const text = `import os\nSTRIPE = "${STRIPE}"  # live\nSESSION_SECRET = '${SESSION}'\n`;
    const facts = extractFileFacts({ path: 'app/settings.py', kind: 'python', text, bytes: text.length, hash: 'x' });
    expect(facts.secrets).toEqual([
      { rule: 'stripe-secret-key', severity: 'critical', line: 2, column: 11 },
      { rule: 'secret-assignment', severity: 'moderate', line: 3, column: 19, name: 'SESSION_SECRET' },
    ]);
    expect(facts.snippets[2]).toBe('STRIPE = "sk_l************"  # live');
    expect(facts.snippets[3]).toBe("SESSION_SECRET = 'Vb8K************'");
    const stored = JSON.stringify(facts);
    expect(stored).not.toContain(STRIPE.slice(8));
    expect(stored).not.toContain(SESSION.slice(4));
  });

  it('masks a secret before cutting a long line, so no part of it survives the cut', () => {
    const line = `${'x'.repeat(380)} = "${STRIPE}"`;
    const facts = extractFileFacts({ path: 'notes.txt', kind: 'text', text: line, bytes: line.length, hash: 'x' });
    expect(facts.snippets[1]).not.toContain(STRIPE.slice(4, 12));
  });
});
