import { afterEach } from 'vitest';
import { collectFacts } from '../../src/engine/collect-facts.js';
import { Project } from '../../src/facts/project.js';
import { writeTree } from './temp-tree.js';

/** A Project built by the real discovery and fact extraction from a small tree on disk. */
export function projectFromTree(files: Record<string, string>): { project: Project; cleanup(): void } {
  const tree = writeTree(files);
  const collected = collectFacts(tree.root, { maxFileSize: 1 << 20, isIgnoredPath: () => false });
  return { project: new Project(tree.root, collected.files, collected.facts, false), cleanup: tree.cleanup };
}

/** `projectOf(files)` for a test file: every tree it writes is removed after each test. */
export function projectsFromTrees(): (files: Record<string, string>) => Project {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
  return (files) => {
    const built = projectFromTree(files);
    cleanups.push(built.cleanup);
    return built.project;
  };
}
