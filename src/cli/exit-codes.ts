/** Exit codes, exactly as the brief defines them. */
export const EXIT = {
  gatePassed: 0,
  gateFailed: 1,
  usage: 2,
  internal: 3,
  nothingToAudit: 4,
} as const;
