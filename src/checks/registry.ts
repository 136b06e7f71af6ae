import type { Check } from './api.js';
import { noMalformedManifest } from './config/no-malformed-manifest/check.js';
import { noCommittedDotenv } from './env/no-committed-dotenv/check.js';
import { noMachinePaths } from './portability/no-machine-paths/check.js';
import { noMissingTarget } from './start/no-missing-target/check.js';
// simulate and watch stages (issue 6)
import { noCrashLoop } from './runtime/no-crash-loop/check.js';
import { noEarlyExit } from './runtime/no-early-exit/check.js';
import { noFailingProbe } from './runtime/no-failing-probe/check.js';
import { noInstallFailure } from './runtime/no-install-failure/check.js';
import { requireGracefulShutdown } from './runtime/require-graceful-shutdown/check.js';
import { noWorkerErrors } from './runtime/no-worker-errors/check.js';
import { requireReadiness } from './runtime/require-readiness/check.js';
import { noConfigRewrite } from './watch/no-config-rewrite/check.js';

/** Every check liveready runs. The parity test keeps this list equal to the check folders. */
export const ALL_CHECKS: readonly Check[] = [noMalformedManifest, noCommittedDotenv, noMachinePaths, noMissingTarget,
  noInstallFailure, noCrashLoop, noEarlyExit, requireReadiness, noFailingProbe, requireGracefulShutdown, noWorkerErrors, noConfigRewrite,
];
