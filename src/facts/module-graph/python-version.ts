import type { Project } from '../project.js';

/**
 * The Python 3 minor version the app will run on, when the project pins one exactly
 * (runtime.txt, .python-version); undefined otherwise (ranges like `>=3.9` pin nothing).
 */
export function pythonMinorVersion(project: Project): number | undefined {
  return project.derive('python-minor-version', () => {
    for (const { manifest } of project.manifests('python-dependencies')) {
      if (manifest.format !== 'runtime' || !manifest.pythonVersion) continue;
      const match = /(?:^|python-?)3\.(\d+)/.exec(manifest.pythonVersion.trim());
      if (match) return Number(match[1]);
    }
    return undefined;
  });
}
