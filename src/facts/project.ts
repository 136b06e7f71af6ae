import type { DiscoveredFile, FileKind } from '../model/file-kind.js';
import type { Evidence } from './evidence/evidence.js';
import type { ManifestFacts } from './manifest-types.js';
import type { FileFacts } from './types.js';

/**
 * The audited tree as the checks see it: its files, each file's facts, and cross-file facts
 * computed on first use and shared by every check (the module graph, the env contract...).
 * Read-only for checks; built by the engine.
 */
export class Project {
  private readonly byPath = new Map<string, FileFacts>();
  private readonly directories = new Set<string>();
  private readonly derived = new Map<string, unknown>();
  /** Derived facts whose computation read the evidence: asking for one counts as reading it. */
  private readonly derivedFromEvidence = new Set<string>();
  private readonly collected: Evidence = {};
  /**
   * How many times the evidence was read (directly or through a derived fact built from it). The
   * engine compares it before and after a check: a check that never read it depends on the tree
   * alone, so its result can be reused for the same tree.
   */
  evidenceReads = 0;
  /** Listed files by path, built on first use (module resolution asks hasFile thousands of times). */
  private filesByPath: Map<string, DiscoveredFile> | undefined;

  constructor(
    /** Absolute path of the audited root (for display only; checks never touch the disk). */
    readonly root: string,
    readonly files: readonly DiscoveredFile[],
    facts: Iterable<FileFacts>,
    /** True when git listed the files, so `tracked` is known for each. */
    readonly isGit: boolean,
  ) {
    for (const fileFacts of facts) this.byPath.set(fileFacts.path, fileFacts);
    for (const file of files) {
      for (let slash = file.path.indexOf('/'); slash !== -1; slash = file.path.indexOf('/', slash + 1)) {
        this.directories.add(file.path.slice(0, slash));
      }
    }
  }

  /** Filled by the engine's collectors between check phases (logs, simulation, goal tracker). */
  get evidence(): Evidence {
    this.evidenceReads += 1;
    return this.collected;
  }

  /** True when the file was listed (even if it was skipped as binary or too large). */
  hasFile(path: string): boolean {
    return this.fileIndex().has(path);
  }

  hasDirectory(path: string): boolean {
    return path === '' || this.directories.has(path);
  }

  file(path: string): DiscoveredFile | undefined {
    return this.fileIndex().get(path);
  }

  facts(path: string): FileFacts | undefined {
    return this.byPath.get(path);
  }

  /** Facts of every read file, in path order. */
  allFacts(): FileFacts[] {
    return [...this.byPath.values()];
  }

  factsOfKind(...kinds: FileKind[]): FileFacts[] {
    return this.allFacts().filter((facts) => kinds.includes(facts.kind));
  }

  /** Every parsed manifest of one type, with the facts of its file. */
  manifests<T extends ManifestFacts['type']>(type: T): Array<{ file: FileFacts; manifest: Extract<ManifestFacts, { type: T }> }> {
    const found: Array<{ file: FileFacts; manifest: Extract<ManifestFacts, { type: T }> }> = [];
    for (const facts of this.byPath.values()) {
      if (facts.manifest?.type === type) found.push({ file: facts, manifest: facts.manifest as Extract<ManifestFacts, { type: T }> });
    }
    return found;
  }

  /** A cross-file fact, computed once per audit by whichever check asks first. */
  derive<T>(key: string, compute: (project: Project) => T): T {
    if (!this.derived.has(key)) {
      const readsBefore = this.evidenceReads;
      this.derived.set(key, compute(this));
      if (this.evidenceReads !== readsBefore) this.derivedFromEvidence.add(key);
    } else if (this.derivedFromEvidence.has(key)) this.evidenceReads += 1;
    return this.derived.get(key) as T;
  }

  private fileIndex(): Map<string, DiscoveredFile> {
    this.filesByPath ??= new Map(this.files.map((file) => [file.path, file]));
    return this.filesByPath;
  }
}
