/** What one import statement refers to. */
export interface ImportResolution {
  /**
   * project: a file (or package directory) of this tree; missing: looks like a project module but
   * nothing is there; external: an installed package; builtin: the standard library / Node core;
   * unresolved: cannot be decided statically (aliases, URLs, generated code).
   */
  status: 'project' | 'missing' | 'external' | 'builtin' | 'unresolved';
  /** Project files the import loads (a package's `__init__.py`, `from pkg import submodule` files). */
  targets: string[];
  /** external/builtin, and a workspace package's project import: the top-level import name (Python) or npm package name. */
  packageName?: string;
  /** missing: the files that would have satisfied it. */
  candidates?: string[];
  /** missing: the dotted module or path that does not exist. */
  missingName?: string;
}
