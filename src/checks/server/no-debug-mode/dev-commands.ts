import type { Severity } from '../../../model/severity.js';

/** A development mode switched on by a start command. */
export interface DevCommand {
  what: string;
  severity: Severity;
}

const RULES: Array<[RegExp, string, Severity]> = [
  [/\bflask\b(?=.*\brun\b)(?=.*--(?:debug|reload)(?![\w-]))/, '`flask run` with the debugger/reloader on', 'critical'],
  [/\bFLASK_(?:DEBUG=(?:1|true|True)|ENV=development)\b/, 'Flask debug mode (FLASK_DEBUG/FLASK_ENV)', 'critical'],
  [/\b(?:uvicorn|hypercorn|gunicorn)\b.*\s--reload(?![\w-])/, 'the server with `--reload`', 'moderate'],
  [/\bmanage\.py\s+runserver\b(?!.*--noreload)/, "Django's development server (`runserver`, auto-reload on)", 'moderate'],
  [/\bfastapi\s+dev\b/, '`fastapi dev` (auto-reload on)', 'moderate'],
  [/(?:^|[\s/])(?:nodemon|ts-node-dev|node-dev)\b/, 'a file watcher that restarts the app on changes', 'moderate'],
  [/\bnode\b.*\s--watch\b|\btsx\s+watch\b/, 'Node in watch mode', 'moderate'],
  [/\bnext\s+dev\b/, '`next dev` (the development server)', 'moderate'],
  [/(?:^|[\s/])vite(?![\w.-])(?!\s+(?:build|preview|optimize)\b)/, 'the Vite development server', 'moderate'],
  [/\breact-scripts\s+start\b|\bng\s+serve\b|\bvue-cli-service\s+serve\b/, 'a front-end development server', 'moderate'],
];

/** What development mode a command switches on, if any. */
export function devModeOf(command: string): DevCommand | undefined {
  for (const [pattern, what, severity] of RULES) if (pattern.test(command)) return { what, severity };
  return undefined;
}
