import { describe, expect, it } from 'vitest';
import type { SourceLanguage } from '../../model/file-kind.js';
import type { BindValue, ListenFact } from '../types.js';
import { extractSourceFacts } from './source.js';

function show(value: BindValue | undefined): string {
  if (!value) return '-';
  if (value.kind === 'literal') return value.value;
  if (value.kind === 'env') return `$${value.name}${value.fallback !== undefined ? `|${value.fallback}` : ''}`;
  return `?${value.text}`;
}

function listens(language: SourceLanguage, text: string): string[] {
  return (extractSourceFacts(language, text).source.listens ?? []).map(
    (listen: ListenFact) => `${listen.line}:${listen.column} ${listen.api} host=${show(listen.host)} port=${show(listen.port)}${listen.defaultHost ? ` defaults=${listen.defaultHost}:${listen.defaultPort ?? '-'}` : ''}${listen.isMainOnly ? ' main-only' : ''}`,
  );
}

describe('listen facts: Python', () => {
  it.each([
    ['Flask app.run with env port', 'import os\nfrom flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))\n', ['5:5 app.run host=0.0.0.0 port=$PORT|5000 defaults=127.0.0.1:5000 main-only']],
    ['Flask app.run() with no arguments binds its defaults', 'from flask import Flask\napp = Flask(__name__)\napp.run()\n', ['3:1 app.run host=- port=- defaults=127.0.0.1:5000']],
    ['uvicorn.run through a variable', 'import os\nimport uvicorn\nPORT = int(os.getenv("PORT", "8000"))\nuvicorn.run("app.main:app", host="127.0.0.1", port=PORT)\n', ['4:1 uvicorn.run host=127.0.0.1 port=$PORT|8000 defaults=127.0.0.1:8000']],
    ['bare run imported from uvicorn', 'from uvicorn import run\nrun(app, port=9000)\n', ['2:1 uvicorn.run host=- port=9000 defaults=127.0.0.1:8000']],
    ['aiohttp web.run_app', 'from aiohttp import web\nweb.run_app(app, port=8081)\n', ['2:1 web.run_app host=- port=8081 defaults=0.0.0.0:8080']],
    ['http.server tuple address', 'from http.server import HTTPServer\nserver = HTTPServer(("", 8000), Handler)\n', ['2:10 HTTPServer host= port=8000']],
    ['socketio.run(app, ...)', 'from flask_socketio import SocketIO\nsocketio = SocketIO(app)\nsocketio.run(app, "0.0.0.0", 5001)\n', ['3:1 socketio.run host=0.0.0.0 port=5001 defaults=127.0.0.1:5000']],
    ['waitress serve', 'from waitress import serve\nserve(app, host="0.0.0.0", port=8080)\n', ['2:1 waitress.serve host=0.0.0.0 port=8080 defaults=0.0.0.0:8080']],
    ['settings attribute stays unknown', 'uvicorn.run(app, host=settings.host, port=settings.port)\n', ['1:1 uvicorn.run host=?settings . host port=?settings . port defaults=127.0.0.1:8000']],
  ])('%s', (_name, text, expected) => {
    expect(listens('python', text)).toEqual(expected);
  });

  it.each([
    ['asyncio.run', 'import asyncio\nasyncio.run(main())\n'],
    ['subprocess.run with a port-like argument', 'import subprocess\nsubprocess.run(["ls"], check=True)\n'],
    ['an unknown object run() without host or port', 'job.run(5)\n'],
    ['socket listen backlog', 'sock.listen(5)\n'],
  ])('ignores %s', (_name, text) => {
    expect(listens('python', text)).toEqual([]);
  });
});

describe('listen facts: JavaScript', () => {
  it.each([
    ['express with PORT fallback', "const express = require('express');\nconst app = express();\nconst PORT = process.env.PORT || 3000;\napp.listen(PORT, () => console.log('up'));\n", ['4:1 app.listen host=- port=$PORT|3000 defaults=0.0.0.0:-']],
    ['Number(process.env.PORT) || 8080 with a host', "server.listen(Number(process.env.PORT) || 8080, '127.0.0.1');\n", ['1:1 server.listen host=127.0.0.1 port=$PORT|8080 defaults=0.0.0.0:-']],
    ['fastify object form', "const fastify = Fastify({ logger: true });\nawait fastify.listen({ port: 3000 });\n", ['2:7 fastify.listen host=- port=3000 defaults=127.0.0.1:-']],
    ['chained createServer().listen with a multi-line variable', "const port =\n  process.env.PORT ??\n  4000;\nhttp.createServer(handler).listen(port, '0.0.0.0');\n", ['4:28 listen host=0.0.0.0 port=$PORT|4000 defaults=0.0.0.0:-']],
    ['Bun.serve', 'Bun.serve({ port: 8080, fetch(req) { return new Response("ok"); } });\n', ['1:1 Bun.serve host=- port=8080 defaults=0.0.0.0:3000']],
    ['require.main guard', "if (require.main === module) {\n  app.listen(5000);\n}\n", ['2:3 app.listen host=- port=5000 defaults=0.0.0.0:- main-only']],
  ])('%s', (_name, text, expected) => {
    expect(listens('javascript', text)).toEqual(expected);
  });

  it('ignores listen() with no arguments', () => {
    expect(listens('typescript', 'emitter.listen();\n')).toEqual([]);
  });
});
