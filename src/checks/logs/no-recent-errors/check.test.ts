import { fileURLToPath } from 'node:url';
import { describeCheckFixtures } from '../../../../test/support/check-fixtures.js';
import { noRecentErrors } from './check.js';

describeCheckFixtures(fileURLToPath(new URL('.', import.meta.url)), noRecentErrors);
