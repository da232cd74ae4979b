/** Output channels of a command, so commands are testable without a terminal. */
export interface CommandIO {
  stdout(line: string): void;
  stderr(line: string): void;
  /** True when stderr is a terminal (progress bars); false in pipes and CI. */
  isTTY: boolean;
  /** All of stdin (`twminutes parse -`); absent where there is none. */
  readStdin?(): Promise<Uint8Array>;
}

/** One CLI command: `twminutes <name> …`. Returns the exit code. */
export interface Command {
  name: string;
  /** One usage line for the help text. */
  summary: string;
  run(argv: string[], io: CommandIO): Promise<number>;
}
