import { describe, expect, it } from 'vitest';
import { extractSourceFacts } from './source.js';

type Language = 'python' | 'javascript';

/** Names of the reads that still need a value (no default, not a presence check). */
function required(language: Language, text: string): string[] {
  return extractSourceFacts(language, text).source.envReads.filter((envRead) => !envRead.hasDefault).map((envRead) => envRead.name);
}

/** Names of the reads without which the app stops. */
function strict(language: Language, text: string): string[] {
  return extractSourceFacts(language, text).source.envReads.filter((envRead) => envRead.strict).map((envRead) => envRead.name);
}

/** `NAME strict|optional|required` for each read. */
function kinds(language: Language, text: string): string[] {
  return extractSourceFacts(language, text).source.envReads.map((envRead) => `${envRead.name} ${envRead.strict ? 'strict' : envRead.hasDefault ? 'optional' : 'required'}`);
}

describe('a read assigned to a variable whose first use is a presence check is optional', () => {
  it.each([
    ['python', 'import os\ndsn = os.getenv("SENTRY_DSN")\nif dsn:\n    init(dsn)\n'],
    ['python', 'import os\n\ndef load():\n    path = os.environ.get("CONFIG_FILE", None)\n    if path is None:\n        return {}\n    return read(path)\n'],
    ['python', 'import os\nquota: str | None = os.environ.get("QUOTA")\nlimit = 10 if quota is None else int(quota)\n'],
    ['python', 'import os\nnetrc = os.environ.get("NETRC")\nnetrc = netrc or "~/.netrc"\n'],
    ['python', 'import os\nflag = os.environ.get("FLAG_X")\nif not flag:\n    flag = "off"\n'],
    ['javascript', 'const token = process.env.GH_TOKEN;\nif (!token) {\n  console.warn("no token");\n}\n'],
    ['javascript', 'function f() {\n  const dir = process.env.CACHE_DIR;\n  return dir ? dir : "/tmp";\n}\n'],
  ] as const)('%s: %j', (language, text) => {
    expect(required(language, text)).toEqual([]);
  });

  it.each([
    // The first use needs the value.
    ['python', 'import os\nkey = os.getenv("API_KEY")\nclient = Client(key)\nif key:\n    pass\n', ['API_KEY']],
    ['python', 'import os\nhosts = os.environ.get("HOSTS")\nfor h in hosts.split(","):\n    pass\n', ['HOSTS']],
    // Not the whole right side: the value is used at once.
    ['python', 'import os\nparts = os.environ.get("PARTS").split(",")\nif parts:\n    pass\n', ['PARTS']],
    // Another name with the same spelling in another block is not this variable.
    ['python', 'import os\n\ndef a():\n    key = os.getenv("KEY_A")\n    return key\n\ndef b(key):\n    if key:\n        pass\n', ['KEY_A']],
    ['javascript', 'const stripeKey = process.env.STRIPE_KEY;\nconst stripe = createClient(stripeKey);\n', ['STRIPE_KEY']],
    ['javascript', 'function a() {\n  const k = process.env.K_ONE;\n  return k;\n}\nfunction b(k) {\n  if (k) run();\n}\n', ['K_ONE']],
  ] as const)('%s stays required: %j', (language, text, expected) => {
    expect(required(language, text)).toEqual(expected);
  });
});

describe('a presence check that stops the app when the value is missing makes the read strict', () => {
  it.each([
    ['python', 'import os\nkey = os.getenv("API_KEY")\nif not key:\n    raise RuntimeError("API_KEY is required")\n', ['API_KEY']],
    ['python', 'import os, sys\nif os.getenv("DB_URL") is None:\n    sys.exit("DB_URL is not set")\n', ['DB_URL']],
    ['python', 'import os\nif not os.environ.get("SECRET"): raise SystemExit(1)\n', ['SECRET']],
    ['javascript', 'const url = process.env.DATABASE_URL_X;\nif (!url) throw new Error("DATABASE_URL_X is required");\n', ['DATABASE_URL_X']],
    ['javascript', 'if (!process.env.JWT_SECRET) {\n  process.exit(1);\n}\n', ['JWT_SECRET']],
    // A check that copes is still a guard.
    ['python', 'import os\nif not os.getenv("VERBOSE"):\n    level = "info"\n', []],
  ] as const)('%s: %j', (language, text, expected) => {
    expect(required(language, text)).toEqual(expected);
    expect(strict(language, text)).toEqual(expected);
  });
});

