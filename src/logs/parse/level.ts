import type { EventLevel } from '../event.js';

/** A level that is not a failure (debug, info, warning...). */
export type QuietLevel = 'quiet';
export type Level = EventLevel | QuietLevel;

const WORDS: Record<string, Level> = {
  trace: 'quiet',
  debug: 'quiet',
  verbose: 'quiet',
  silly: 'quiet',
  info: 'quiet',
  notice: 'quiet',
  warn: 'quiet',
  warning: 'quiet',
  error: 'error',
  err: 'error',
  exception: 'error',
  severe: 'error',
  critical: 'critical',
  crit: 'critical',
  alert: 'critical',
  emerg: 'critical',
  emergency: 'critical',
  fatal: 'fatal',
  panic: 'fatal',
};

/** Level words in their usual upper-case spelling, for the line formats (`ERROR`, `CRITICAL`...). */
export const LEVEL_PATTERN = 'TRACE|DEBUG|INFO|NOTICE|WARNING|WARN|ERROR|ERR|EXCEPTION|SEVERE|CRITICAL|CRIT|ALERT|EMERG|EMERGENCY|FATAL|PANIC';

/** `ERROR` / `error` / `Error` -> error; unknown words -> undefined. */
export function levelFromWord(word: string): Level | undefined {
  return WORDS[word.toLowerCase()];
}

/** A numeric level: pino/bunyan (10..60) or syslog/journald priority (0..7). */
export function levelFromNumber(value: number, scale: 'pino' | 'syslog'): Level {
  if (scale === 'syslog') return value <= 2 ? 'critical' : value === 3 ? 'error' : 'quiet';
  return value >= 60 ? 'fatal' : value >= 50 ? 'error' : 'quiet';
}

export function isFailureLevel(level: Level | undefined): level is EventLevel {
  return level !== undefined && level !== 'quiet';
}
