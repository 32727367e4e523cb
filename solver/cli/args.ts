/**
 * Argument parsing shared by the commands: node:util's parseArgs in strict mode, with the language
 * (`--lang sv|en`) picked out first so that even a parse error is reported in the language asked for.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo, Lang } from './io.ts';

/** The `--lang` of an argument list, if valid; Swedish otherwise. Works before full parsing. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === 'en' || value === 'sv') return value;
  }
  return 'sv';
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed<O extends Options> {
  values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
  lang: Lang;
}

/**
 * Parses `argv` against `options` (plus `--help/-h` and `--lang`). On a bad flag or a bad `--lang`
 * value it prints the error and the usage on stderr and returns the exit code 2 instead.
 */
export function parseCommandArgs<O extends Options>(
  argv: string[],
  options: O,
  usage: (lang: Lang) => string,
  io: CliIo,
): Parsed<O> | number {
  const lang = langOf(argv);
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const raw = values as Record<string, unknown>;
    if (raw.lang !== undefined && raw.lang !== 'sv' && raw.lang !== 'en') {
      return usageError(io, lang, usage, lang === 'sv' ? `--lang: ska vara sv eller en, inte "${String(raw.lang)}"` : `--lang: must be sv or en, not "${String(raw.lang)}"`);
    }
    if (raw.help === true) {
      io.stdout(usage(lang));
      return 0;
    }
    return { values: values as Parsed<O>['values'], positionals, lang };
  } catch (e) {
    return usageError(io, lang, usage, parseErrorText(e as Error & { code?: string }, lang));
  }
}

/** node:util's parse errors, in the user's language and without its advice about `--`. */
function parseErrorText(e: Error & { code?: string }, lang: Lang): string {
  const option = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return lang === 'sv' ? `okänd flagga ${option}` : `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return lang === 'sv' ? `flaggan ${option.split(' ')[0]} behöver ett värde` : `option ${option.split(' ')[0]} needs a value`;
    default:
      return e.message;
  }
}

/** Prints an error and the usage on stderr; returns 2 (bad usage). */
export function usageError(io: CliIo, lang: Lang, usage: (lang: Lang) => string, message: string): number {
  io.stderr(`${lang === 'sv' ? 'Fel' : 'Error'}: ${message}`);
  io.stderr(usage(lang));
  return 2;
}
