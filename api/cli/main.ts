/**
 * The app's `randplan` command line: the solver's commands (solver/cli) and those that need the
 * database, which the solver must not know.
 */
import { COMMANDS, main as runCommand, type CommandEntry } from '../../solver/cli/main.ts';
import type { CliIo } from '../../solver/cli/io.ts';

export const APP_COMMANDS: Record<string, CommandEntry> = {
  ...COMMANDS,
  user: {
    file: new URL('./user.ts', import.meta.url),
    load: () => import('./user.ts'),
    summary: { sv: 'hantera användare i databasen', en: 'manage users in the database' },
    usage: { sv: 'randplan user … (se randplan user --help)', en: 'randplan user … (see randplan user --help)' },
  },
};

export function main(argv: string[], io?: CliIo): Promise<number> {
  return runCommand(argv, io, APP_COMMANDS);
}
