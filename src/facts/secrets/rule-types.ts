/** How bad a leaked credential of this kind is: a live key that opens an account is critical. */
export type SecretSeverity = 'critical' | 'moderate' | 'low';

/** What a rule's judge may change about one match. */
export interface MatchOverride {
  /** A more specific rule id (`jwt` -> `supabase-service-role-key`). */
  rule?: string;
  severity?: SecretSeverity;
  /** The exact text to mask, when it is not the capture group (a private key's body). */
  value?: string;
}

/**
 * One credential format. The scanner runs `pattern` only around hits of its keywords (lower case,
 * matched case-insensitively), never over a whole file unless the rule asks for `scope: 'file'`.
 */
export interface SecretRule {
  id: string;
  /** What it is, for messages: "Stripe live secret key". */
  title: string;
  severity: SecretSeverity;
  keywords: readonly string[];
  /** Non-global; anchored on a literal; capture group `secretGroup` (default 1) is the secret. */
  pattern: RegExp;
  secretGroup?: number;
  /**
   * Where the pattern runs around a keyword hit: the hit's line (default; a judge may read on,
   * as the private-key judge reads the key's body), or `file`, the whole file once (formats with
   * no prefix of their own, recognised only when the provider is named somewhere in the file).
   */
  scope?: 'line' | 'file';
  /**
   * Narrows where the pattern runs around a hit, or says there is nothing to look at: the cheap
   * test that keeps a common keyword (`://`) from costing a regex run per hit.
   */
  around?(text: string, hitStart: number, hitEnd: number): [number, number] | undefined;
  /** Judges a match: false drops it (an example, a placeholder); the default drops placeholder tokens. */
  judge?(match: RegExpExecArray, text: string, start: number): false | MatchOverride | undefined;
  /** Where the owner revokes it, for the remediation. */
  revoke: string;
}

/** A credential found in a file: the fact the secrets checks read. */
export interface SecretMatch {
  rule: string;
  severity: SecretSeverity;
  /** Offset in the file of what locates it (the secret itself, or a key block's BEGIN line). */
  start: number;
  /** The secret, raw: pass it to the engine as a value to mask; never print it. */
  value: string;
  /** For secret-named assignments: the variable or key it is assigned to. */
  name?: string;
}
