import { defineCheck } from '../../api.js';
import type { CallFact, CodeFacts } from '../../../facts/code-types.js';
import type { FileFacts } from '../../../facts/types.js';
import { isBrowserCode } from '../../../facts/browser-code.js';
import type { Severity } from '../../../model/severity.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';

const CLIENT_SIDE = /\.(?:jsx|tsx)$|(?:^|\/)(?:components|hooks)\//;
const UI_LIBRARIES = /^(?:react|react-dom|vue|svelte|@angular\/core|solid-js|preact)$/;

interface Rule {
  /** Where the timeout goes when it is missing. */
  fix: string;
  severity: Severity;
  /** The client's own default, said in the message. */
  default: string;
}

export const requireHttpTimeout = defineCheck({
  meta: {
    id: 'resilience/require-http-timeout',
    stage: 'scan',
    description: 'Require a timeout on outbound HTTP calls (requests, urllib, aiohttp, fetch, axios, got)',
    severity: 'moderate',
    category: 'reliability',
  },
  run({ project, report }) {
    const files = project.allFacts();
    // Only a global default covers direct calls (an axios.create instance has its own settings).
    const hasAxiosDefault = files.some((facts) => facts.source?.code?.calls.some((call) => call.callee === 'axios.defaults.timeout'));
    const hasGotDefault = files.some((facts) => facts.source?.code?.calls.some((call) => /^got\.(?:extend|defaults\.timeout)$/.test(call.callee) && call.options.includes('timeout')));
    for (const facts of files) {
      const code = facts.source?.code;
      // Tests call out on purpose (and a hung test is the CI's problem, not the deployment's).
      if (!code || isClientSide(facts, code) || isNonProductionPath(facts.path)) continue;
      for (const call of code.calls) {
        if (call.category !== 'http' || call.hasOpaqueOptions) continue;
        const rule = ruleFor(call, hasAxiosDefault, hasGotDefault);
        if (!rule) continue;
        report({
          message: `${call.callee}(${call.target ? `"${call.target.length > 60 ? `${call.target.slice(0, 57)}...` : call.target}"` : '...'}) has no timeout (${rule.default}): when the other side stalls, this ${call.scope === 'function' ? 'call' : 'module'} waits with it and the worker or request is stuck.`,
          remediation: rule.fix,
          location: { file: facts.path, line: call.line, column: call.column },
          severity: rule.severity,
          fingerprintContent: `${call.callee}:${call.target ?? ''}`,
        });
      }
    }
  },
});

function ruleFor(call: CallFact, hasAxiosDefault: boolean, hasGotDefault: boolean): Rule | undefined {
  const { callee, options } = call;
  if (/^requests\./.test(callee) && !options.includes('timeout')) return { fix: 'Pass timeout=(connect, read) seconds, e.g. requests.get(url, timeout=(3.05, 10)).', severity: 'moderate', default: 'requests waits for ever by default' };
  if (/(?:^|\.)urlopen$/.test(callee) && !options.includes('timeout') && call.arity < 3) return { fix: 'Pass timeout=10 (seconds) to urlopen.', severity: 'moderate', default: 'urllib waits for ever by default' };
  if (/(?:^|\.)ClientSession$/.test(callee) && !options.includes('timeout')) return { fix: 'Create the session with timeout=aiohttp.ClientTimeout(total=10).', severity: 'low', default: "aiohttp's default is a 5-minute total" };
  if (/(?:^|\.)fetch$/.test(callee) && !options.includes('signal')) return { fix: 'Pass { signal: AbortSignal.timeout(10_000) } to fetch.', severity: 'moderate', default: "fetch has no overall timeout" };
  if (/^axios(?:\.(?:get|post|put|patch|delete|head|options|request|create))?$/.test(callee) && !options.includes('timeout') && !hasAxiosDefault) return { fix: 'Pass { timeout: 10_000 } (or set axios.defaults.timeout once, or create the client with axios.create({ timeout })).', severity: 'moderate', default: 'axios defaults to no timeout' };
  if (/^got(?:\.\w+)?$/.test(callee) && !/^got\.(?:extend|defaults)/.test(callee) && !options.includes('timeout') && !hasGotDefault) return { fix: 'Pass { timeout: { request: 10_000 } } to got.', severity: 'moderate', default: 'got has no timeout by default' };
  return undefined;
}

/** Browser code: a fetch there cannot hang a server worker. */
function isClientSide(facts: FileFacts, code: CodeFacts): boolean {
  if (facts.kind === 'python') return false;
  return isBrowserCode(facts) || CLIENT_SIDE.test(facts.path) || code.imports.some((entry) => UI_LIBRARIES.test(entry.module));
}
