import type { SimulateConfig } from '../config/schema.js';
import type { ProbeEvidence } from '../facts/evidence/evidence.js';
import { probe } from './http-probe.js';
import { delay } from './ports.js';

const DEFAULT_HEALTH_PATHS = ['/health', '/healthz', '/ready', '/readyz', '/'];
const PROBE_TIMEOUT_MS = 5000;
const TRIES = 3;
const RETRY_DELAY_MS = 500;

interface PlannedProbe {
  kind: ProbeEvidence['kind'];
  source: ProbeEvidence['source'];
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  expectStatus?: number;
}

/**
 * Probes in order: configured health paths, the platform's health check paths from the manifests,
 * the conventional ones, then the configured smoke requests.
 */
export function planProbes(config: SimulateConfig, manifestPaths: readonly string[]): PlannedProbe[] {
  const planned: PlannedProbe[] = [];
  const seen = new Set<string>();
  const add = (path: string, source: PlannedProbe['source']): void => {
    if (seen.has(path)) return;
    seen.add(path);
    planned.push({ kind: 'health', source, method: 'GET', path });
  };
  for (const path of config.healthPaths ?? []) add(path, 'config');
  for (const path of manifestPaths) add(path, 'manifest');
  for (const path of DEFAULT_HEALTH_PATHS) add(path, 'default');
  for (const smoke of config.smoke ?? []) {
    const request: PlannedProbe = { kind: 'smoke', source: 'smoke', method: (smoke.method ?? 'GET').toUpperCase(), path: smoke.path };
    if (smoke.body !== undefined) request.body = smoke.body;
    if (smoke.headers) request.headers = smoke.headers;
    if (smoke.expectStatus !== undefined) request.expectStatus = smoke.expectStatus;
    planned.push(request);
  }
  return planned;
}

/**
 * Whether an answer is acceptable. A conventional path the app does not serve (404/405, or an
 * auth wall on `/`) is `absent`, not a failure; a configured or platform health path must answer
 * 2xx/3xx; anything that answers 5xx or not at all has failed.
 */
export function judgeProbe(planned: Pick<PlannedProbe, 'source' | 'path' | 'expectStatus'>, status: number | undefined): ProbeEvidence['judgement'] {
  if (status === undefined) return 'failed';
  if (planned.expectStatus !== undefined) return status === planned.expectStatus ? 'ok' : 'failed';
  if (status >= 200 && status < 400) return 'ok';
  if (planned.source !== 'default') return 'failed';
  if (status >= 500) return 'failed';
  if (status === 404 || status === 405) return 'absent';
  return planned.path === '/' ? 'absent' : 'failed';
}

/** Sends every planned probe; a failing health probe is retried twice (the app may still be warming up). */
export async function runProbes(port: number, planned: readonly PlannedProbe[], startedAt: number, shouldStop: () => boolean): Promise<ProbeEvidence[]> {
  const results: ProbeEvidence[] = [];
  for (const request of planned) {
    if (shouldStop()) break;
    let evidence: ProbeEvidence | undefined;
    for (let attempt = 0; attempt < (request.kind === 'health' ? TRIES : 1); attempt += 1) {
      if (attempt > 0) await delay(RETRY_DELAY_MS);
      const timeMs = Date.now() - startedAt;
      const response = await probe(port, { method: request.method, path: request.path, timeoutMs: PROBE_TIMEOUT_MS, ...(request.body !== undefined ? { body: request.body } : {}), ...(request.headers ? { headers: request.headers } : {}) });
      evidence = { kind: request.kind, method: request.method, path: request.path, source: request.source, latencyMs: response.latencyMs, judgement: judgeProbe(request, response.status), timeMs };
      if (response.status !== undefined) evidence.status = response.status;
      if (response.bodyExcerpt) evidence.bodyExcerpt = response.bodyExcerpt;
      if (response.error) evidence.error = response.error;
      if (request.expectStatus !== undefined) evidence.expectStatus = request.expectStatus;
      if (evidence.judgement !== 'failed' || shouldStop()) break;
    }
    if (evidence) results.push(evidence);
  }
  return results;
}
