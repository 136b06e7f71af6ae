/**
 * Which string literals name a host that exists only on one machine or one private network: the
 * loopback (`http://localhost:8000`), private and link-local IPs (`10.0.0.5`, `192.168.1.20`,
 * `169.254.0.1`), LAN names (`nas.local`, `printer.lan`, `build.corp`) and Docker Desktop's
 * `host.docker.internal`. Platform-private networks that do resolve in production are not
 * flagged: `*.railway.internal`, `*.fly.internal`, `*.svc.cluster.local`, cloud `*.internal` DNS.
 */

/** loopback: this machine; private: an RFC 1918/ULA/CGNAT address; link-local; lan-name; docker-host. */
export type HostKind = 'loopback' | 'private-ip' | 'link-local' | 'lan-name' | 'docker-host';

export interface HostLiteral {
  host: string;
  /** As written (`8000`), or `{}` for an interpolated port. */
  port?: string;
  /** `http`, `postgres`...; undefined for a bare `host[:port]`. */
  scheme?: string;
  kind: HostKind;
}

const QUICK_GATE = /localhost|127\.|::1|0\.0\.0\.0|(?:^|[^\d.])(?:10|172|192|169|100)\.\d|\.(?:local|lan|home|arpa|corp|intranet|localdomain)\b|docker\.|\[f[cde]/i;
const ASSIGNMENT_PREFIX = /^(?:--?[A-Za-z][\w-]*=|[A-Za-z_][A-Za-z0-9_]*=)/;
const URL_HOST = /^([a-z][a-z0-9+.-]*|\{\}):\/\/(?:[^@/\s]*@)?(\[[0-9a-f:.]+\]|[^:/\s?#@[\]{}]+)(?::(\d{1,5}|\{\}))?(?=$|[/?#\s])/i;
/** `host`, `host:port`, `user@host`, `host/path`, and scp's `user@host:/path`. */
const BARE_HOST = /^(?:[\w.-]+@)?(\[[0-9a-f:.]+\]|[a-z0-9][a-z0-9.-]*)(?::(\d{1,5}|\{\}))?(?::?\/[^\s]*)?$/i;
const LAN_SUFFIX = /\.(?:local|lan|home|home\.arpa|localdomain|intranet|corp)$/;

/** The host a literal names, when it is a machine-local or private-network one; undefined otherwise. */
export function parseHostLiteral(value: string): HostLiteral | undefined {
  if (value.length > 2048 || !QUICK_GATE.test(value)) return undefined;
  const trimmed = value.trim().replace(ASSIGNMENT_PREFIX, '');
  const url = URL_HOST.exec(trimmed);
  if (url) {
    const kind = classifyHost(url[2] as string, true);
    return kind ? withPort({ host: url[2] as string, scheme: (url[1] as string).toLowerCase(), kind }, url[3]) : undefined;
  }
  const bare = BARE_HOST.exec(trimmed);
  if (!bare || /\/\d{1,3}$/.test(trimmed)) return undefined; // 10.0.0.0/8 is a network, not a host
  const host = bare[1] as string;
  if (!host.includes('.') && !host.includes(':') && host.toLowerCase() !== 'localhost') return undefined;
  // `root@localhost`, `admin@nas.local` are email addresses; `deploy@10.0.0.5` and `deploy@nas.local:/srv` are ssh/scp targets.
  if (trimmed.includes('@') && ipv4(host) === undefined && !/@[^:]+:\//.test(trimmed)) return undefined;
  const kind = classifyHost(host, false);
  return kind ? withPort({ host, kind }, bare[2]) : undefined;
}

function withPort(literal: HostLiteral, port: string | undefined): HostLiteral {
  if (port !== undefined) literal.port = port;
  return literal;
}

/** `0.0.0.0` means "this machine" only as a destination in a URL; as a bare value it is a bind address. */
function classifyHost(raw: string, isUrl: boolean): HostKind | undefined {
  const host = raw.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || (isUrl && host === '0.0.0.0')) return 'loopback';
  const octets = ipv4(host);
  if (octets) return classifyIpv4(octets);
  if (host.startsWith('[')) {
    if (host === '[fd00:ec2::254]') return undefined; // AWS instance metadata over IPv6
    if (/^\[fe[89ab][0-9a-f]?:/.test(host)) return 'link-local';
    return /^\[f[cd][0-9a-f]{0,2}:/.test(host) ? 'private-ip' : undefined;
  }
  if (/^(?:host|gateway)\.docker\.internal$|^docker\.for\.(?:mac|win)\./.test(host)) return 'docker-host';
  if (host.endsWith('.cluster.local')) return undefined;
  return LAN_SUFFIX.test(host) ? 'lan-name' : undefined;
}

function ipv4(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return undefined;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

/**
 * Link-local addresses every cloud VM and container platform answers on: the instance metadata
 * service (AWS, GCP, Azure, DigitalOcean, OpenStack: 169.254.169.254) and ECS task metadata
 * (169.254.170.2). Code that reads credentials from them works in production by design.
 */
const CLOUD_METADATA = new Set(['169.254.169.254', '169.254.170.2']);

function classifyIpv4(octets: number[]): HostKind | undefined {
  const [a = 0, b = 0] = octets;
  if (CLOUD_METADATA.has(octets.join('.'))) return undefined;
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private-ip';
  return a === 169 && b === 254 ? 'link-local' : undefined;
}
