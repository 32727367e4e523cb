/**
 * The `randplan` command line: picks the command and hands it the rest of the arguments.
 *
 * Commands are loaded lazily, one module per command, each exporting `run(argv, io): Promise<number>`
 * (the exit code). The solver's own commands are in ./commands; the app adds the ones that need the
 * database (api/cli), so the solver knows nothing above solver/. A command whose module is missing
 * is reported as not available rather than crashing. Exit codes: 0 fine, 1 the answer is "no"
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

export interface CommandEntry {
  /** The command's module (checked before loading it). */
  file: URL;
  /** The command takes `--lang`, so a `--lang` given before the command name is passed on to it. */
  takesLang?: boolean;
  load: () => Promise<CommandModule>;
  summary: Record<Lang, string>;
  usage: Record<Lang, string>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  validate: {
    file: new URL('./commands/validate.ts', import.meta.url),
    takesLang: true,
    load: () => import('./commands/validate.ts'),
    summary: { sv: 'kontrollera en plan mot reglerna', en: 'check a plan against the rules' },
    usage: {
      sv: 'randplan validate SCENARIO PLAN [--json] [--lang sv|en]',
      en: 'randplan validate SCENARIO PLAN [--json] [--lang sv|en]',
    },
  },
  solve: {
    file: new URL('./commands/solve.ts', import.meta.url),
    load: () => import('./commands/solve.ts'),
    summary: { sv: 'planera hela kohorten (eller en ST-läkare)', en: 'plan the whole cohort (or one trainee)' },
    usage: {
      sv: 'randplan solve SCENARIO [--plan NUVARANDE] [--time-limit SEKUNDER] [--trainee ID] --out PLAN [--json] [--lang sv|en]',
      en: 'randplan solve SCENARIO [--plan CURRENT] [--time-limit SECONDS] [--trainee ID] --out PLAN [--json] [--lang sv|en]',
    },
  },
  demo: {
    file: new URL('./commands/demo.ts', import.meta.url),
    takesLang: true,
    load: () => import('./commands/demo.ts'),
    summary: { sv: 'skriv en demoregion och en plan för den', en: 'write a demo region and a plan for it' },
    usage: {
      sv: 'randplan demo [--size N] [--seed S] [--profile kronoberg|norrbotten] [--today ÅÅÅÅ-MM-DD] --out KATALOG [--lang sv|en]',
      en: 'randplan demo [--size N] [--seed S] [--profile kronoberg|norrbotten] [--today YYYY-MM-DD] --out DIR [--lang sv|en]',
    },
  },
};

export function mainUsage(lang: Lang, commands: Record<string, CommandEntry> = COMMANDS): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines =
    lang === 'sv'
      ? ['Randplan – randningsplanering för ST i allmänmedicin', '', 'Användning: randplan KOMMANDO [flaggor]', '', 'Kommandon:']
      : ['Randplan – rotation planning for specialist training in general practice', '', 'Usage: randplan COMMAND [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(width)}  ${c.summary[lang]}`);
  lines.push(
    '',
    lang === 'sv'
      ? 'randplan KOMMANDO --help visar kommandots flaggor. --lang en ger engelska.'
      : 'randplan COMMAND --help shows its options. --lang sv gives Swedish.',
  );
  return lines.join('\n');
}

function available(entry: CommandEntry): boolean {
  return existsSync(fileURLToPath(entry.file));
}

/** Runs the command line `argv` (without `node` and the script) with `commands`; resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo, commands: Record<string, CommandEntry> = COMMANDS): Promise<number> {
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
      io.stderr(mainUsage(lang, commands));
      return 2;
    }
    i++;
  }
  const name = argv[i];
  if (name === undefined) {
    if (help) {
      io.stdout(mainUsage(lang, commands));
      return 0;
    }
    io.stderr(mainUsage(lang, commands));
    return 2;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.stderr(`${lang === 'sv' ? 'Fel: okänt kommando' : 'Error: unknown command'} "${name}"`);
    io.stderr(mainUsage(lang, commands));
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
    const file = fileURLToPath(entry.file).split(/[\\/]/).pop();
    io.stderr(
      lang === 'sv'
        ? `Fel: kommandot "${name}" finns inte i den här versionen av Randplan ännu (${file} saknas).`
        : `Error: the command "${name}" is not available in this version of Randplan yet (${file} is missing).`,
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
