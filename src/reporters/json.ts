import type { Report } from '../model/report.js';

/** The machine-readable report (see schemas/report.schema.json). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
