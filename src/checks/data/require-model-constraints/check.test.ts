import { fileURLToPath } from 'node:url';
import { describeCheckFixtures } from '../../../../test/support/check-fixtures.js';
import { requireModelConstraints } from './check.js';

describeCheckFixtures(fileURLToPath(new URL('.', import.meta.url)), requireModelConstraints);
