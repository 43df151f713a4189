/** Where a command prints: the process streams in the CLI, strings in tests. */
export type Io = { stdout(s: string): void; stderr(s: string): void; isTTY: boolean };
