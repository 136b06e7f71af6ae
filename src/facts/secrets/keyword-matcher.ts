/**
 * A single-pass, ASCII case-insensitive multi-keyword matcher (Aho-Corasick compiled to a dense
 * DFA). One table lookup per character, whatever the number of keywords: the secret scanner's
 * prefilter, so that no rule's regex ever runs over a whole file (see PERF-NOTES, "Secrets are the
 * trap"). Measured ~1.5x faster than one combined /gi regex of the same keywords on node_modules.
 */

const ALPHABET = 128;
const OUTPUT_BIT = 1 << 30;
const STATE_MASK = OUTPUT_BIT - 1;

export class KeywordMatcher {
  /** delta[state + char] = nextState * ALPHABET, with OUTPUT_BIT set when a keyword ends there. */
  private readonly delta: Int32Array;
  /** Keywords (indexes into the constructor's list) ending at each state, longest first. */
  private readonly outputs: Array<readonly number[] | undefined>;

  constructor(readonly keywords: readonly string[]) {
    const trie = buildTrie(keywords.map((keyword) => keyword.toLowerCase()));
    const { delta, outputs } = compile(trie);
    this.delta = delta;
    this.outputs = outputs;
  }

  /**
   * Calls `onHit(keywordIndex, end)` for every occurrence of every keyword (case-insensitive),
   * where `end` is the offset just past the match. Non-ASCII characters never match.
   */
  scan(text: string, onHit: (keyword: number, end: number) => void): void {
    const delta = this.delta;
    let state = 0;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      state = code < ALPHABET ? (delta[(state & STATE_MASK) + code] as number) : 0;
      if ((state & OUTPUT_BIT) !== 0) {
        for (const keyword of this.outputs[(state & STATE_MASK) / ALPHABET] ?? []) onHit(keyword, index + 1);
      }
    }
  }
}

interface Trie {
  next: Array<Map<number, number>>;
  /** Keyword indexes that end exactly at each node. */
  ends: number[][];
}

function buildTrie(keywords: readonly string[]): Trie {
  const trie: Trie = { next: [new Map()], ends: [[]] };
  keywords.forEach((keyword, keywordIndex) => {
    let node = 0;
    for (let index = 0; index < keyword.length; index += 1) {
      const code = keyword.charCodeAt(index);
      if (code >= ALPHABET) throw new Error(`keyword ${JSON.stringify(keyword)} is not ASCII`);
      let child = trie.next[node]?.get(code);
      if (child === undefined) {
        child = trie.next.length;
        trie.next.push(new Map());
        trie.ends.push([]);
        trie.next[node]?.set(code, child);
      }
      node = child;
    }
    trie.ends[node]?.push(keywordIndex);
  });
  return trie;
}

/** Breadth-first failure links, then a full transition table with upper case folded onto lower. */
function compile(trie: Trie): { delta: Int32Array; outputs: Array<readonly number[] | undefined> } {
  const count = trie.next.length;
  const goto = new Int32Array(count * ALPHABET);
  const fail = new Int32Array(count);
  const outputs: number[][] = trie.ends.map((ends) => [...ends]);
  const queue: number[] = [];
  for (let code = 0; code < ALPHABET; code += 1) {
    const child = trie.next[0]?.get(code);
    if (child !== undefined) {
      goto[code] = child;
      queue.push(child);
    }
  }
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] as number;
    outputs[node]?.push(...(outputs[fail[node] as number] ?? []));
    for (let code = 0; code < ALPHABET; code += 1) {
      const child = trie.next[node]?.get(code);
      const viaFail = goto[(fail[node] as number) * ALPHABET + code] as number;
      if (child === undefined) {
        goto[node * ALPHABET + code] = viaFail;
      } else {
        fail[child] = viaFail;
        goto[node * ALPHABET + code] = child;
        queue.push(child);
      }
    }
  }
  const delta = new Int32Array(count * ALPHABET);
  for (let node = 0; node < count; node += 1) {
    for (let code = 0; code < ALPHABET; code += 1) {
      const folded = code >= 65 && code <= 90 ? code + 32 : code;
      const target = goto[node * ALPHABET + folded] as number;
      delta[node * ALPHABET + code] = target * ALPHABET + ((outputs[target]?.length ?? 0) > 0 ? OUTPUT_BIT : 0);
    }
  }
  return { delta, outputs: outputs.map((list) => (list.length > 0 ? list : undefined)) };
}