describe('the whole guarded block counts', () => {
  it.each([
    ['javascript', "const databaseUrl = process.env.DATABASE_URL;\nif (!databaseUrl) {\n  console.error('DATABASE_URL is required');\n  process.exit(1);\n}\n", ['DATABASE_URL']],
    ['python', 'import os, sys, logging\nkey = os.environ.get("API_KEY")\nif not key:\n    logging.error("API_KEY is not set")\n    sys.exit(2)\nprint(key)\n', ['API_KEY']],
    // The block ends before the exit: it is not part of the check.
    ['python', 'import os, sys\nkey = os.environ.get("OPT_KEY")\nif not key:\n    key = "anonymous"\nsys.exit(main(key))\n', []],
    ['javascript', "const dir = process.env.OUT_DIR;\nif (!dir) {\n  console.warn('no OUT_DIR');\n}\nprocess.exit(run(dir));\n", []],
  ] as const)('%s: %j', (language, text, expected) => {
    expect(strict(language, text)).toEqual(expected);
  });
});

describe('a value used at import time is strict', () => {
  it.each([
    ['python', 'import os\nHOSTS_RAW = os.environ.get("CACHE_HOSTS")\nHOSTS = HOSTS_RAW.split(",")\n', ['CACHE_HOSTS strict']],
    ['python', 'import os\nDEBUG = os.getenv("APP_DEBUG").lower() == "true"\n', ['APP_DEBUG strict']],
    ['javascript', "const origins = process.env.CORS_ORIGINS.split(',');\n", ['CORS_ORIGINS strict']],
    // Inside a function it fails when called: required, not strict.
    ['python', 'import os\n\ndef hosts():\n    raw = os.environ.get("CACHE_HOSTS")\n    return raw.split(",")\n', ['CACHE_HOSTS required']],
    ['python', 'import os\nRAW = os.environ.get("CACHE_HOSTS")\nhosts = lambda: RAW.split(",")\n', ['CACHE_HOSTS required']],
    ['javascript', "const raw = process.env.CORS_ORIGINS;\nexport const origins = () => raw.split(',');\n", ['CORS_ORIGINS required']],
    ['javascript', "app.use(cors({ origin: process.env.CORS_ORIGINS.split(',') }));\n", ['CORS_ORIGINS required']],
    // Tested in the same expression: it copes.
    ['python', 'import os\nRAW = os.environ.get("CACHE_HOSTS")\nHOSTS = RAW.split(",") if RAW else []\n', ['CACHE_HOSTS optional']],
    ['javascript', "const raw = process.env.CORS_ORIGINS;\nconst origins = raw ? raw.split(',') : [];\n", ['CORS_ORIGINS optional']],
    ['javascript', "const origins = process.env.CORS_ORIGINS?.split(',') ?? [];\n", ['CORS_ORIGINS optional']],
  ] as const)('%s: %j', (language, text, expected) => {
    expect(kinds(language, text)).toEqual(expected);
  });
});

