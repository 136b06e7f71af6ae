import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import type { Project } from '../facts/project.js';
import type { Finding } from '../model/finding.js';
import { analysisVersion } from './extractor-version.js';
import { CachePack } from './cache-pack.js';

const FORMAT = 1;

/** One remembered result: the options it was computed with, and the value. */
interface Remembered {
  o: string;
  v: unknown;
}

/**
 * Results that depend on the audited tree alone (a check's findings when it read neither the
 * evidence nor earlier findings, a report section built from facts), remembered in the cache
 * directory for the next audit of the same tree: when no file changed, the cross-file checks (module
 * graph, code that must return, route table...) are not computed again. Keyed by the analysis code's
 * version, the tree (every listed file's path, size, kind and content hash) and the options the
 * result was computed with. Never throws: a corrupt or unwritable memo only means a slower audit.
 */
export class TreeMemo {
  /** Results taken from the memo in this audit. */
  reused = 0;
  private readonly pack: CachePack<Remembered>;
  private changed = false;

  constructor(directory: string, root: string, version: string, tree: string) {
    this.pack = new CachePack<Remembered>(directory, 'results-', { format: FORMAT, version, root, tree });
  }

  /** The value remembered under `name` for this tree and these options (wrapped: `undefined` can be a value). */
  recall(name: string, options: unknown): { value: unknown } | undefined {
    const entry = this.pack.recall(name);
    if (!entry || entry.o !== optionsKey(options)) return undefined;
    this.pack.next[name] = entry;
    this.reused += 1;
    return { value: entry.v };
  }

  remember(name: string, options: unknown, value: unknown): void {
    this.pack.next[name] = { o: optionsKey(options), v: value };
    this.changed = true;
  }

  /**
   * Writes what this audit computed or reused (only when something new was computed), keeping what
   * the last audit of the same tree remembered for checks this one did not run (`--only`, a command
   * that runs a few checks), so that the next full audit still finds them.
   */
  save(): void {
    if (!this.changed) return;
    for (const [name, entry] of Object.entries(this.pack.previous)) if (!Object.hasOwn(this.pack.next, name)) this.pack.next[name] = entry;
    this.pack.save();
  }
}

/** The memo of `root` in `directory` for this project's tree; undefined when the root cannot be resolved. */
export function openTreeMemo(directory: string, root: string, project: Project): TreeMemo | undefined {
  try {
    return new TreeMemo(directory, realpathSync(root), analysisVersion(), treeKeyOf(project));
  } catch {
    return undefined;
  }
}

/** The tree as the checks see it: every listed file's path, size, kind, git status and content hash. */
export function treeKeyOf(project: Project): string {
  const hash = createHash('sha1').update(project.isGit ? 'git\n' : 'walk\n');
  for (const file of project.files) {
    const facts = project.facts(file.path);
    hash.update(`${file.path}\0${file.size}\0${file.kind}\0${file.tracked ?? ''}\0${facts?.hash ?? ''}\n`);
  }
  return hash.digest('hex');
}

/**
 * Watches one computation: `findings` is a view of the earlier findings that notes any use, and
 * `readTreeOnly()` tells afterwards whether it read neither them nor the evidence (so its result
 * depends on the tree and its options alone).
 */
export function watchReads(project: Project, findings: readonly Finding[]): { findings: readonly Finding[]; readTreeOnly: () => boolean } {
  const evidenceReadsBefore = project.evidenceReads;
  let readFindings = false;
  const view = new Proxy(findings, {
    get(target, property, receiver) {
      readFindings = true;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { findings: view, readTreeOnly: () => !readFindings && project.evidenceReads === evidenceReadsBefore };
}

function optionsKey(options: unknown): string {
  return JSON.stringify(options ?? {});
}
