import { describe, expect, it } from 'vitest';
import { extractSourceFacts } from './source.js';

function reads(text: string): string[] {
  return extractSourceFacts('python', text).source.envReads.map(
    (envRead) => `${envRead.name} ${envRead.line}:${envRead.column} ${envRead.strict ? 'strict' : envRead.hasDefault ? `default=${envRead.defaultValue}` : 'optional-none'} (${envRead.via})`,
  );
}

describe('pydantic BaseSettings reads', () => {
  it('turns fields into variables: prefix, aliases, defaults, required fields', () => {
    const text = [
      'from pydantic import Field, AliasChoices',
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      '',
      'class DatabaseConfig(BaseModel):',
      '    pool_size: int = 5',
      '',
      'class Settings(BaseSettings):',
      '    model_config = SettingsConfigDict(env_prefix="SHOP_", env_file=".env")',
      '',
      '    database_url: str',
      '    debug: bool = False',
      '    sentry_dsn: str | None = None',
      '    api_key: str = Field(..., validation_alias="OPENAI_API_KEY")',
      '    redis_url: str = Field("redis://localhost:6379", alias="REDIS_URL")',
      '    region: str = Field(validation_alias=AliasChoices("AWS_REGION", "REGION"))',
      '    workers: int = Field(default_factory=lambda: 2)',
      '    database: DatabaseConfig = DatabaseConfig()',
      '    _cache: dict = {}',
      '',
      '    def url(self) -> str:',
      '        return self.database_url',
      '',
      'settings = Settings()',
    ].join('\n');
    expect(reads(text)).toEqual([
      'SHOP_DATABASE_URL 10:5 strict (pydantic Settings.database_url)',
      'SHOP_DEBUG 11:5 default=false (pydantic Settings.debug)',
      'SHOP_SENTRY_DSN 12:5 default=undefined (pydantic Settings.sentry_dsn)',
      'OPENAI_API_KEY 13:5 strict (pydantic Settings.api_key)',
      'REDIS_URL 14:5 default=redis://localhost:6379 (pydantic Settings.redis_url)',
      'AWS_REGION 15:5 strict (pydantic Settings.region)',
      'SHOP_WORKERS 16:5 default=<expression> (pydantic Settings.workers)',
    ]);
  });

  it('reads pydantic v1 `class Config` prefixes, Field(env=...) and settings subclasses', () => {
    const text = 'from pydantic import BaseSettings, Field\n\nclass Base(BaseSettings):\n    secret_key: str = Field(..., env="DJANGO_SECRET")\n\n    class Config:\n        env_prefix = "APP_"\n\nclass Production(Base):\n    allowed_hosts: str\n';
    expect(reads(text)).toEqual(['DJANGO_SECRET 4:5 strict (pydantic Base.secret_key)', 'ALLOWED_HOSTS 10:5 strict (pydantic Production.allowed_hosts)']);
  });

  it('ignores classes that are not settings', () => {
    expect(reads('from pydantic import BaseModel\nclass User(BaseModel):\n    email: str\n')).toEqual([]);
  });
});

describe('django-environ and python-decouple reads', () => {
  it('django-environ: env(), typed getters, scheme defaults, env.db()', () => {
    const text = 'import environ\n\nenv = environ.Env(DEBUG=(bool, False))\nenviron.Env.read_env()\nSECRET_KEY = env("SECRET_KEY")\nDEBUG = env("DEBUG")\nPORT = env.int("PORT", default=8000)\nDATABASES = {"default": env.db()}\nHOSTS = env.list("ALLOWED_HOSTS", default=[])\n';
    expect(reads(text)).toEqual([
      'SECRET_KEY 5:14 strict (django-environ env())',
      'DEBUG 6:9 default=<scheme default> (django-environ env())',
      'PORT 7:8 default=8000 (django-environ env.int())',
      'DATABASE_URL 8:25 strict (django-environ env.db())',
      'ALLOWED_HOSTS 9:9 default=<expression> (django-environ env.list())',
    ]);
  });

  it('python-decouple: config() with and without default, only when imported', () => {
    expect(reads('from decouple import config, Csv\nSECRET_KEY = config("SECRET_KEY")\nDEBUG = config("DEBUG", default=False, cast=bool)\n')).toEqual([
      'SECRET_KEY 2:14 strict (decouple config())',
      'DEBUG 3:9 default=false (decouple config())',
    ]);
    expect(reads('import decouple\nKEY = decouple.config("API_KEY")\n')).toEqual(['API_KEY 2:7 strict (decouple config())']);
    expect(reads('from myapp import config\nNAME = config("name")\n')).toEqual([]);
  });
});

describe('presence checks make a read optional', () => {
  function required(language: 'python' | 'javascript', text: string): string[] {
    return extractSourceFacts(language, text).source.envReads.filter((envRead) => !envRead.hasDefault).map((envRead) => envRead.name);
  }

  it.each([
    ['javascript', 'if (process.env.SENTRY_DSN) init();\nif (!process.env.CI_MODE) run();\nconst debug = process.env.DEBUG_SQL === "1";\nprocess.env.TRACE && trace();\nconst mode = process.env.MODE_X ? "a" : "b";\nconst url = process.env.PRIMARY_URL || process.env.BACKUP_URL;\n', []],
    ['javascript', 'const key = process.env.STRIPE_KEY;\nconst both = isProd && process.env.PROD_TOKEN;\nfetch(process.env.API_URL);\n', ['STRIPE_KEY', 'PROD_TOKEN', 'API_URL']],
    ['python', 'import os\nif os.getenv("SENTRY_DSN"):\n    init()\nif not os.environ.get("CI_MODE"):\n    run()\nDEBUG = os.getenv("DEBUG_SQL") == "1"\nif os.getenv("A_FLAG") is None:\n    pass\n', []],
    ['python', 'import os\nKEY = os.getenv("STRIPE_KEY")\nif os.environ["STRICT_ONE"]:\n    pass\nconnect(os.environ.get("DB_URL"))\n', ['STRIPE_KEY', 'STRICT_ONE', 'DB_URL']],
  ] as const)('%s: %j', (language, text, expected) => {
    expect(required(language, text)).toEqual(expected);
  });
});
