import type { SimulationEvidence } from '../../facts/evidence/evidence.js';
import type { Project } from '../../facts/project.js';
import type { Location } from '../../model/location.js';

/** The runtime checks apply when the simulation ran; under --static the engine skips them first. */
export const SIMULATION_RAN = 'the app started in the sandbox (the simulation was skipped)';

export function simulationOf(project: Project): SimulationEvidence | undefined {
  return project.evidence.simulation;
}

/** Where a runtime finding points when nothing more precise is known: the start command's declaration. */
export function startLocation(project: Project, evidence: SimulationEvidence): Location {
  if (evidence.plan?.location) return evidence.plan.location;
  const config = ['.liveready.yaml', '.liveready.yml', '.liveready.json'].find((path) => project.hasFile(path));
  return { file: config ?? '.liveready.yaml', line: 1 };
}
