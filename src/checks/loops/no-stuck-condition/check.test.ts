import { fileURLToPath } from 'node:url';
import { describeCheckFixtures } from '../../../../test/support/check-fixtures.js';
import { noStuckCondition } from './check.js';

describeCheckFixtures(fileURLToPath(new URL('.', import.meta.url)), noStuckCondition);
