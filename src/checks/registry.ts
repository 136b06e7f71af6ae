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
import { noFailingModules } from './logs/no-failing-modules/check.js';
import { noRecentErrors } from './logs/no-recent-errors/check.js';
import { noResourceFailures } from './logs/no-resource-failures/check.js';
import { noLanAddresses } from './portability/no-lan-addresses/check.js';
import { noLocalhostUrls } from './portability/no-localhost-urls/check.js';
import { noMachinePaths } from './portability/no-machine-paths/check.js';
import { noDivergingReplitRun } from './start/no-diverging-replit-run/check.js';
import { noFragilePaths } from './supervisor/no-fragile-paths/check.js';
import { requireAutorestart } from './supervisor/require-autorestart/check.js';
import { noMissingTarget } from './start/no-missing-target/check.js';
import { requireInstalledProgram } from './start/require-installed-program/check.js';
import { noHardcodedCredentials } from './secrets/no-hardcoded-credentials/check.js';
import { noBroadKill } from './shell/no-broad-kill/check.js';
import { requireExecForServer } from './shell/require-exec-for-server/check.js';
import { requireStrictMode } from './shell/require-strict-mode/check.js';
import { noKnownSecretFormats } from './secrets/no-known-secret-formats/check.js';
// scan-core
import { noUndeclared } from './deps/no-undeclared/check.js';
import { noUnused } from './deps/no-unused/check.js';
// schema stage: dependency advisories (OSV)
import { noVulnerableDependency } from './deps/no-vulnerable-dependency/check.js';
import { noCycle } from './imports/no-cycle/check.js';
import { noMissingModule } from './imports/no-missing-module/check.js';
import { noExitAtImport } from './lifecycle/no-exit-at-import/check.js';
import { requireChildSupervision } from './lifecycle/require-child-supervision/check.js';
import { noBusySpin } from './loops/no-busy-spin/check.js';
import { noInfiniteLoop } from './loops/no-infinite-loop/check.js';
import { noStuckCondition } from './loops/no-stuck-condition/check.js';
import { noUnconditionalRecursion } from './recursion/no-unconditional-recursion/check.js';
import { noRuntimeConfigWrite } from './resilience/no-runtime-config-write/check.js';
import { noSwallowedException } from './resilience/no-swallowed-exception/check.js';
import { requireHttpTimeout } from './resilience/require-http-timeout/check.js';
import { noUnparseableCode } from './syntax/no-unparseable-code/check.js';
// service stage (issue 5)
import { requireHealthEndpoint } from './health/require-health-endpoint/check.js';
import { requireReadinessProbe } from './health/require-readiness-probe/check.js';
import { noDegradedOk } from './health/no-degraded-ok/check.js';
import { noUnroutedHealthPath } from './health/no-unrouted-health-path/check.js';
import { noMultipleStartupHooks } from './lifecycle/no-multiple-startup-hooks/check.js';
import { noDeprecatedOnEvent } from './lifecycle/no-deprecated-on-event/check.js';
import { requireSignalHandling } from './lifecycle/require-signal-handling/check.js';
import { requireChildCleanup } from './lifecycle/require-child-cleanup/check.js';
import { noSqliteFallback } from './data/no-sqlite-fallback/check.js';
import { requirePoolSettings } from './data/require-pool-settings/check.js';
import { noCreateAllAtImport } from './data/no-create-all-at-import/check.js';
import { noDebugMode } from './server/no-debug-mode/check.js';
import { noInMemoryState } from './server/no-in-memory-state/check.js';
import { noWildcardCorsCredentials } from './server/no-wildcard-cors-credentials/check.js';
import { requireSecurityHeaders } from './server/require-security-headers/check.js';
import { noShellFormCommand } from './container/no-shell-form-command/check.js';
import { noRootUser } from './container/no-root-user/check.js';
import { requireHealthcheck } from './container/require-healthcheck/check.js';
import { noUnpinnedBaseImage } from './container/no-unpinned-base-image/check.js';
import { noAddLocalFiles } from './container/no-add-local-files/check.js';
import { noInstallAfterCopyAll } from './container/no-install-after-copy-all/check.js';
import { noSecretBuildArgs } from './container/no-secret-build-args/check.js';
import { requireAppliedMigrations } from './data/require-applied-migrations/check.js';
import { requireBodySchema } from './validation/require-body-schema/check.js';
import { noLayerViolation } from './architecture/no-layer-violation/check.js';

// simulate and watch stages (issue 6)
import { noCrashLoop } from './runtime/no-crash-loop/check.js';
import { noEarlyExit } from './runtime/no-early-exit/check.js';
import { noFailingProbe } from './runtime/no-failing-probe/check.js';
import { noInstallFailure } from './runtime/no-install-failure/check.js';
import { requireGracefulShutdown } from './runtime/require-graceful-shutdown/check.js';
import { noWorkerErrors } from './runtime/no-worker-errors/check.js';
import { requireReadiness } from './runtime/require-readiness/check.js';
import { noConfigRewrite } from './watch/no-config-rewrite/check.js';
// goals stage (issue 7)
import { requireValidTracker } from './goals/require-valid-tracker/check.js';
import { requireGoalForCoreModule } from './goals/require-goal-for-core-module/check.js';
import { noMissingModule as noMissingGoalModule } from './goals/no-missing-module/check.js';
import { noStatusMismatch } from './goals/no-status-mismatch/check.js';
import { requireMetGoals } from './goals/require-met-goals/check.js';
// schema stage: ORM models and migrations
import { requireMigrationForModel } from './data/require-migration-for-model/check.js';
import { requireModelConstraints } from './data/require-model-constraints/check.js';

/** Every check liveready runs. The parity test keeps this list equal to the check folders. */
export const ALL_CHECKS: readonly Check[] = [
  noMalformedManifest,
  noCommittedDotenv,
  noMachinePaths,
  noMissingTarget,
  requireInstalledProgram,
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
  // scan-core
  noInfiniteLoop,
  noBusySpin,
  noStuckCondition,
  noUnconditionalRecursion,
  noExitAtImport,
  requireChildSupervision,
  requireHttpTimeout,
  noSwallowedException,
  noRuntimeConfigWrite,
  noMissingModule,
  noCycle,
  noUndeclared,
  noUnused,
  noUnparseableCode,
  // simulate and watch stages
  noInstallFailure,
  noCrashLoop,
  noEarlyExit,
  requireReadiness,
  noFailingProbe,
  requireGracefulShutdown,
  noWorkerErrors,
  noConfigRewrite,
  // service stage (issue 5)
  requireHealthEndpoint,
  requireReadinessProbe,
  noDegradedOk,
  noUnroutedHealthPath,
  noMultipleStartupHooks,
  noDeprecatedOnEvent,
  requireSignalHandling,
  requireChildCleanup,
  noSqliteFallback,
  requirePoolSettings,
  noCreateAllAtImport,
  noDebugMode,
  noInMemoryState,
  noWildcardCorsCredentials,
  requireSecurityHeaders,
  noShellFormCommand,
  noRootUser,
  requireHealthcheck,
  noUnpinnedBaseImage,
  noAddLocalFiles,
  noInstallAfterCopyAll,
  noSecretBuildArgs,
  requireAppliedMigrations,
  requireBodySchema,
  noLayerViolation,
  // schema stage: dependency advisories (OSV)
  noVulnerableDependency,
  // goals stage (issue 7)
  requireValidTracker,
  requireGoalForCoreModule,
  noMissingGoalModule,
  noStatusMismatch,
  requireMetGoals,
  // schema stage: ORM models and migrations
  requireMigrationForModel,
  requireModelConstraints,
];
