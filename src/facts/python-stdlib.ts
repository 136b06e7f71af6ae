/**
 * Python standard library top-level modules (CPython 3.11's sys.stdlib_module_names, public names),
 * with the modules added and removed by other versions, so `import distutils` on 3.12 is known to
 * need a package.
 */
const STDLIB_311 = new Set([
  '__future__', '_thread', 'abc', 'aifc', 'antigravity', 'argparse', 'array', 'ast', 'asynchat', 'asyncio', 'asyncore', 'atexit',
  'audioop', 'base64', 'bdb', 'binascii', 'bisect', 'builtins', 'bz2', 'cProfile', 'calendar', 'cgi', 'cgitb', 'chunk', 'cmath', 'cmd',
  'code', 'codecs', 'codeop', 'collections', 'colorsys', 'compileall', 'concurrent', 'configparser', 'contextlib', 'contextvars', 'copy',
  'copyreg', 'crypt', 'csv', 'ctypes', 'curses', 'dataclasses', 'datetime', 'dbm', 'decimal', 'difflib', 'dis', 'distutils', 'doctest',
  'email', 'encodings', 'ensurepip', 'enum', 'errno', 'faulthandler', 'fcntl', 'filecmp', 'fileinput', 'fnmatch', 'fractions', 'ftplib',
  'functools', 'gc', 'genericpath', 'getopt', 'getpass', 'gettext', 'glob', 'graphlib', 'grp', 'gzip', 'hashlib', 'heapq', 'hmac',
  'html', 'http', 'idlelib', 'imaplib', 'imghdr', 'imp', 'importlib', 'inspect', 'io', 'ipaddress', 'itertools', 'json', 'keyword',
  'lib2to3', 'linecache', 'locale', 'logging', 'lzma', 'mailbox', 'mailcap', 'marshal', 'math', 'mimetypes', 'mmap', 'modulefinder',
  'msilib', 'msvcrt', 'multiprocessing', 'netrc', 'nis', 'nntplib', 'nt', 'ntpath', 'nturl2path', 'numbers', 'opcode', 'operator',
  'optparse', 'os', 'ossaudiodev', 'pathlib', 'pdb', 'pickle', 'pickletools', 'pipes', 'pkgutil', 'platform', 'plistlib', 'poplib',
  'posix', 'posixpath', 'pprint', 'profile', 'pstats', 'pty', 'pwd', 'py_compile', 'pyclbr', 'pydoc', 'pydoc_data', 'pyexpat', 'queue',
  'quopri', 'random', 're', 'readline', 'reprlib', 'resource', 'rlcompleter', 'runpy', 'sched', 'secrets', 'select', 'selectors',
  'shelve', 'shlex', 'shutil', 'signal', 'site', 'smtpd', 'smtplib', 'sndhdr', 'socket', 'socketserver', 'spwd', 'sqlite3',
  'sre_compile', 'sre_constants', 'sre_parse', 'ssl', 'stat', 'statistics', 'string', 'stringprep', 'struct', 'subprocess', 'sunau',
  'symtable', 'sys', 'sysconfig', 'syslog', 'tabnanny', 'tarfile', 'telnetlib', 'tempfile', 'termios', 'textwrap', 'this', 'threading',
  'time', 'timeit', 'tkinter', 'token', 'tokenize', 'tomllib', 'trace', 'traceback', 'tracemalloc', 'tty', 'turtle', 'turtledemo',
  'types', 'typing', 'unicodedata', 'unittest', 'urllib', 'uu', 'uuid', 'venv', 'warnings', 'wave', 'weakref', 'webbrowser', 'winreg',
  'winsound', 'wsgiref', 'xdrlib', 'xml', 'xmlrpc', 'zipapp', 'zipfile', 'zipimport', 'zlib', 'zoneinfo',
]);

/**
 * The private modules of CPython 3.11 to 3.14 (`_io`, `_thread`'s siblings, C accelerators, pure-Python
 * fallbacks): never on PyPI, so an import of one never needs a declared package, whatever the version.
 */
const PRIVATE = new Set([
  '_abc', '_aix_support', '_android_support', '_apple_support', '_ast', '_asyncio', '_bisect', '_blake2', '_bootsubprocess',
  '_bz2', '_codecs', '_codecs_cn', '_codecs_hk', '_codecs_iso2022', '_codecs_jp', '_codecs_kr', '_codecs_tw', '_collections',
  '_collections_abc', '_colorize', '_compat_pickle', '_compression', '_contextvars', '_crypt', '_csv', '_ctypes', '_curses',
  '_curses_panel', '_datetime', '_dbm', '_decimal', '_elementtree', '_frozen_importlib', '_frozen_importlib_external',
  '_functools', '_gdbm', '_hashlib', '_heapq', '_hmac', '_imp', '_interpchannels', '_interpqueues', '_interpreters', '_io',
  '_ios_support', '_json', '_locale', '_lsprof', '_lzma', '_markupbase', '_md5', '_msi', '_multibytecodec', '_multiprocessing',
  '_opcode', '_opcode_metadata', '_operator', '_osx_support', '_overlapped', '_pickle', '_posixshmem', '_posixsubprocess',
  '_py_abc', '_pydatetime', '_pydecimal', '_pyio', '_pylong', '_pyrepl', '_queue', '_random', '_remote_debugging', '_scproxy',
  '_sha1', '_sha256', '_sha3', '_sha512', '_signal', '_sitebuiltins', '_socket', '_sqlite3', '_sre', '_ssl', '_stat',
  '_statistics', '_string', '_strptime', '_struct', '_suggestions', '_symtable', '_sysconfig', '_threading_local', '_tkinter',
  '_tokenize', '_tracemalloc', '_types', '_typing', '_uuid', '_warnings', '_weakref', '_weakrefset', '_winapi', '_wmi',
  '_zoneinfo', '_zstd',
]);

/** Added after 3.11 (version they appeared in). */
const ADDED: Record<string, number> = { tomllib: 11 };

/** Removed from the standard library in 3.x (PEP 594 dead batteries, distutils, imp, asyncore...). */
const REMOVED: Record<string, number> = {
  distutils: 12, imp: 12, asynchat: 12, asyncore: 12, smtpd: 12,
  aifc: 13, audioop: 13, cgi: 13, cgitb: 13, chunk: 13, crypt: 13, imghdr: 13, mailcap: 13, msilib: 13, nis: 13, nntplib: 13,
  ossaudiodev: 13, pipes: 13, sndhdr: 13, spwd: 13, sunau: 13, telnetlib: 13, uu: 13, xdrlib: 13, lib2to3: 13,
};

/**
 * True when `name` (a top-level import name) is in the standard library of Python 3.`minor`
 * (any 3.x when the version is unknown, so an unknown version never makes a false finding).
 */
export function isPythonStdlib(name: string, minor?: number): boolean {
  if (PRIVATE.has(name) || name === '__main__') return true;
  if (!STDLIB_311.has(name) && ADDED[name] === undefined) return false;
  if (minor === undefined) return true;
  const added = ADDED[name];
  if (added !== undefined && minor < added) return false;
  const removed = REMOVED[name];
  return removed === undefined || minor < removed;
}

/** The version in which a standard module was removed, if it was. */
export function removedInPython(name: string): number | undefined {
  return REMOVED[name];
}
