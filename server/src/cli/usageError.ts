/** A mistake in how `sts` was called: exit 2, the message and a pointer to the help. */
export class UsageError extends Error {
  /** The command whose help the message points to, if any. */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}
