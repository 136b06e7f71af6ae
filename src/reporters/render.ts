import type { Report } from '../model/report.js';
import { renderHtml } from './html/render.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown/render.js';
import { renderSarif } from './sarif.js';
import { renderTerminal } from './terminal/render.js';

export const FORMATS = ['terminal', 'markdown', 'json', 'sarif', 'junit', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color?: boolean;
  maxFindings?: number;
}

/** One entry point for every format; each renderer is a pure (report, options) -> string. */
export function renderReport(format: Format, report: Report, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'sarif':
      return renderSarif(report);
    case 'junit':
      return renderJunit(report);
    case 'html':
      return renderHtml(report);
    default:
      return renderTerminal(report, options);
  }
}
