import type { Severity } from '../../model/severity.js';

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  severity(severity: Severity, text: string): string;
}

function wrap(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const identity = (text: string): string => text;

export function createStyle(color: boolean): Style {
  if (!color) return { bold: identity, dim: identity, red: identity, yellow: identity, green: identity, cyan: identity, severity: (_severity, text) => text };
  const red = wrap(31, 39);
  const yellow = wrap(33, 39);
  const bold = wrap(1, 22);
  const dim = wrap(2, 22);
  const cyan = wrap(36, 39);
  return {
    bold,
    dim,
    red,
    yellow,
    green: wrap(32, 39),
    cyan,
    severity: (severity, text) => (severity === 'critical' ? bold(red(text)) : severity === 'moderate' ? yellow(text) : severity === 'low' ? cyan(text) : dim(text)),
  };
}
