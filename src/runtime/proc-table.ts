import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/**
 * Linux /proc, read-only: which processes belong to a process group and which TCP sockets they
 * listen on. Everything here answers "unknown" (undefined) where /proc is not available.
 */

interface ProcStat {
  pid: number;
  state: string;
  pgrp: number;
}

function readStat(pid: string): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // comm may contain spaces and parentheses: the fields after it start at the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(pid), state: fields[0] ?? '?', pgrp: Number(fields[2]) };
  } catch {
    return undefined;
  }
}

/** Live (non-zombie) members of a process group; undefined when /proc cannot be read. */
export function groupMembers(pgid: number): number[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat && stat.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X') members.push(stat.pid);
  }
  return members;
}

export interface ListeningSocket {
  port: number;
  /** `0.0.0.0`, `::`, `127.0.0.1`, `::1`, or another address the socket is bound to. */
  address: string;
}

/** TCP sockets in LISTEN state owned by the given processes, with the address each is bound to. */
export function listeningSockets(pids: readonly number[]): ListeningSocket[] {
  const inodes = socketInodes(pids);
  if (inodes.size === 0) return [];
  const sockets: ListeningSocket[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'latin1');
    } catch {
      continue;
    }
    for (const row of text.split('\n').slice(1)) {
      const columns = row.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT, st 0A is LISTEN, inode is column 9.
      if (columns[3] !== '0A' || !inodes.has(columns[9] ?? '')) continue;
      const [hexAddress = '', hexPort = ''] = (columns[1] ?? '').split(':');
      const port = Number.parseInt(hexPort, 16);
      if (Number.isFinite(port)) sockets.push({ port, address: decodeAddress(hexAddress) });
    }
  }
  return sockets;
}

function socketInodes(pids: readonly number[]): Set<string> {
  const inodes = new Set<string>();
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match?.[1]) inodes.add(match[1]);
      } catch {
        // closed meanwhile
      }
    }
  }
  return inodes;
}

/** /proc/net/tcp addresses are little-endian hex words: `0100007F` is 127.0.0.1. */
function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((word) => (word.match(/../g) ?? []).reverse().map((pair) => Number.parseInt(pair, 16)));
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.length !== 16) return hex;
  if (bytes.every((byte) => byte === 0)) return '::';
  if (bytes.slice(0, 15).every((byte) => byte === 0) && bytes[15] === 1) return '::1';
  if (bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups: string[] = [];
  for (let index = 0; index < 16; index += 2) groups.push((((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0)).toString(16));
  return groups.join(':');
}
