/**
 * A mistake in how a command was called (no headline, an unknown article type): the command line
 * prints just the message, never a stack trace, and exits with status 1.
 */
export class UserError extends Error {
  override name = "UserError";
}
