import { type Document, LineCounter, type Node, type Pair, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { ParseProblem } from './positioned.js';

export interface YamlDocument {
  /** The first document as plain data (undefined when it cannot be used). */
  data: unknown;
  problems: ParseProblem[];
  /** 1-based position of a map key or sequence item at a path, when it is written in the file. */
  positionOf(path: ReadonlyArray<string | number>): { line: number; column: number } | undefined;
}

const MAX_ALIASES = 100;
const MAX_PROBLEMS = 5;

/**
 * Parses YAML with the `yaml` package (merge keys on, as compose files use them), keeping the node
 * tree to locate keys. Syntax errors, duplicate keys and alias bombs become problems; never throws.
 */
export function parseYaml(text: string): YamlDocument {
  const lineCounter = new LineCounter();
  const none: YamlDocument = { data: undefined, problems: [], positionOf: () => undefined };
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, merge: true, prettyErrors: false }) as Document.Parsed[];
  } catch (error) {
    return { ...none, problems: [{ message: `cannot parse YAML: ${describe(error)}`, line: 1 }] };
  }
  if (!Array.isArray(documents)) return { ...none, problems: [{ message: 'cannot parse YAML', line: 1 }] };
  const document = documents[0];
  if (!document) return none;
  const problems: ParseProblem[] = document.errors.slice(0, MAX_PROBLEMS).map((error) => {
    const position = lineCounter.linePos(error.pos[0]);
    return { message: `YAML syntax error: ${firstLine(error.message)}`, line: position.line, column: position.col };
  });
  if (documents.length > 1) {
    const second = documents[1]?.range[0] ?? 0;
    problems.push({ message: 'the file holds several YAML documents; only the first is read', line: lineCounter.linePos(second).line });
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    problems.push({ message: `cannot read YAML: ${describe(error)}`, line: 1 });
  }
  return {
    data,
    problems,
    positionOf(path) {
      const offset = offsetOf(document.contents, path);
      if (offset === undefined) return undefined;
      const position = lineCounter.linePos(offset);
      return { line: position.line, column: position.col };
    },
  };
}

/** Offset of the key (maps) or item (sequences) at `path`, walking the node tree without recursion. */
function offsetOf(root: Node | null, path: ReadonlyArray<string | number>): number | undefined {
  let node: unknown = root;
  let offset: number | undefined = root?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return undefined;
      offset = (pair.key as Node).range?.[0];
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) return undefined;
      offset = item.range?.[0];
      node = item;
    } else {
      return undefined;
    }
  }
  return offset;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}

function describe(error: unknown): string {
  return error instanceof Error ? firstLine(error.message) : String(error);
}
