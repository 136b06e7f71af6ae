import { envContract } from '../../../facts/env-contract.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import type { Project } from '../../../facts/project.js';
import { deploymentCommands } from '../../../facts/service/deployment-commands.js';

/** Why the app runs as several processes, and where that is configured. */
export interface Replicas {
  what: string;
  file: string;
  line: number;
}

const WORKER_FLAG = /\b(?:gunicorn|uvicorn|hypercorn|granian)\b.*?(?:\s-w\s*|\s--workers[=\s]+)(\d+|\$\{?WEB_CONCURRENCY\}?)/;
const PM2_CLUSTER = /\bpm2(?:-runtime)?\b.*\s(?:-i|--instances)\s+(max|-?\d+)/;

/** Evidence that the app runs as more than one process: worker flags, WEB_CONCURRENCY, pm2 cluster mode, node:cluster. */
export function replicaEvidence(project: Project): Replicas | undefined {
  const concurrency = webConcurrency(project);
  for (const command of deploymentCommands(project)) {
    if (command.kind !== 'start') continue;
    const workers = WORKER_FLAG.exec(command.command)?.[1];
    const count = workers?.startsWith('$') ? concurrency?.value : workers !== undefined ? Number(workers) : undefined;
    if (count !== undefined && count > 1) return { what: `${count} workers (${command.source})`, file: command.file, line: command.line };
    const pm2 = PM2_CLUSTER.exec(command.command)?.[1];
    if (pm2 && pm2 !== '1') return { what: `pm2 cluster mode with ${pm2} instances (${command.source})`, file: command.file, line: command.line };
  }
  if (concurrency && concurrency.value > 1) return { what: `WEB_CONCURRENCY=${concurrency.value}`, file: concurrency.file, line: concurrency.line };
  for (const facts of project.allFacts()) {
    if (isNonProductionPath(facts.path)) continue;
    const cluster = facts.source?.code?.imports.find((entry) => entry.module === 'cluster' || entry.module === 'node:cluster' || entry.module === 'throng');
    if (cluster) return { what: `node cluster workers (${facts.path} imports ${cluster.module})`, file: facts.path, line: cluster.line };
  }
  return undefined;
}

function webConcurrency(project: Project): { value: number; file: string; line: number } | undefined {
  const variable = envContract(project).variables.find((candidate) => candidate.name === 'WEB_CONCURRENCY');
  const provision = variable?.provided.find((candidate) => candidate.value !== undefined && /^\d+$/.test(candidate.value));
  return provision ? { value: Number(provision.value), file: provision.file, line: provision.line } : undefined;
}
