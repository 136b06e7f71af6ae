import { ConfigSchema } from './config/schema.js';
import { ReportSchema } from './model/report-schema.js';
import { GoalTrackerSchema } from './model/goal-tracker-schema.js';

/** The JSON Schemas liveready publishes under schemas/, by file name. */
export function publishedSchemas(): Record<string, unknown> {
  return {
    'report.schema.json': { $schema: 'http://json-schema.org/draft-07/schema#', ...strip(ReportSchema) },
    'config.schema.json': { $schema: 'http://json-schema.org/draft-07/schema#', ...strip(ConfigSchema) },
    'goal-tracker.schema.json': { $schema: 'http://json-schema.org/draft-07/schema#', ...strip(GoalTrackerSchema) },
  };
}

/** TypeBox adds symbol keys; JSON keeps only the schema. */
function strip(schema: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}
