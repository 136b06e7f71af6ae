/** Errors the library throws on purpose; the CLI maps each to its exit code and prints only the message. */
export class LivereadyError extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 3 | 4,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad arguments or a path that cannot be audited (exit 2). */
export class UsageError extends LivereadyError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** An invalid `.liveready.yaml` or baseline file (exit 2). */
export class ConfigError extends LivereadyError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** The path holds no recognizable project (exit 4). */
export class NothingToAuditError extends LivereadyError {
  constructor(message: string) {
    super(message, 4);
  }
}
