import { fileURLToPath } from 'node:url';
import { describeCheckFixtures } from '../../../../test/support/check-fixtures.js';
import { noFailingProbe } from './check.js';

describeCheckFixtures(fileURLToPath(new URL('.', import.meta.url)), noFailingProbe);
