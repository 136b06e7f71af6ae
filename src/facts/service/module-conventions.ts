import type { FileFacts } from '../types.js';

/**
 * Modules a framework or tool loads by convention, without an import: Django's settings, URLconfs,
 * migrations, admin and apps modules, management commands; package markers; WSGI/ASGI entry files;
 * Next.js special files; tool configuration (`*.config.js`, `gunicorn.conf.py`, alembic's `env.py`);
 * scripts (`scripts/`, `bin/`, a `__main__` guard). Such a module is not an orphan.
 */
const CONVENTIONAL = new RegExp(
  [
    /(?:^|\/)(?:settings|urls|wsgi|asgi|admin|apps|manage|conftest|setup|celery|tasks|signals|__init__|__main__|gunicorn\.conf|gunicorn_config|env)\.py$/.source,
    /(?:^|\/)(?:settings|migrations|management\/commands|templatetags|scripts|bin|alembic)\//.source,
    /(?:^|\/)(?:page|layout|loading|error|not-found|route|template|default|middleware|instrumentation|global-error|opengraph-image|sitemap|robots)\.[cm]?[jt]sx?$/.source,
    /(?:^|\/)pages\//.source,
    /\.config\.[cm]?[jt]s$|(?:^|\/)\.?[\w-]+rc\.[cm]?js$/.source,
  ].join('|'),
);

export function isConventionalModule(facts: FileFacts): boolean {
  return CONVENTIONAL.test(facts.path) || facts.source?.code?.hasMainGuard === true;
}
