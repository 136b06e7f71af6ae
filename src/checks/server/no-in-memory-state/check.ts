import { defineCheck } from '../../api.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';
import type { MemoryStateFact } from '../../../facts/service-types.js';
import { replicaEvidence } from './replicas.js';

export const noInMemoryState = defineCheck({
  meta: {
    id: 'server/no-in-memory-state',
    stage: 'config',
    description: 'Disallow in-memory sessions and rate limits in an app configured to run as several processes or replicas',
    severity: 'moderate',
    category: 'reliability',
    appliesWhen: 'sessions or rate limits kept in memory',
  },
  appliesTo: (project) => memoryStates(project).length > 0,
  run({ project, report }) {
    const replicas = replicaEvidence(project);
    if (!replicas) return;
    for (const { file, state } of memoryStates(project)) {
      const effect = state.purpose === 'session' ? 'a user logged in on one process is logged out whenever the next request lands on another, and every restart or deploy logs everyone out' : 'each process counts on its own, so the real limit is several times the configured one and resets at every restart';
      report({
        message: `${state.library} keeps ${state.purpose === 'session' ? 'sessions' : 'rate-limit counters'} in this process's memory, but the app runs as several processes (${replicas.what}): ${effect}.`,
        remediation: state.purpose === 'session' ? 'Store sessions in a shared store (Redis: connect-redis, Flask-Session with redis) or use signed cookie sessions.' : 'Give the rate limiter a shared store (Redis: `storage_uri="redis://..."`, `store: new RedisStore(...)`).',
        location: { file, line: state.line, column: state.column },
        related: [{ file: replicas.file, line: replicas.line }],
        fingerprintContent: `${state.library}:${state.purpose}`,
      });
    }
  },
});

function memoryStates(project: Project): Array<{ file: string; state: MemoryStateFact }> {
  return project.allFacts().flatMap((facts) => (isNonProductionPath(facts.path) ? [] : (facts.source?.service?.memoryState ?? []).map((state) => ({ file: facts.path, state }))));
}
