import { fileURLToPath } from 'node:url';
import { describeCheckFixtures } from '../../../../test/support/check-fixtures.js';
import { noVulnerableDependency } from './check.js';

// Each fixture's `.liveready.yaml` points `vulnerabilities.database` at its own `osv/` directory of
// OSV records; the API is off for the whole test run (LIVEREADY_OSV_API=off in vitest.config.ts).
describeCheckFixtures(fileURLToPath(new URL('.', import.meta.url)), noVulnerableDependency);
