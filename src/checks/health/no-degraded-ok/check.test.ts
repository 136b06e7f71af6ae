import { fileURLToPath } from 'node:url';
import { describeCheckFixtures } from '../../../../test/support/check-fixtures.js';
import { noDegradedOk } from './check.js';

describeCheckFixtures(fileURLToPath(new URL('.', import.meta.url)), noDegradedOk);
