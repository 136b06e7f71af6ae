/** Token kinds shared by the Python and JS/TS lexers. */
export const TokenKind = {
  Name: 1,
  Number: 2,
  String: 3,
  /** A template literal (JS) or f-string (Python); `value` holds the literal text with each `{...}` part as `{}`. */
  Template: 4,
  Regex: 5,
  Punct: 6,
  /** Python: end of a logical line. */
  Newline: 7,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export interface Token {
  kind: TokenKind;
  /** Source text for names and punctuation; decoded content for strings. */
  value: string;
  start: number;
  end: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  /** Bracket depth ((, [, {) before this token. */
  depth: number;
}

export interface Comment {
  text: string;
  line: number;
  column: number;
  start: number;
}

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
  /** Offsets where each line starts; lineStarts[0] === 0. */
  lineStarts: number[];
  /** Problems met while lexing (unterminated string, unbalanced brackets); lexing always recovers. */
  problems: LexProblem[];
}

export interface LexProblem {
  message: string;
  line: number;
  column: number;
}
