import { defineCheck } from '../../api.js';
import { type HostKind, type HostLiteral, parseHostLiteral } from '../../../facts/network-literals.js';
import { isHarmlessNetworkLiteral } from '../../../facts/network-usage.js';
import { isDevToolConfigPath, isNonProductionPath } from '../../../facts/path-roles.js';
import type { LiteralFact } from '../../../facts/types.js';

/** What the address is and why a server cannot reach it. */
const WHY: Record<Exclude<HostKind, 'loopback'>, string> = {
  'private-ip': 'a private-network address: it is reachable only inside one office, home or cloud (VPC) network, not from a PaaS or any other network',
  'link-local': 'a link-local address: it exists only on the local network segment of one machine',
  'lan-name': 'a local-network host name: only that network\'s own DNS or mDNS resolves it',
  'docker-host': "Docker Desktop's name for the developer's own machine: on a server it does not resolve",
};

/** Where a bare name (`nas.local`) is handed over as an address: `host=`, `SMTP_SERVER =`, `connect(...)`. */
const HOST_CONTEXT = /host|server|addr|endpoint|smtp|mail|db|database|redis|mongo|connect|url|uri|remote|nas|printer|ssh|scp|rsync|ping|curl|wget/i;

/** `settings.local`, `Setup.local`, `.env.local`: a bare `.local` name with no scheme, port or host-like context is a file. */
function isFileLikeName(host: HostLiteral, literal: LiteralFact): boolean {
  if (host.kind !== 'lan-name' || host.scheme !== undefined || host.port !== undefined || literal.value.includes('@')) return false;
  return ![literal.target, literal.container, literal.callee].some((name) => name !== undefined && HOST_CONTEXT.test(name));
}

export const noLanAddresses = defineCheck({
  meta: {
    id: 'portability/no-lan-addresses',
    stage: 'scan',
    description: 'Disallow hardcoded private-network addresses (10/8, 172.16/12, 192.168/16, link-local) and LAN host names (.local, .lan, .corp, host.docker.internal)',
    severity: 'moderate',
    category: 'portability',
  },
  run({ project, report }) {
    for (const facts of project.allFacts()) {
      if (!facts.source || isNonProductionPath(facts.path) || isDevToolConfigPath(facts.path)) continue;
      for (const literal of facts.source.literals) {
        if (!literal.tags.includes('private-address') || isHarmlessNetworkLiteral(literal)) continue;
        const host = parseHostLiteral(literal.value);
        if (!host || host.kind === 'loopback' || isFileLikeName(host, literal)) continue;
        const port = host.port && host.port !== '{}' ? ` port ${host.port}` : '';
        report({
          message: `"${literal.value.length > 80 ? `${literal.value.slice(0, 77)}...` : literal.value}" names ${host.host}${port}, ${WHY[host.kind]}, so the deployed app's connections to it fail or hang until they time out.`,
          remediation: 'Give the service a public or platform-private address (its managed URL, a private-network name such as *.railway.internal) and read it from an environment variable.',
          location: { file: facts.path, line: literal.line, column: literal.column },
          fingerprintContent: literal.value,
        });
      }
    }
  },
});
