import { LEVEL_PATTERN, type Level, levelFromWord } from './level.js';

/** What the prefix of a log line says: its level, who wrote it, and the message after it. */
export interface LogHeader {
  level: Level;
  logger?: string;
  message: string;
  isWarning?: boolean;
}

const L = `(${LEVEL_PATTERN})`;
const NAME = '([A-Za-z_][\\w.]*)';

interface HeaderFormat {
  /** What the text can start with: U upper-case letter, l lower-case, or the character itself. Skips hopeless patterns. */
  starts: string;
  pattern: RegExp;
  /** Capture group of the level, of the logger (0: none) and of the message. */
  level: number;
  logger: number;
  message: number;
}

/**
 * Python logging's default and common custom formats, uvicorn, gunicorn, Flask, Celery, loguru,
 * winston's `simple`, and plain `[LEVEL] message` lines, tried in order on the text after the
 * timestamp. The first that matches wins.
 */
const FORMATS: HeaderFormat[] = [
  // loguru: | ERROR    | app.payments:charge:42 - message
  { starts: '|', pattern: new RegExp(`^\\|\\s*${L}\\s*\\|\\s*([\\w.<>]+):[\\w<>]+:\\d+ - (.*)$`), level: 1, logger: 2, message: 3 },
  // celery: [2024-...: ERROR/ForkPoolWorker-1] message (after the timestamp)
  { starts: ':', pattern: new RegExp(`^:\\s*${L}\\/[\\w-]+\\]\\s?(.*)$`), level: 1, logger: 0, message: 2 },
  // gunicorn: [12] [ERROR] message
  { starts: '[', pattern: new RegExp(`^\\[\\d+\\] \\[${L}\\] (.*)$`), level: 1, logger: 0, message: 2 },
  // python basicConfig: ERROR:app.payments:message
  { starts: 'U', pattern: new RegExp(`^${L}:${NAME}:(.*)$`), level: 1, logger: 2, message: 3 },
  // uvicorn: ERROR:    message
  { starts: 'U', pattern: new RegExp(`^${L}:\\s+(.*)$`), level: 1, logger: 0, message: 2 },
  // %(name)s - %(levelname)s - %(message)s
  { starts: '-lU_', pattern: new RegExp(`^(?:-\\s+)?${NAME}\\s+-\\s+${L}\\s+-\\s+(.*)$`), level: 2, logger: 1, message: 3 },
  // %(levelname)s - %(name)s - %(message)s
  { starts: '-U', pattern: new RegExp(`^(?:-\\s+)?${L}\\s+-\\s+${NAME}\\s+-\\s+(.*)$`), level: 1, logger: 2, message: 3 },
  // Flask: ERROR in payments: message
  { starts: '[U', pattern: new RegExp(`^\\[?${L}\\]?\\s+in\\s+${NAME}:\\s+(.*)$`), level: 1, logger: 2, message: 3 },
  // [ERROR] app.payments: message / ERROR app.payments: message / ERROR [app.payments] message
  { starts: '[U', pattern: new RegExp(`^\\[?${L}\\]?\\s+([a-z_][\\w.]*):\\s+(.*)$`), level: 1, logger: 2, message: 3 },
  { starts: '[U', pattern: new RegExp(`^\\[?${L}\\]?\\s+\\[([\\w.-]+)\\]:?\\s+(.*)$`), level: 1, logger: 2, message: 3 },
  // app.payments ERROR message / app.payments: ERROR message / [app.payments] ERROR message
  { starts: '[l_', pattern: new RegExp(`^\\[?([a-z_][\\w.]*)\\]?:?\\s+\\[?${L}\\]?:?\\s+(.*)$`), level: 2, logger: 1, message: 3 },
  // Node: FATAL ERROR: Reached heap limit ...
  { starts: 'U', pattern: /^(FATAL) ERROR:\s*(.*)$/, level: 1, logger: 0, message: 2 },
  // [ERROR] message / ERROR: message / ERROR - message / ERROR message
  { starts: '[<U', pattern: new RegExp(`^[[<]?${L}[\\]>]?(?::|\\s+-|\\s|$)\\s*(.*)$`), level: 1, logger: 0, message: 2 },
  // winston simple: error: message
  { starts: 'l', pattern: /^(error|warn|info|debug|verbose|fatal|critical):\s(.*)$/, level: 1, logger: 0, message: 2 },
];

/** Level words a line may carry a few tokens in (`web.1 12 ERROR ...`): the first one found decides. */
const TOKEN_LEVEL = new RegExp(`^[[(<|]*(${LEVEL_PATTERN})[\\])>|:]*$`);

/** The header of a line (after its timestamp), or undefined when it names no level. */
export function parseHeader(rest: string): LogHeader | undefined {
  const first = startClass(rest.charCodeAt(0));
  for (const format of FORMATS) {
    if (!format.starts.includes(first)) continue;
    const match = format.pattern.exec(rest);
    if (!match) continue;
    const level = levelFromWord(match[format.level] ?? '');
    if (level === undefined) continue;
    const header: LogHeader = { level, message: (match[format.message] ?? '').trim() };
    if (/^warn/i.test(match[format.level] ?? '')) header.isWarning = true;
    const logger = format.logger > 0 ? match[format.logger] : undefined;
    if (logger && logger !== 'root') header.logger = logger;
    return header;
  }
  return levelAmongFirstTokens(rest);
}

function startClass(code: number): string {
  if (code >= 65 && code <= 90) return 'U';
  if (code >= 97 && code <= 122) return 'l';
  return Number.isNaN(code) ? '' : String.fromCharCode(code);
}

function levelAmongFirstTokens(rest: string): LogHeader | undefined {
  const tokens = rest.split(/\s+/, 5);
  let offset = 0;
  for (let index = 0; index < Math.min(tokens.length, 4); index += 1) {
    const token = tokens[index] as string;
    const match = TOKEN_LEVEL.exec(token);
    offset = rest.indexOf(token, offset) + token.length;
    if (!match) continue;
    const level = levelFromWord(match[1] ?? '');
    if (level === undefined) continue;
    const header: LogHeader = { level, message: rest.slice(offset).replace(/^[\s:-]+/, '') };
    if (/^warn/i.test(match[1] ?? '')) header.isWarning = true;
    return header;
  }
  return undefined;
}