describe('reads after a check that leaves when the variable is missing are safe', () => {
  it.each([
    ['python', 'import os, requests\n\ndef notify(text):\n    if not os.getenv("SLACK_WEBHOOK"):\n        return\n    requests.post(os.getenv("SLACK_WEBHOOK"), json={"text": text}, timeout=5)\n', []],
    ['python', 'import os\nfor name in names:\n    if os.environ.get("SKIP_X") is None: continue\n    use(os.environ.get("SKIP_X").lower())\n', []],
    ['javascript', 'function size() {\n  if (typeof process.env.TIMING !== "string") {\n    return 10;\n  }\n  if (process.env.TIMING.toLowerCase() === "all") return Infinity;\n  return Number.parseInt(process.env.TIMING, 10);\n}\n', []],
    ['javascript', 'function hook(e) {\n  if (process.env.HOOK_URL === undefined) return;\n  post(process.env.HOOK_URL, e);\n}\n', []],
  ] as const)('%s: %j', (language, text, expected) => {
    expect(required(language, text)).toEqual(expected);
  });

  it.each([
    // The check does not leave: the later read still runs without the variable.
    ['python', 'import os\nif not os.getenv("SLACK_WEBHOOK"):\n    print("no webhook")\npost(os.getenv("SLACK_WEBHOOK"))\n', ['SLACK_WEBHOOK']],
    // Another function: the check does not cover it.
    ['python', 'import os\n\ndef a():\n    if not os.getenv("HOOK"):\n        return\n\ndef b():\n    post(os.getenv("HOOK"))\n', ['HOOK']],
    ['javascript', 'function a() {\n  if (!process.env.HOOK) return;\n}\nfunction b() {\n  post(process.env.HOOK);\n}\n', ['HOOK']],
    // A check of another variable does not cover this one.
    ['javascript', 'function a() {\n  if (!process.env.HOOK_A) return;\n  post(process.env.HOOK_B);\n}\n', ['HOOK_B']],
  ] as const)('%s stays required: %j', (language, text, expected) => {
    expect(required(language, text)).toEqual(expected);
  });
});

describe('only a branch that reports and stops makes the read strict', () => {
  it.each([
    // A library's own behaviour when a flag is unset: it builds a warning, or raises only in a nested case.
    ['python', 'import os\nif not os.environ.get("RELAX_SCOPE", None):\n    w = Warning(message)\n    w.token = params\n    raise w\n', []],
    ['python', 'import os\nif not os.environ.get("ALLOW_UNSAFE"):\n    try:\n        loop = get_loop()\n    except RuntimeError:\n        pass\n    else:\n        raise Unsafe(message)\n', []],
    ['javascript', 'if (!process.env.STRICT_MODE) {\n  items.forEach((item) => { throw new Error(item); });\n}\n', []],
    // Reporting, then stopping: strict.
    ['python', 'import os, sys, logging\nif not os.environ.get("DB_URL"):\n    logging.getLogger(__name__).critical("DB_URL is not set")\n    sys.exit(1)\n', ['DB_URL']],
    ['javascript', "if (!process.env.DB_URL) {\n  console.error('DB_URL is not set');\n  process.exit(1);\n}\n", ['DB_URL']],
  ] as const)('%s: %j', (language, text, expected) => {
    expect(strict(language, text)).toEqual(expected);
  });
});

describe('a raise inside a function refuses the call; the app still starts', () => {
  it.each([
    ['python', 'import os\n\ndef client():\n    key = os.getenv("PAY_KEY")\n    if not key:\n        raise RuntimeError("PAY_KEY is not set")\n    return Client(key)\n', 'PAY_KEY required'],
    ['python', 'import os\n\ndef signup():\n    if not os.getenv("ENABLE_SIGNUP"):\n        raise NotFound()\n    return form()\n', 'ENABLE_SIGNUP required'],
    ['python', 'import os, sys\n\ndef main():\n    if not os.getenv("JOB_TOKEN"):\n        sys.exit("JOB_TOKEN is not set")\n', 'JOB_TOKEN strict'],
    ['javascript', "export function client() {\n  const key = process.env.PAY_KEY;\n  if (!key) throw new Error('PAY_KEY is not set');\n  return new Client(key);\n}\n", 'PAY_KEY required'],
  ] as const)('%s: %j', (language, text, expected) => {
    expect(kinds(language, text)).toEqual([expected]);
  });
});
