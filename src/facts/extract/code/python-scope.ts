import type { MaskedSource } from '../../../parsers/code/masked-source.js';
import type { PyBlock, PyLine, PythonStructure } from '../../../parsers/code/python-structure.js';
import type { CodeScope } from '../../code-types.js';

const MAIN_GUARD = /^if\s+__name__\s*==\s*(['"])__main__\1\s*:?$|^if\s+(['"])__main__\2\s*==\s*__name__\s*:?$/;

/** Answers "where is this offset" for Python: its logical line, innermost block, function, scope. */
export class PythonScope {
  /** Innermost block of each logical line's body (-1: module level). */
  private readonly lineBlock: Int32Array;
  /** Block whose header is each logical line (-1: not a header). */
  private readonly headerBlock: Int32Array;
  private readonly mainGuards = new Set<number>();
  private hint = 0;

  constructor(
    readonly masked: MaskedSource,
    readonly structure: PythonStructure,
  ) {
    const { lines, blocks } = structure;
    this.lineBlock = new Int32Array(lines.length).fill(-1);
    this.headerBlock = new Int32Array(lines.length).fill(-1);
    blocks.forEach((block, index) => {
      this.headerBlock[block.header] = index;
      for (let line = block.header + 1; line <= block.last; line += 1) this.lineBlock[line] = index;
      if (block.kind === 'if' && block.parent === -1 && MAIN_GUARD.test(headerText(masked.text, block))) this.mainGuards.add(index);
    });
  }

  get hasMainGuard(): boolean {
    return this.mainGuards.size > 0;
  }

  /** Index of the logical line containing `offset` (the last one starting at or before it). */
  lineIndexAt(offset: number): number {
    const lines = this.structure.lines;
    // Queries mostly come in ascending order: walk forward from the last answer.
    let index = this.hint;
    if (index < lines.length && (lines[index] as PyLine).start <= offset) {
      while (index + 1 < lines.length && (lines[index + 1] as PyLine).start <= offset) index += 1;
      this.hint = index;
      return index;
    }
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lines[mid] as PyLine).start <= offset) low = mid;
      else high = mid - 1;
    }
    this.hint = low;
    return low;
  }

  /** Innermost block whose body contains `offset`, or -1. */
  blockAt(offset: number): number {
    const lineIndex = this.lineIndexAt(offset);
    // A one-line body (`while True: pass`) sits on its header's line, after the colon.
    const header = this.headerBlock[lineIndex] ?? -1;
    const candidate = this.structure.blocks[header];
    if (candidate?.isInline && offset > candidate.colon) return header;
    return this.lineBlock[lineIndex] ?? -1;
  }

  block(index: number): PyBlock | undefined {
    return index < 0 ? undefined : this.structure.blocks[index];
  }

  /** The innermost `def` containing `offset` (-1 at module level). Class bodies are not functions. */
  functionAt(offset: number): number {
    return this.ancestorOfKind(this.blockAt(offset), 'def');
  }

  ancestorOfKind(start: number, kind: string): number {
    let index = start;
    while (index !== -1) {
      const block = this.structure.blocks[index] as PyBlock;
      if (block.kind === kind) return index;
      index = block.parent;
    }
    return -1;
  }

  /** Runs at import, under the `__main__` guard, or inside a function. */
  scopeAt(offset: number): CodeScope {
    let index = this.blockAt(offset);
    let scope: CodeScope = 'import';
    while (index !== -1) {
      const block = this.structure.blocks[index] as PyBlock;
      if (block.kind === 'def') return 'function';
      if (this.mainGuards.has(index)) scope = 'main';
      index = block.parent;
    }
    return scope;
  }

  functionName(functionIndex: number): string {
    if (functionIndex === -1) return '';
    return defName(this.masked.code, this.structure.blocks[functionIndex] as PyBlock);
  }

  /** The headers (`except (KeyError, ValueError):`) of the `except` clauses that follow the `try` block at `tryIndex`. */
  exceptHeaders(tryIndex: number): string[] {
    const { blocks } = this.structure;
    const tried = blocks[tryIndex] as PyBlock;
    const headers: string[] = [];
    for (let index = tryIndex + 1; index < blocks.length; index += 1) {
      const block = blocks[index] as PyBlock;
      // Blocks nested in the try body or in a handler are not clauses of this try.
      if (block.parent !== tried.parent || block.indent !== tried.indent) continue;
      if (block.kind !== 'except') break;
      headers.push(this.masked.code.slice(block.start, block.colon + 1).replace(/\s+/g, ' '));
    }
    return headers;
  }

  /** Is `inner` the block `outer` or inside it? */
  isWithin(inner: number, outer: number): boolean {
    let index = inner;
    while (index !== -1) {
      if (index === outer) return true;
      index = (this.structure.blocks[index] as PyBlock).parent;
    }
    return false;
  }
}

export function headerText(text: string, block: PyBlock): string {
  return text.slice(block.start, block.colon + 1).replace(/\s+/g, ' ').trim();
}

export function defName(code: string, block: PyBlock): string {
  return /\bdef\s+([A-Za-z_]\w*)/.exec(code.slice(block.start, block.colon))?.[1] ?? '';
}

export function className(code: string, block: PyBlock): string {
  return /\bclass\s+([A-Za-z_]\w*)/.exec(code.slice(block.start, block.colon))?.[1] ?? '';
}
