import { parseHostLiteral } from './network-literals.js';
import type { LiteralTag } from './types.js';

// A user's home or a package manager prefix that exists on one developer's machine only.
const MACHINE_PATH =
  /(?:^|[\s"'=:(,;])(?:\/Users\/(?!Shared\b)[A-Za-z0-9._-]+|\/home\/[A-Za-z0-9._-]+|[A-Za-z]:[\\/]+(?:Users|Documents and Settings)[\\/]+[A-Za-z0-9._ -]+|\/opt\/homebrew|\/usr\/local\/Cellar|\/root(?=\/|$))/;
const ABSOLUTE_PATH = /^(?:\/[^/\s]+|[A-Za-z]:[\\/])/;

/** Tags that make a string literal worth keeping as a fact. Most literals get none and are dropped. */
export function tagLiteral(value: string): LiteralTag[] {
  if (value.length < 2 || value.length > 4096) return [];
  const tags: LiteralTag[] = [];
  const hasSlash = value.includes('/') || value.includes('\\');
  if (hasSlash && MACHINE_PATH.test(value)) tags.push('machine-path');
  if (hasSlash && ABSOLUTE_PATH.test(value)) tags.push('absolute-path');
  const host = parseHostLiteral(value);
  if (host) tags.push(host.kind !== 'loopback' ? 'private-address' : host.scheme ? 'loopback-url' : 'loopback-host');
  return tags;
}
