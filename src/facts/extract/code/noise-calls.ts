/**
 * Builtins and ubiquitous methods that never lead to project code: left out of the call lists kept
 * per function (they would only make the cached facts bigger and the call graph noisier).
 */
const NOISE = new Set([
  'len', 'str', 'int', 'float', 'bool', 'list', 'dict', 'set', 'tuple', 'frozenset', 'bytes', 'isinstance', 'issubclass', 'print',
  'range', 'enumerate', 'zip', 'super', 'getattr', 'setattr', 'hasattr', 'delattr', 'type', 'min', 'max', 'sum', 'sorted', 'reversed',
  'any', 'all', 'repr', 'format', 'iter', 'next', 'map', 'filter', 'abs', 'round', 'id', 'hash', 'vars', 'dir', 'callable', 'object',
  'items', 'keys', 'values', 'append', 'extend', 'update', 'upper', 'lower', 'strip', 'lstrip', 'rstrip', 'split', 'rsplit', 'startswith',
  'endswith', 'replace', 'encode', 'decode', 'copy', 'setdefault', 'debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical',
  'log', 'toString', 'push', 'slice', 'splice', 'indexOf', 'includes', 'forEach', 'reduce', 'some', 'every', 'find', 'findIndex',
  'Number', 'String', 'Boolean', 'Array', 'Object', 'parseInt', 'parseFloat', 'stringify', 'parse', 'trim', 'toLowerCase', 'toUpperCase',
  'then', 'catch', 'finally', 'resolve', 'reject', 'status', 'json', 'concat', 'test', 'match', 'isArray', 'fromEntries', 'entries',
  'assign', 'freeze', 'now', 'require',
]);

export function isNoiseCall(name: string): boolean {
  return NOISE.has(name);
}
