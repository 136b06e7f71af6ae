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
