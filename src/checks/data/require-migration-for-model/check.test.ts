import { fileURLToPath } from 'node:url';
import { describeCheckFixtures } from '../../../../test/support/check-fixtures.js';
import { requireMigrationForModel } from './check.js';

describeCheckFixtures(fileURLToPath(new URL('.', import.meta.url)), requireMigrationForModel);
