import { escapeHtml } from './escape.js';

/** Layers left to right, the way a request travels: what users see, how it is routed, then logic and state. */
export const LAYER_ORDER = ['ui', 'routing', 'auth', 'logic', 'automation', 'data', 'memory'];

/** One labelled box of the graph, placed on a grid of columns and rows. */
export interface Box {
  key: string;
  label: string;
  title: string;
  /** Space-separated CSS classes (fixed words, never report text). */
  classes: string;
  column: number;
  row: number;
  /** Drawn above the box: the layer's title on the first box of a layer. */
  header?: string;
}

export type EdgeKind = 'load' | 'lazy' | 'type' | 'cycle' | 'violation';

const BOX_WIDTH = 230;
const BOX_HEIGHT = 22;
const ROW_HEIGHT = 30;
const COLUMN_GAP = 70;
const TOP = 34;
const LEFT = 10;
const CHAR_WIDTH = 7;

function boxX(box: Box): number {
  return LEFT + box.column * (BOX_WIDTH + COLUMN_GAP);
}

function boxY(box: Box): number {
  return TOP + box.row * ROW_HEIGHT;
}

/** A path from one box to another: right side to left side, or a loop on the right within a column. */
export function drawEdge(from: Box, to: Box, kind: EdgeKind, title: string): string {
  const y1 = boxY(from) + BOX_HEIGHT / 2;
  const y2 = boxY(to) + BOX_HEIGHT / 2;
  let d: string;
  if (from.column === to.column) {
    const x = boxX(from) + BOX_WIDTH;
    d = `M${x} ${y1} C${x + 45} ${y1} ${x + 45} ${y2} ${x} ${y2}`;
  } else if (from.column < to.column) {
    const x1 = boxX(from) + BOX_WIDTH;
    const x2 = boxX(to);
    d = `M${x1} ${y1} C${x1 + 40} ${y1} ${x2 - 40} ${y2} ${x2} ${y2}`;
  } else {
    const x1 = boxX(from);
    const x2 = boxX(to) + BOX_WIDTH;
    d = `M${x1} ${y1} C${x1 - 40} ${y1} ${x2 + 40} ${y2} ${x2} ${y2}`;
  }
  const marker = kind === 'cycle' || kind === 'violation' ? 'arrow-red' : 'arrow';
  return `<path class="edge ${kind}" d="${d}" marker-end="url(#${marker})"><title>${escapeHtml(title)}</title></path>`;
}

export function drawBoxes(boxes: readonly Box[]): string[] {
  const out: string[] = [];
  for (const box of boxes) {
    const x = boxX(box);
    const y = boxY(box);
    if (box.header !== undefined) out.push(`<text class="layer-title" x="${x}" y="${y - 10}">${escapeHtml(box.header)}</text>`);
    out.push(`<g class="node ${box.classes}" data-key="${escapeHtml(box.key)}"><title>${escapeHtml(box.title)}</title><rect x="${x}" y="${y}" width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="4"/><text x="${x + 6}" y="${y + 15}">${escapeHtml(fit(box.label))}</text></g>`);
  }
  return out;
}

/** The whole <svg>: edges under boxes, sized to its grid. */
export function svgDocument(boxes: readonly Box[], edges: readonly string[], label: string): string {
  const columns = Math.max(1, ...boxes.map((box) => box.column + 1));
  const rows = Math.max(1, ...boxes.map((box) => box.row + 1));
  const width = LEFT * 2 + columns * BOX_WIDTH + (columns - 1) * COLUMN_GAP + 50;
  const height = TOP + rows * ROW_HEIGHT + 10;
  const defs = '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrowhead"/></marker><marker id="arrow-red" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrowhead red"/></marker></defs>';
  return [`<svg class="graph" role="img" aria-label="${escapeHtml(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`, defs, '<g class="edges">', ...edges, '</g>', '<g class="nodes">', ...drawBoxes(boxes), '</g>', '</svg>'].join('\n');
}

/** Long paths keep their tail (the file name), which tells modules apart. */
function fit(label: string): string {
  const max = Math.floor((BOX_WIDTH - 12) / CHAR_WIDTH);
  return label.length <= max ? label : `…${label.slice(label.length - max + 1)}`;
}
