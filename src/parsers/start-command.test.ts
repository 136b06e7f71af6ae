import { describe, expect, it } from 'vitest';
import { parseStartCommand } from './start-command.js';

function targets(command: string): string[] {
  return parseStartCommand(command).targets.map((target) => `${target.kind}:${target.cwd ? `${target.cwd}/` : ''}${target.value}${target.appDir ? ` (dir ${target.appDir})` : ''}`);
}

describe('parseStartCommand', () => {
  it.each([
    ['node server.js', ['file:server.js']],
    ['node --enable-source-maps -r dotenv/config dist/index.js', ['file:dist/index.js']],
    ['node .', ['directory:.']],
    ['node -e "console.log(1)"', []],
    ['python3 -u main.py --verbose', ['file:main.py']],
    ['python -m app.main', ['python-module:app.main']],
    ['python -m uvicorn app.main:app --port 8000', ['app-module:app.main:app']],
    ['uvicorn app.main:app --host 0.0.0.0 --port $PORT --workers 2', ['app-module:app.main:app']],
    ['gunicorn -w 4 -k uvicorn.workers.UvicornWorker --bind 0.0.0.0:$PORT app.main:app', ['app-module:app.main:app']],
    ['gunicorn --chdir src shop.wsgi:application', ['app-module:shop.wsgi:application (dir src)']],
    ['uvicorn --app-dir=backend main:app', ['app-module:main:app (dir backend)']],
    ['cd backend && PORT=8000 exec python main.py', ['file:backend/main.py']],
    ['cd api; npm start', ['npm-script:api/start']],
    ['npm run serve', ['npm-script:serve']],
    ['yarn dev', ['npm-script:dev']],
    ['pnpm install && pnpm build', ['npm-script:build']],
    ['bash scripts/start.sh', ['file:scripts/start.sh']],
    ['./start.sh', ['file:./start.sh']],
    ['sh -c "cd web && node server.js"', ['file:web/server.js']],
    ['streamlit run dashboard.py --server.port $PORT', ['file:dashboard.py']],
    ['python main.py > app.log 2>&1', ['file:main.py']],
    ['exec gunicorn $APP_MODULE', []],
  ])('%s', (command, expected) => {
    expect(targets(command)).toEqual(expected);
  });

  it('collects inline environment assignments', () => {
    expect(parseStartCommand('NODE_ENV=production PORT=3000 node server.js').env).toEqual([
      { name: 'NODE_ENV', value: 'production' },
      { name: 'PORT', value: '3000' },
    ]);
  });

  it('reports the offset of the target in the command', () => {
    const [found] = parseStartCommand('exec python app/main.py').targets;
    expect(found?.offset).toBe('exec python '.length);
  });
});
