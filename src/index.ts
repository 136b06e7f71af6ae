/** liveready as a library: audit a tree, render the report, read the types. */
export { audit, type AuditOptions } from './engine/audit.js';
export type { ProgressEvent, ProgressListener } from './engine/progress.js';
export { renderReport, FORMATS, type Format, type RenderOptions } from './reporters/render.js';
export { renderJson } from './reporters/json.js';
export { renderMarkdown } from './reporters/markdown/render.js';
export { renderTerminal } from './reporters/terminal/render.js';
export { computeVerdict, type VerdictInput } from './verdict/compute-verdict.js';
export { ALL_CHECKS } from './checks/registry.js';
export { defineCheck, type Check, type CheckContext, type CheckMeta, type FindingInput } from './checks/api.js';
export { loadConfig, type LoadedConfig } from './config/load.js';
export type { LivereadyConfig } from './config/schema.js';
export { publishedSchemas } from './schemas.js';
export { LivereadyError, UsageError, ConfigError, NothingToAuditError } from './model/errors.js';
export type { Report, Verdict, Gate, StageResult, CheckRun, DeathLoopCause } from './model/report.js';
export type { Finding, SuppressedFinding } from './model/finding.js';
export type { Location } from './model/location.js';
export type { Severity } from './model/severity.js';
export type { StageId, StageStatus } from './model/stage.js';
export { VERSION } from './model/version.js';
export type { Collector, CollectorContext, CollectorResult } from './engine/collectors.js';
export type { SectionBuilder } from './engine/sections.js';
export type { Evidence } from './facts/evidence/evidence.js';
export type { RuntimeOutcome } from './model/runtime-outcome.js';
// --- config stage (issue 3) ---
export { loadProject } from './engine/load-project.js';
export { envContract, type EnvContract, type EnvVariable, type EnvRead, type EnvProvision } from './facts/env-contract.js';
export { resolveStartPlan, type StartPlan, type StartPlanConfig } from './facts/start-plan.js';
export type { EnvSection, StartSequenceSection } from './model/env-section-schema.js';
// simulate and watch stages (issue 6)
export type { SimulationSection, WatchSection } from './model/simulation-section-schema.js';
export type { SimulationEvidence, WatchEvidence, CapturedLine, FailureClassification } from './facts/evidence/evidence.js';
// --- service stage (issue 5): the map stage's module map, route table and components ---
export { moduleMap, type ModuleMap, type MapModule, type MapEdge } from './facts/service/module-map.js';
export { routeTable, type RouteRow } from './facts/service/route-table.js';
export { serviceComponents, type ServiceComponent } from './facts/service/components.js';
export { LAYERS, LAYER_TITLES, type Layer } from './facts/service/layers.js';
export type { LayerViolation } from './facts/service/layer-violations.js';
export type { ModuleMapSection, RoutesSection } from './model/map-section-schema.js';
