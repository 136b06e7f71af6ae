/**
 * Commands that kill processes by name or by "everything", instead of by the PID the script
 * started: shared by the shell-script checks and anything that reads start commands.
 */

export interface BroadKill {
  /** `pkill -f node`, `killall python`, `kill -9 -1`. */
  command: string;
  /** What it really hits, and what follows. */
  reach: string;
  severity: 'critical' | 'moderate';
}

/** Judges one simple command (program and arguments, prefixes such as sudo already removed or not). */
export function broadKill(commandProgram: string, commandArgs: readonly string[]): BroadKill | undefined {
  let program = commandProgram;
  let args = commandArgs;
  while ((program === 'sudo' || program === 'command' || program === 'exec') && args[0] !== undefined) {
    program = args[0];
    args = args.slice(1);
  }
  const command = [program, ...args.map((arg) => (/\s/.test(arg) ? `"${arg}"` : arg))].join(' ').slice(0, 80);
  if (program === 'killall5') return { command, reach: "every process on the machine but its own session: the platform's agent and the app's other processes go down with it", severity: 'critical' };
  if (program === 'pkill') {
    if (args.some((arg) => arg === '-P' || arg === '--parent' || arg.startsWith('--parent='))) return undefined;
    const pattern = args.filter((arg) => !arg.startsWith('-')).pop() ?? '';
    const isFull = args.some((arg) => /^-[a-zA-Z]*f/.test(arg) || arg === '--full');
    const reach = isFull ? `every process whose command line contains "${pattern}"` : `every process whose name matches "${pattern}"`;
    return { command, reach: `${reach}, whoever started it: on a shared host or a workspace, other apps, the platform's tooling and this script itself${isFull ? '' : ' (if its name matches)'} can die with it`, severity: 'moderate' };
  }
  if (program === 'killall') {
    const name = args.filter((arg) => !arg.startsWith('-')).pop() ?? '';
    return { command, reach: `every process named "${name}", whoever started it: on a shared host or a workspace, other apps and the platform's own tooling die with it`, severity: 'moderate' };
  }
  if (program === 'kill' && killTargets(args).includes('-1')) {
    return { command, reach: "every process the user may signal: the platform's agent, this shell and every other process of the app go down with it", severity: 'critical' };
  }
  return undefined;
}

/** The PIDs of `kill [-s SIG | -SIG | -n N] [--] pid...`: `-1` after the signal is "all processes". */
function killTargets(args: readonly string[]): string[] {
  let index = 0;
  if (args[0] === '-s' || args[0] === '-n') index = 2;
  else if (args[0] !== undefined && args[0].startsWith('-') && args[0] !== '--') index = 1;
  if (args[index] === '--') index += 1;
  return args.slice(index);
}
