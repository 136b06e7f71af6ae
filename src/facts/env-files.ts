/** `.env.example`, `.env.sample`, `.env.template`, `.env.dist`: documentation, not configuration. */
export function isExampleEnvFile(path: string): boolean {
  return /(^|\/)\.env\.(example|sample|template|dist|defaults)$|(^|\/)(example|sample)\.env$/i.test(path);
}
