import type { Check } from './api.js';
import { noMalformedManifest } from './config/no-malformed-manifest/check.js';
import { noCommittedDotenv } from './env/no-committed-dotenv/check.js';
import { noConflictingDefaults } from './env/no-conflicting-defaults/check.js';
import { noSecretInExample } from './env/no-secret-in-example/check.js';
import { noUnusedExampleEntry } from './env/no-unused-example-entry/check.js';
import { requireDocumented } from './env/require-documented/check.js';
import { requireProvidedVariable } from './env/require-provided-variable/check.js';
import { noHardcodedPort } from './port/no-hardcoded-port/check.js';
import { noLoopbackBind } from './port/no-loopback-bind/check.js';
import { requireRoutedPort } from './port/require-routed-port/check.js';
import { noMachinePaths } from './portability/no-machine-paths/check.js';
import { noDivergingReplitRun } from './start/no-diverging-replit-run/check.js';
import { noFragilePaths } from './supervisor/no-fragile-paths/check.js';
import { requireAutorestart } from './supervisor/require-autorestart/check.js';
import { noMissingTarget } from './start/no-missing-target/check.js';

/** Every check liveready runs. The parity test keeps this list equal to the check folders. */
export const ALL_CHECKS: readonly Check[] = [
  noMalformedManifest,
  noCommittedDotenv,
  noMachinePaths,
  noMissingTarget,
  // config stage (issue 3)
  requireProvidedVariable,
  requireDocumented,
  noUnusedExampleEntry,
  noSecretInExample,
  noConflictingDefaults,
  noDivergingReplitRun,
  requireRoutedPort,
  noHardcodedPort,
  noLoopbackBind,
  noFragilePaths,
  requireAutorestart,
];
