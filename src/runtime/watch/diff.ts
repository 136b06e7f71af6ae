import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChange } from '../../facts/evidence/evidence.js';
import { isConfigFile } from './config-files.js';
import type { Snapshot } from './snapshot.js';

const EXCERPT_LINES = 8;
const MAX_DIFF_LINES = 5000;

/** Created, modified and deleted files between two snapshots, with a line summary for text files. */
export function diffSnapshots(root: string, before: Snapshot, after: Snapshot, seen: ReadonlyMap<string, number>, startedAt: number): FileChange[] {
  const changes: FileChange[] = [];
  const timeOf = (path: string): { timeMs?: number } => {
    const at = seen.get(path);
    return at === undefined ? {} : { timeMs: at - startedAt };
  };
  for (const [path, entry] of after.files) {
    const old = before.files.get(path);
    if (old && old.hash === entry.hash) continue;
    const change: FileChange = { path, change: old ? 'modified' : 'created', isConfig: isConfigFile(path), ...timeOf(path) };
    const newText = entry.text ?? readSmallText(join(root, path));
    if (newText !== undefined && (old === undefined || old.text !== undefined)) Object.assign(change, summarizeLines(old?.text ?? '', newText));
    changes.push(change);
  }
  for (const [path, entry] of before.files) {
    if (after.files.has(path)) continue;
    const change: FileChange = { path, change: 'deleted', isConfig: isConfigFile(path), ...timeOf(path) };
    if (entry.text !== undefined) Object.assign(change, summarizeLines(entry.text, ''));
    changes.push(change);
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function readSmallText(path: string): string | undefined {
  try {
    const bytes = readFileSync(path);
    return bytes.length <= 64 * 1024 && !bytes.includes(0) ? bytes.toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lines added and removed, by trimming the common head and tail and matching the middle as
 * multisets: linear, bounded, and exact for the usual edit (a block replaced, lines appended).
 */
export function summarizeLines(oldText: string, newText: string): Pick<FileChange, 'linesAdded' | 'linesRemoved' | 'excerpt'> {
  const oldLines = splitLines(oldText).slice(0, MAX_DIFF_LINES);
  const newLines = splitLines(newText).slice(0, MAX_DIFF_LINES);
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head += 1;
  let tail = 0;
  while (tail < oldLines.length - head && tail < newLines.length - head && oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]) tail += 1;
  const removedBlock = oldLines.slice(head, oldLines.length - tail);
  const addedBlock = newLines.slice(head, newLines.length - tail);
  const remaining = new Map<string, number>();
  for (const line of removedBlock) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of addedBlock) {
    const count = remaining.get(line) ?? 0;
    if (count > 0) remaining.set(line, count - 1);
    else added.push(line);
  }
  const removed = removedBlock.filter((line) => {
    const count = remaining.get(line) ?? 0;
    if (count === 0) return false;
    remaining.set(line, count - 1);
    return true;
  });
  const excerpt = [...removed.map((line) => `- ${line}`), ...added.map((line) => `+ ${line}`)].slice(0, EXCERPT_LINES).map((line) => (line.length > 200 ? `${line.slice(0, 199)}…` : line));
  return { linesAdded: added.length, linesRemoved: removed.length, excerpt };
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
