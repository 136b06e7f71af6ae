import type { Check } from './api.js';
import { noMalformedManifest } from './config/no-malformed-manifest/check.js';
import { noCommittedDotenv } from './env/no-committed-dotenv/check.js';
import { noFailingModules } from './logs/no-failing-modules/check.js';
import { noRecentErrors } from './logs/no-recent-errors/check.js';
import { noResourceFailures } from './logs/no-resource-failures/check.js';
import { noMachinePaths } from './portability/no-machine-paths/check.js';
import { noMissingTarget } from './start/no-missing-target/check.js';

/** Every check liveready runs. The parity test keeps this list equal to the check folders. */
export const ALL_CHECKS: readonly Check[] = [noMalformedManifest, noCommittedDotenv, noMachinePaths, noMissingTarget, noFailingModules, noResourceFailures, noRecentErrors];
