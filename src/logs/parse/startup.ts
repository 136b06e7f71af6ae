/**
 * Lines a server prints once per start. They delimit runs in logs without timestamps, so "recent"
 * can mean "the last few runs" there.
 */
const STARTUP = [
  /^Started server process \[\d+\]/, // uvicorn
  /^Starting gunicorn \d/,
  /^\* Serving Flask app/,
  /^Starting development server at /, // Django
  /^spawned: '[^']+' with pid \d+/, // supervisord
  /^celery@\S+ ready\.?$/,
  // Node and friends: "Server listening on port 3000", "Listening on http://0.0.0.0:8080"
  /\b(?:listening|running|started|serving)\b.{0,20}?\b(?:on|at)\b.{0,12}?(?:port \d+|https?:\/\/|:\d{2,5}\b)/i,
];

const ANY_STARTUP = new RegExp(STARTUP.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');
// Every startup line has one of these words; most lines have none, and skip the regex.
const HINT = /tart|erving|pawned|isten|unning|ready/;

export function isStartupLine(message: string): boolean {
  return message.length <= 200 && HINT.test(message) && ANY_STARTUP.test(message);
}
