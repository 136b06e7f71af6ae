import { fileURLToPath } from 'node:url';
import { describeCheckFixtures } from '../../../../test/support/check-fixtures.js';
import { noUnused } from './check.js';

describeCheckFixtures(fileURLToPath(new URL('.', import.meta.url)), noUnused);
