import type { Check } from './api.js';
import { noMalformedManifest } from './config/no-malformed-manifest/check.js';
import { noCommittedDotenv } from './env/no-committed-dotenv/check.js';
import { noFailingModules } from './logs/no-failing-modules/check.js';
import { noRecentErrors } from './logs/no-recent-errors/check.js';
import { noResourceFailures } from './logs/no-resource-failures/check.js';
import { noLanAddresses } from './portability/no-lan-addresses/check.js';
import { noLocalhostUrls } from './portability/no-localhost-urls/check.js';
import { noMachinePaths } from './portability/no-machine-paths/check.js';
import { noMissingTarget } from './start/no-missing-target/check.js';
import { noHardcodedCredentials } from './secrets/no-hardcoded-credentials/check.js';
import { noBroadKill } from './shell/no-broad-kill/check.js';
import { requireExecForServer } from './shell/require-exec-for-server/check.js';
import { requireStrictMode } from './shell/require-strict-mode/check.js';
import { noKnownSecretFormats } from './secrets/no-known-secret-formats/check.js';

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
export const ALL_CHECKS: readonly Check[] = [
  noMalformedManifest,
  noCommittedDotenv,
  noMachinePaths,
  noMissingTarget,
  // scan stage, text checks
  noKnownSecretFormats,
  noHardcodedCredentials,
  noLocalhostUrls,
  noLanAddresses,
  noBroadKill,
  requireExecForServer,
  requireStrictMode,
  // logs stage
  noFailingModules,
  noResourceFailures,
  noRecentErrors,
  // simulate and watch stages
  noInstallFailure,
  noCrashLoop,
  noEarlyExit,
  requireReadiness,
  noFailingProbe,
  requireGracefulShutdown,
  noWorkerErrors,
  noConfigRewrite,
];
