/**
 * The `randplan` command line: picks the command and hands it the rest of the arguments.
 *
 * Commands are loaded lazily, one module per command in ./commands, each exporting
 * `run(argv, io): Promise<number>` (the exit code). A command whose module is not in this checkout
 * yet is reported as not available rather than crashing. Exit codes: 0 fine, 1 the answer is "no"
 * (hard violations, no plan), 2 bad usage or bad input, 3 an internal error.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { langOf } from './args.ts';
import { processIo, type CliIo, type Lang } from './io.ts';

export interface CommandModule {
  run(argv: string[], io: CliIo): Promise<number>;
  /** Optional: the command's own usage text; main falls back to the table's. */
  usage?: (lang: Lang) => string;
}

interface CommandEntry {
  file: string;
  /** The command takes `--lang`, so a `--lang` given before the command name is passed on to it. */
  takesLang?: boolean;
  load: () => Promise<CommandModule>;
  summary: Record<Lang, string>;
  usage: Record<Lang, string>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  validate: {
    file: './commands/validate.ts',
    takesLang: true,
    load: () => import('./commands/validate.ts'),
    summary: { sv: 'kontrollera en plan mot reglerna', en: 'check a plan against the rules' },
    usage: {
      sv: 'randplan validate SCENARIO PLAN [--json] [--lang sv|en]',
      en: 'randplan validate SCENARIO PLAN [--json] [--lang sv|en]',
    },
  },
  solve: {
    file: './commands/solve.ts',
    load: () => import(/* the solver's module; may be absent */ './commands/solve.ts' as string) as Promise<CommandModule>,
    summary: { sv: 'planera hela kohorten (eller en ST-läkare)', en: 'plan the whole cohort (or one trainee)' },
    usage: {
      sv: 'randplan solve SCENARIO [--plan NUVARANDE] [--time-limit SEKUNDER] [--trainee ID] --out PLAN [--json] [--lang sv|en]',
      en: 'randplan solve SCENARIO [--plan CURRENT] [--time-limit SECONDS] [--trainee ID] --out PLAN [--json] [--lang sv|en]',
    },
  },
  demo: {
    file: './commands/demo.ts',
    takesLang: true,
    load: () => import('./commands/demo.ts'),
    summary: { sv: 'skriv en demoregion och en plan för den', en: 'write a demo region and a plan for it' },
    usage: {
      sv: 'randplan demo [--size N] [--seed S] [--profile kronoberg|norrbotten] [--today ÅÅÅÅ-MM-DD] --out KATALOG [--lang sv|en]',
      en: 'randplan demo [--size N] [--seed S] [--profile kronoberg|norrbotten] [--today YYYY-MM-DD] --out DIR [--lang sv|en]',
    },
  },
  user: {
    file: './commands/user.ts',
    load: () => import(/* the API's module; may be absent */ './commands/user.ts' as string) as Promise<CommandModule>,
    summary: { sv: 'hantera användare i databasen', en: 'manage users in the database' },
    usage: { sv: 'randplan user … (se randplan user --help)', en: 'randplan user … (see randplan user --help)' },
  },
};

export function mainUsage(lang: Lang): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines =
    lang === 'sv'
      ? ['Randplan – randningsplanering för ST i allmänmedicin', '', 'Användning: randplan KOMMANDO [flaggor]', '', 'Kommandon:']
      : ['Randplan – rotation planning for specialist training in general practice', '', 'Usage: randplan COMMAND [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(width)}  ${c.summary[lang]}`);
  lines.push(
    '',
    lang === 'sv'
      ? 'randplan KOMMANDO --help visar kommandots flaggor. --lang en ger engelska.'
      : 'randplan COMMAND --help shows its options. --lang sv gives Swedish.',
  );
  return lines.join('\n');
}

function available(entry: CommandEntry): boolean {
  return existsSync(fileURLToPath(new URL(entry.file, import.meta.url)));
}

/** Runs the command line `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const lang = langOf(argv);
  // Global flags before the command: --help/-h and --lang.
  let i = 0;
  let help = false;
  while (i < argv.length && argv[i]!.startsWith('-')) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') help = true;
    else if (a === '--lang') i++;
    else if (!a.startsWith('--lang=')) {
      io.stderr(`${lang === 'sv' ? 'Fel: okänd flagga' : 'Error: unknown option'} ${a}`);
      io.stderr(mainUsage(lang));
      return 2;
    }
    i++;
  }
  const name = argv[i];
  if (name === undefined) {
    if (help) {
      io.stdout(mainUsage(lang));
      return 0;
    }
    io.stderr(mainUsage(lang));
    return 2;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr(`${lang === 'sv' ? 'Fel: okänt kommando' : 'Error: unknown command'} "${name}"`);
    io.stderr(mainUsage(lang));
    return 2;
  }
  const rest = argv.slice(i + 1);
  if (entry.takesLang && langOf(argv.slice(0, i)) === 'en' && !rest.some((a) => a === '--lang' || a.startsWith('--lang='))) {
    rest.push('--lang', 'en');
  }
  const wantsHelp = help || rest.includes('--help') || rest.includes('-h');
  if (!available(entry)) {
    if (wantsHelp) {
      io.stdout(entry.usage[lang]);
      return 0;
    }
    io.stderr(
      lang === 'sv'
        ? `Fel: kommandot "${name}" finns inte i den här versionen av Randplan ännu (${entry.file} saknas).`
        : `Error: the command "${name}" is not available in this version of Randplan yet (${entry.file} is missing).`,
    );
    return 2;
  }
  try {
    const mod = await entry.load();
    // A module that exports its own usage also handles its own --help; for the others main answers.
    if (help || (wantsHelp && !mod.usage)) {
      io.stdout(mod.usage ? mod.usage(lang) : entry.usage[lang]);
      return 0;
    }
    return await mod.run(rest, io);
  } catch (e) {
    const err = e as Error;
    io.stderr(`${lang === 'sv' ? 'Internt fel' : 'Internal error'} (${name}): ${err.message}`);
    if (process.env.RANDPLAN_DEBUG) io.stderr(err.stack ?? '');
    return 3;
  }
}
