import type { DotenvEntry } from '../parsers/dotenv.js';
import type { DeploymentManifestFacts, RoutedPort } from './deployment-manifest-types.js';
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
  // --- config stage (issue 3) ---
  /** `engines` (node, npm...), each with where it is written. */
  engines?: Record<string, Positioned<string>>;
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
  // --- config stage (issue 3) ---
  /** `[[ports]]` localPort entries: the ports the deployment routes to. */
  ports?: RoutedPort[];
  /** `[deployment] deploymentTarget` (autoscale, vm, static, scheduled...). */
  deploymentTarget?: Positioned<string>;
  /** `modules = ["nodejs-20", "python-3.11"]`. */
  modules?: Array<Positioned<string>>;
  /** `[nix] channel`. */
  nixChannel?: Positioned<string>;
}

export interface DotenvFacts {
  type: 'dotenv';
  entries: DotenvEntry[];
}

export type ManifestFacts =
  | PackageJsonFacts
  | ProcfileFacts
  | ReplitFacts
  | DotenvFacts
  // --- config stage (issue 3): Dockerfile, compose, PaaS manifests, supervisord, systemd, replit.nix ---
  | DeploymentManifestFacts;
