import type { DockerfileFacts } from '../../facts/deployment-manifest-types.js';
import { isNonProductionPath } from '../../facts/path-roles.js';
import type { Project } from '../../facts/project.js';

/** Dockerfiles that build what is deployed (not the ones under tests, docs or examples). */
export function productionDockerfiles(project: Project): Array<{ file: string; facts: DockerfileFacts }> {
  return project
    .manifests('dockerfile')
    .filter(({ file }) => !isNonProductionPath(file.path))
    .map(({ file, manifest }) => ({ file: file.path, facts: manifest }));
}

export const DOCKERFILE_APPLIES = 'a Dockerfile';
