export type SkipReasonCode =
  | 'binary'
  | 'too-large'
  | 'minified'
  | 'invalid-utf8'
  | 'symlink-loop'
  | 'symlink-outside-root'
  | 'symlink-to-directory'
  | 'unreadable'
  | 'parse-limit';

export interface SkippedFile {
  file: string;
  reason: string;
  code: SkipReasonCode;
}
