import { posix } from 'node:path';
import type { DockerCommandFacts, DockerfileFacts } from './deployment-manifest-types.js';

/**
 * What the image a Dockerfile builds carries at run time: the final stage and the stages it is
 * built FROM (`FROM base AS final` inherits base's ENV, WORKDIR, CMD), oldest first.
 */
export function finalStageChain(facts: DockerfileFacts): number[] {
  const chain: number[] = [];
  let index = facts.stages.length - 1;
  while (index >= 0 && !chain.includes(index)) {
    chain.unshift(index);
    const image = facts.stages[index]?.image;
    index = facts.stages.findIndex((stage, candidate) => candidate < index && stage.name !== undefined && stage.name === image);
  }
  return chain;
}

/** The command the container runs: ENTRYPOINT (exec form) followed by CMD, as Docker combines them. */
export interface ImageCommand {
  /** The instruction to point at (CMD when there is one, else ENTRYPOINT). */
  at: DockerCommandFacts;
  /** One shell line: what the container runs. */
  command: string;
  /** The CMD alone when an ENTRYPOINT script wraps it (`./entrypoint.sh` + `CMD gunicorn ...`). */
  wrapped?: DockerCommandFacts;
}

export function imageCommand(facts: DockerfileFacts): ImageCommand | undefined {
  const chain = finalStageChain(facts);
  const inChain = facts.commands.filter((command) => chain.includes(command.stage));
  const entrypoint = inChain.filter((command) => command.instruction === 'ENTRYPOINT').at(-1);
  const cmd = inChain.filter((command) => command.instruction === 'CMD').at(-1);
  if (!entrypoint) return cmd ? { at: cmd, command: cmd.command } : undefined;
  // A shell-form ENTRYPOINT ignores CMD.
  if (!cmd || entrypoint.form === 'shell') return { at: entrypoint, command: entrypoint.command };
  return { at: cmd, command: `${entrypoint.command} ${cmd.command}`, wrapped: cmd };
}

/** Variables the image sets: ENV of the final stage chain (later wins), with lines. */
export function imageEnv(facts: DockerfileFacts): DockerfileFacts['env'] {
  const chain = finalStageChain(facts);
  return facts.env.filter((entry) => chain.includes(entry.stage));
}

/** The working directory of the container (absolute, as in the image), '' when none is set. */
export function imageWorkdir(facts: DockerfileFacts): string {
  let workdir = '';
  for (const entry of facts.workdirs.filter((candidate) => finalStageChain(facts).includes(candidate.stage))) {
    workdir = posix.resolve('/', workdir || '/', entry.path);
  }
  return workdir;
}

/**
 * The repo directory (relative to the build context) that ends up at the container's working
 * directory, when the COPY instructions say so plainly (`COPY . .`, `COPY backend/ /app/`).
 * Undefined when they do not: the caller must not guess what the container sees.
 */
export function contextDirAtWorkdir(facts: DockerfileFacts, isDirectory: (contextPath: string) => boolean): string | undefined {
  const chain = finalStageChain(facts);
  const workdir = imageWorkdir(facts) || '/';
  for (const copy of facts.copies.filter((candidate) => chain.includes(candidate.stage) && candidate.from === undefined).reverse()) {
    const destination = posix.resolve(workdir, copy.destination || '.');
    if (destination !== workdir || copy.sources.length !== 1) continue;
    const source = posix.normalize(copy.sources[0] as string).replace(/\/$/, '');
    if (source.includes('*') || source.startsWith('..') || source.startsWith('/')) return undefined;
    if (source === '.') return '';
    // `COPY requirements.txt .` copies a file, not the tree: look further back.
    if (isDirectory(source)) return source;
  }
  return undefined;
}
