import { defineCheck } from '../../api.js';
import { alembicFindings } from './alembic.js';
import { djangoFindings } from './django.js';
import { prismaFindings } from './prisma.js';

export const requireMigrationForModel = defineCheck({
  meta: {
    id: 'data/require-migration-for-model',
    stage: 'schema',
    description: 'Require every ORM model, field and column to be created by the project\'s migrations (Django, Alembic, Prisma)',
    severity: 'moderate',
    category: 'correctness',
  },
  run({ project, report }) {
    for (const finding of [...djangoFindings(project), ...alembicFindings(project), ...prismaFindings(project)]) report(finding);
  },
});
