/** One `crm` sub-command; the table of them is composed in cli/main.ts. Exit codes: 0 ok, 1 failure, 2 usage or key problem. */
export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Bad arguments: the command prints its usage and exits with status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
