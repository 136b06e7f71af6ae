import { type Node, type ParseError, findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import { computeLineStarts } from './lexer/line-index.js';
import { type ParseProblem, positionAt } from './positioned.js';

export interface JsonDocument {
  /** The parsed value (undefined when the document is unusable). */
  data: unknown;
  problems: ParseProblem[];
  /** 1-based line and column of the value at a property path, when it exists. */
  positionOf(path: ReadonlyArray<string | number>): { line: number; column: number } | undefined;
}

/**
 * Parses JSON (comments and trailing commas tolerated, as tsconfig-style files need) and keeps the
 * tree so values can be located. Syntax errors become problems with positions; never throws.
 */
export function parseJson(text: string): JsonDocument {
  const errors: ParseError[] = [];
  const lineStarts = computeLineStarts(text);
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    // The parser recurses; a pathologically deep document must not take the audit down.
    return { data: undefined, problems: [{ message: 'JSON nested too deeply to parse', line: 1 }], positionOf: () => undefined };
  }
  const problems: ParseProblem[] = errors.slice(0, 5).map((error) => ({
    message: `JSON syntax error: ${printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`,
    ...positionAt(lineStarts, error.offset),
  }));
  const data = tree ? nodeValue(tree) : undefined;
  return {
    data,
    problems,
    positionOf(path) {
      if (!tree) return undefined;
      const node = findNodeAtLocation(tree, [...path]);
      return node ? positionAt(lineStarts, node.offset) : undefined;
    },
  };
}

/** Converts a jsonc-parser node to a plain value without recursion (deep documents cannot overflow). */
function nodeValue(root: Node): unknown {
  const results = new Map<Node, unknown>();
  const stack: Array<{ node: Node; visited: boolean }> = [{ node: root, visited: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: Node; visited: boolean };
    const { node } = top;
    const children = node.type === 'object' || node.type === 'array' ? (node.children ?? []) : [];
    if (!top.visited && children.length > 0) {
      top.visited = true;
      for (const child of children) {
        const valueNode = node.type === 'object' ? child.children?.[1] : child;
        if (valueNode) stack.push({ node: valueNode, visited: false });
      }
      continue;
    }
    stack.pop();
    if (node.type === 'object') {
      const object: Record<string, unknown> = {};
      for (const property of children) {
        const [keyNode, valueNode] = property.children ?? [];
        if (keyNode && valueNode) {
          Object.defineProperty(object, String(keyNode.value), {
            value: results.get(valueNode),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      results.set(node, object);
    } else if (node.type === 'array') {
      results.set(node, children.map((child) => results.get(child)));
    } else {
      results.set(node, node.value);
    }
  }
  return results.get(root);
}
