import { fileURLToPath } from 'node:url';
import { describeCheckFixtures } from '../../../../test/support/check-fixtures.js';
import { noCreateAllAtImport } from './check.js';

describeCheckFixtures(fileURLToPath(new URL('.', import.meta.url)), noCreateAllAtImport);
