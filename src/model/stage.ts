export const STAGES = ['map', 'config', 'scan', 'schema', 'logs', 'watch', 'goals', 'simulate'] as const;
export type StageId = (typeof STAGES)[number];

export type StageStatus = 'passed' | 'failed' | 'skipped' | 'errored';

export const STAGE_TITLES: Record<StageId, string> = {
  map: 'Core module identification',
  config: 'Configuration validation',
  scan: 'Codebase scanning',
  schema: 'Schema validation and patching',
  logs: 'Error log monitoring',
  watch: 'Runtime state monitoring',
  goals: 'Module goal tracking',
  simulate: 'Deployment simulation',
};

/** Stages whose work executes the audited code; `--static` skips them. */
export const RUNTIME_STAGES: readonly StageId[] = ['watch', 'simulate'];
