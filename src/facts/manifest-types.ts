import type { DotenvEntry } from '../parsers/dotenv.js';
import type { Positioned } from '../parsers/positioned.js';
import type { ProcfileEntry } from '../parsers/procfile.js';

/** A command declared in a manifest, with where it is written. */
export interface DeclaredCommand {
  command: string;
  line: number;
  column: number;
}

export interface PackageJsonFacts {
  type: 'package-json';
  name?: string;
  scripts: Record<string, DeclaredCommand>;
  main?: Positioned<string>;
}

export interface ProcfileFacts {
  type: 'procfile';
  entries: ProcfileEntry[];
}

export interface ReplitFacts {
  type: 'replit';
  /** `[env]` entries. */
  env: Array<{ name: string; value: string; line: number }>;
  run?: DeclaredCommand;
  entrypoint?: Positioned<string>;
  deploymentRun?: DeclaredCommand;
  deploymentBuild?: DeclaredCommand;
}

export interface DotenvFacts {
  type: 'dotenv';
  entries: DotenvEntry[];
}

export type ManifestFacts = PackageJsonFacts | ProcfileFacts | ReplitFacts | DotenvFacts;
