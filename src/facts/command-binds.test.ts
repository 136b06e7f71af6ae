import { describe, expect, it } from 'vitest';
import { commandBinds } from './command-binds.js';
import type { BindValue } from './types.js';

function show(value: BindValue | undefined): string {
  if (!value) return '-';
  if (value.kind === 'literal') return value.value;
  return value.kind === 'env' ? `$${value.name}${value.fallback !== undefined ? `|${value.fallback}` : ''}` : `?${value.text}`;
}

describe('commandBinds', () => {
  it.each([
    ['uvicorn app.main:app --host 0.0.0.0 --port $PORT', 'uvicorn host=0.0.0.0 port=$PORT defaults=127.0.0.1:8000'],
    ['uvicorn app.main:app', 'uvicorn host=- port=- defaults=127.0.0.1:8000'],
    ['python -m uvicorn main:app --port=8001', 'uvicorn host=- port=8001 defaults=127.0.0.1:8000'],
    ['gunicorn -w 2 -b 0.0.0.0:${PORT:-8000} app:app', 'gunicorn host=0.0.0.0 port=$PORT|8000 defaults=127.0.0.1:8000 reads-PORT'],
    ['gunicorn --bind=:8000 wsgi', 'gunicorn host=0.0.0.0 port=8000 defaults=127.0.0.1:8000 reads-PORT'],
    ['gunicorn --bind unix:/run/app.sock wsgi', 'gunicorn host=- port=- defaults=127.0.0.1:8000 reads-PORT'],
    ['gunicorn -c gunicorn.conf.py app:app', 'gunicorn host=- port=- defaults=127.0.0.1:8000 reads-PORT config'],
    ['hypercorn -b [::]:8000 app:app', 'hypercorn host=:: port=8000 defaults=127.0.0.1:8000'],
    ['daphne -b 0.0.0.0 -p 8001 project.asgi:application', 'daphne host=0.0.0.0 port=8001 defaults=127.0.0.1:8000'],
    ['waitress-serve --listen=*:8080 app:app', 'waitress-serve host=* port=8080 defaults=0.0.0.0:8080'],
    ['flask run --host=0.0.0.0', 'flask run host=0.0.0.0 port=- defaults=127.0.0.1:5000'],
    ['python -m flask run -p 5001', 'flask run host=- port=5001 defaults=127.0.0.1:5000'],
    ['flask --app shop run --port 5000', 'flask run host=- port=5000 defaults=127.0.0.1:5000'],
    ['python manage.py runserver 0.0.0.0:8000', 'manage.py runserver host=0.0.0.0 port=8000 defaults=127.0.0.1:8000'],
    ['python3 -m http.server 9000 --bind 127.0.0.1', 'http.server host=127.0.0.1 port=9000 defaults=0.0.0.0:8000'],
    ['streamlit run dashboard.py --server.port $PORT --server.address 0.0.0.0', 'streamlit run host=0.0.0.0 port=$PORT defaults=0.0.0.0:8501'],
    ['fastapi run app/main.py --port 80', 'fastapi run host=- port=80 defaults=0.0.0.0:8000'],
    ['fastapi dev main.py', 'fastapi dev host=- port=- defaults=127.0.0.1:8000'],
    ['npx next start -p 3001', 'next start host=- port=3001 defaults=0.0.0.0:3000 reads-PORT'],
    ['vite preview --host --port 4173', 'vite preview host=0.0.0.0 port=4173 defaults=127.0.0.1:4173'],
    ['poetry run uvicorn api:app --port 9000', 'uvicorn host=- port=9000 defaults=127.0.0.1:8000'],
    ['cd api && exec sh -c "gunicorn -b 0.0.0.0:$PORT app:app"', 'gunicorn host=0.0.0.0 port=$PORT defaults=127.0.0.1:8000 reads-PORT'],
  ])('%s', (command, expected) => {
    const bind = commandBinds(command);
    expect(bind && `${bind.server} host=${show(bind.host)} port=${show(bind.port)} defaults=${bind.defaultHost}:${bind.defaultPort}${bind.readsPortEnv ? ' reads-PORT' : ''}${bind.hasConfigFile ? ' config' : ''}`).toBe(expected);
  });

  it.each(['node server.js', 'python main.py', 'npm start', 'celery -A app worker'])('finds no server in %s', (command) => {
    expect(commandBinds(command)).toBeUndefined();
  });
});
