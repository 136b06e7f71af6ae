import type { Check } from './api.js';
import { noMalformedManifest } from './config/no-malformed-manifest/check.js';
import { noCommittedDotenv } from './env/no-committed-dotenv/check.js';
import { noMachinePaths } from './portability/no-machine-paths/check.js';
import { noMissingTarget } from './start/no-missing-target/check.js';
// scan-core
import { noUndeclared } from './deps/no-undeclared/check.js';
import { noUnused } from './deps/no-unused/check.js';
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

/** Every check liveready runs. The parity test keeps this list equal to the check folders. */
export const ALL_CHECKS: readonly Check[] = [
  noMalformedManifest,
  noCommittedDotenv,
  noMachinePaths,
  noMissingTarget,
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
];
