import { describe, expect, it } from 'vitest';
import { broadKill } from './process-kill.js';

const judge = (command: string): string | undefined => {
  const [program = '', ...args] = command.split(' ');
  const kill = broadKill(program, args);
  return kill && `${kill.severity}: ${kill.command}`;
};

describe('broadKill', () => {
  it.each([
    ['pkill -f gunicorn', 'moderate: pkill -f gunicorn'],
    ['pkill -9f node', 'moderate: pkill -9f node'],
    ['pkill node', 'moderate: pkill node'],
    ['killall -9 python3', 'moderate: killall -9 python3'],
    ['killall5 -9', 'critical: killall5 -9'],
    ['kill -9 -1', 'critical: kill -9 -1'],
    ['kill -s KILL -1', 'critical: kill -s KILL -1'],
    ['kill -- -1', 'critical: kill -- -1'],
    ['sudo sudo pkill -f app', 'moderate: pkill -f app'],
  ])('flags %s', (command, expected) => {
    expect(judge(command)).toBe(expected);
  });

  it.each(['kill 1234', 'kill -TERM $pid', 'kill -1 $pid', 'kill -1', 'kill 0', 'kill %1', 'pkill -P $$', 'pkill --parent=42 node', 'pgrep -f node', 'sudo'])('leaves %s alone', (command) => {
    expect(judge(command)).toBeUndefined();
  });
});
