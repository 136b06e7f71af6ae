import { normalizeDistribution } from '../parsers/pep508.js';

/** Import names whose distribution is named differently (any one listed satisfies the import). */
const DISTRIBUTIONS: Record<string, string[]> = {
  yaml: ['PyYAML', 'ruamel.yaml'],
  PIL: ['Pillow', 'PIL'],
  cv2: ['opencv-python', 'opencv-python-headless', 'opencv-contrib-python', 'opencv-contrib-python-headless'],
  dotenv: ['python-dotenv'],
  jwt: ['PyJWT'],
  sklearn: ['scikit-learn'],
  skimage: ['scikit-image'],
  bs4: ['beautifulsoup4'],
  dateutil: ['python-dateutil'],
  magic: ['python-magic'],
  docx: ['python-docx'],
  pptx: ['python-pptx'],
  multipart: ['python-multipart'],
  jose: ['python-jose'],
  telegram: ['python-telegram-bot'],
  socketio: ['python-socketio', 'flask-socketio'],
  engineio: ['python-engineio'],
  slugify: ['python-slugify'],
  Crypto: ['pycryptodome', 'pycrypto'],
  Cryptodome: ['pycryptodomex'],
  OpenSSL: ['pyOpenSSL'],
  grpc: ['grpcio'],
  psycopg2: ['psycopg2', 'psycopg2-binary'],
  psycopg: ['psycopg', 'psycopg-binary'],
  MySQLdb: ['mysqlclient'],
  attr: ['attrs'],
  serial: ['pyserial'],
  usb: ['pyusb'],
  zmq: ['pyzmq'],
  git: ['GitPython'],
  github: ['PyGithub'],
  discord: ['discord.py', 'py-cord'],
  nacl: ['PyNaCl'],
  fitz: ['PyMuPDF'],
  gi: ['PyGObject'],
  ldap: ['python-ldap'],
  memcache: ['python-memcached'],
  dns: ['dnspython'],
  OpenGL: ['PyOpenGL'],
  faiss: ['faiss-cpu', 'faiss-gpu'],
  speech_recognition: ['SpeechRecognition'],
  websocket: ['websocket-client'],
  kafka: ['kafka-python'],
  pkg_resources: ['setuptools'],
  _pytest: ['pytest'],
  mpl_toolkits: ['matplotlib'],
  bson: ['pymongo'],
  gridfs: ['pymongo'],
  googleapiclient: ['google-api-python-client'],
  apiclient: ['google-api-python-client'],
  Xlib: ['python-xlib'],
  wx: ['wxPython'],
  IPython: ['ipython'],
  paho: ['paho-mqtt'],
  Levenshtein: ['python-Levenshtein', 'Levenshtein'],
  pinecone: ['pinecone-client', 'pinecone'],
  win32api: ['pywin32'],
  win32con: ['pywin32'],
  markdown: ['Markdown'],
  lxml: ['lxml'],
  ruamel: ['ruamel.yaml'],
  sentry_sdk: ['sentry-sdk'],
  google: ['protobuf', 'google-cloud-storage', 'google-api-core', 'google-auth', 'google-generativeai', 'google-genai'],
  azure: ['azure-storage-blob', 'azure-identity', 'azure-core'],
  jinja2: ['Jinja2'],
  typing_extensions: ['typing-extensions', 'typing_extensions'],
};

/**
 * Distributions installed with another one (a direct import of them works, though declaring them
 * is better): an import satisfied this way is not reported as undeclared.
 */
const IMPLIED_BY: Record<string, string[]> = {
  starlette: ['fastapi'],
  pydantic: ['fastapi', 'pydantic-settings', 'sqlmodel'],
  werkzeug: ['flask'],
  jinja2: ['flask'],
  itsdangerous: ['flask'],
  click: ['flask', 'typer', 'celery', 'uvicorn'],
  markupsafe: ['flask', 'jinja2'],
  anyio: ['fastapi', 'starlette', 'httpx'],
  h11: ['uvicorn', 'httpx'],
  idna: ['requests', 'httpx'],
  certifi: ['requests', 'httpx'],
  urllib3: ['requests', 'botocore'],
  charset_normalizer: ['requests'],
  botocore: ['boto3'],
  s3transfer: ['boto3'],
  kombu: ['celery'],
  multidict: ['aiohttp'],
  yarl: ['aiohttp'],
  pytz: ['pandas', 'django', 'celery'],
  dateutil: ['pandas', 'botocore', 'arrow'],
  numpy: ['pandas', 'scipy', 'scikit-learn', 'matplotlib', 'opencv-python', 'opencv-python-headless', 'torch', 'tensorflow'],
  sqlalchemy: ['flask-sqlalchemy', 'sqlmodel', 'alembic'],
  typing_extensions: ['pydantic', 'fastapi', 'sqlalchemy'],
  six: ['python-dateutil'],
  google: ['grpcio', 'googleapis-common-protos', 'firebase-admin', 'google-cloud-storage'],
  asgiref: ['django'],
  sqlparse: ['django'],
  gunicorn: [],
};

/** Distributions that could satisfy `import <name>` (the name itself first). */
export function distributionsFor(importName: string): string[] {
  return [importName, ...(DISTRIBUTIONS[importName] ?? [])];
}

/** True when one of the declared (PEP 503 normalized) distributions provides `import <name>`. */
export function isImportDeclared(importName: string, declared: ReadonlySet<string>): boolean {
  if (distributionsFor(importName).some((name) => declared.has(normalizeDistribution(name)))) return true;
  // `import flask_sqlalchemy` -> Flask-SQLAlchemy: normalization covers most names.
  return (IMPLIED_BY[importName] ?? []).some((name) => declared.has(normalizeDistribution(name)));
}

/** The distribution a user should add for `import <name>` (the most common one). */
export function suggestedDistribution(importName: string): string {
  return DISTRIBUTIONS[importName]?.[0] ?? importName;
}

/** Import names a declared distribution provides (for "declared but never imported"). */
export function importNamesOf(distribution: string): string[] {
  const normalized = normalizeDistribution(distribution);
  const names = new Set<string>([distribution.replace(/-/g, '_'), normalized.replace(/-/g, '_'), distribution.replace(/^python-/i, '').replace(/-/g, '_')]);
  for (const [importName, distributions] of Object.entries(DISTRIBUTIONS)) {
    if (distributions.some((candidate) => normalizeDistribution(candidate) === normalized)) names.add(importName);
  }
  if (normalized.startsWith('django-')) names.add(normalized.slice(7).replace(/-/g, '_'));
  if (normalized.startsWith('flask-')) names.add(`flask_${normalized.slice(6).replace(/-/g, '_')}`);
  return [...names];
}
