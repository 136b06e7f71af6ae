import type { MaskedSource } from '../../../parsers/code/masked-source.js';
import { type JavaScriptStructure, type JsBlock, isFunctionBlock } from '../../../parsers/code/javascript-structure.js';
import type { CodeScope } from '../../code-types.js';

const MAIN_GUARD = /^\s*(?:require\.main\s*===?\s*module|module\s*===?\s*require\.main|import\.meta\.main)\s*$/;

/** Answers "where is this offset" for JS/TS: innermost brace block, function, scope. */
export class JavaScriptScope {
  private readonly mainGuards = new Set<number>();

  constructor(
    readonly masked: MaskedSource,
    readonly structure: JavaScriptStructure,
  ) {
    structure.blocks.forEach((block, index) => {
      if (block.kind !== 'if' || block.parent !== -1 || block.paren === undefined) return;
      const condition = masked.code.slice(block.paren + 1, masked.code.lastIndexOf(')', block.open));
      if (MAIN_GUARD.test(condition)) this.mainGuards.add(index);
    });
  }

  /** Innermost block strictly containing `offset` (between its braces), or -1. */
  blockAt(offset: number): number {
    const blocks = this.structure.blocks;
    let low = 0;
    let high = blocks.length - 1;
    let last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((blocks[mid] as JsBlock).open < offset) {
        last = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    let index = last;
    while (index !== -1 && (blocks[index] as JsBlock).close <= offset) index = (blocks[index] as JsBlock).parent;
    return index;
  }

  block(index: number): JsBlock | undefined {
    return index < 0 ? undefined : this.structure.blocks[index];
  }

  /** The innermost function body containing `offset` (-1 at module level). */
  functionAt(offset: number): number {
    let index = this.blockAt(offset);
    while (index !== -1) {
      const block = this.structure.blocks[index] as JsBlock;
      if (isFunctionBlock(block)) return index;
      index = block.parent;
    }
    return -1;
  }

  scopeAt(offset: number): CodeScope {
    let index = this.blockAt(offset);
    let scope: CodeScope = 'import';
    while (index !== -1) {
      const block = this.structure.blocks[index] as JsBlock;
      if (isFunctionBlock(block)) return 'function';
      if (this.mainGuards.has(index)) scope = 'main';
      index = block.parent;
    }
    return scope;
  }

  functionName(index: number): string {
    return index === -1 ? '' : ((this.structure.blocks[index] as JsBlock).name ?? '');
  }

  /** The class a function is a method of. */
  classOf(index: number): string | undefined {
    const parent = this.block((this.structure.blocks[index] as JsBlock).parent);
    return parent?.kind === 'class' ? parent.name : undefined;
  }
}
