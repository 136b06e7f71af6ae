import { defineCheck } from '../../api.js';
import { type BroadKill, broadKill } from '../../../facts/process-kill.js';
import { isNonProductionPath } from '../../../facts/path-roles.js';
import { manifestCommands } from '../../../facts/script-roles.js';
import { parseStartCommand } from '../../../parsers/start-command.js';
import type { Location } from '../../../model/location.js';

export const noBroadKill = defineCheck({
  meta: {
    id: 'shell/no-broad-kill',
    stage: 'scan',
    description: 'Disallow killing processes by name or all at once (pkill -f, killall, kill -9 -1) in scripts and start commands',
    severity: 'moderate',
    category: 'reliability',
  },
  run({ project, report }) {
    const found = (kill: BroadKill, location: Location, where: string): void => {
      report({
        message: `${where} runs \`${kill.command}\`, which kills ${kill.reach}.`,
        remediation: 'Stop only the process you started: keep its PID ($! after starting it, or a pid file) and kill that PID, or let the platform stop and restart the app.',
        location,
        ...(kill.severity === 'critical' ? { severity: 'critical' as const } : {}),
        fingerprintContent: kill.command,
      });
    };
    for (const facts of project.factsOfKind('shell')) {
      if (isNonProductionPath(facts.path)) continue; // test and CI helpers are not deployed
      for (const command of facts.source?.shell?.commands ?? []) {
        const kill = broadKill(command.program, command.args);
        if (kill) found(kill, { file: facts.path, line: command.line, column: command.column }, facts.path);
      }
    }
    for (const declared of manifestCommands(project)) {
      if (isNonProductionPath(declared.file)) continue;
      for (const command of parseStartCommand(declared.command.command).commands) {
        const kill = broadKill(command.program, command.args);
        if (kill) found(kill, { file: declared.file, line: declared.command.line, column: declared.command.column }, `The ${declared.source} command`);
      }
    }
  },
});
