/**
 * `randplan user add|list`: manage the users of a Randplan database (the one the server uses:
 * DATABASE_URL, else the PGlite directory RANDPLAN_DATA_DIR or ./data; or --database-url/--data-dir).
 * Stop the server first when it runs on the same PGlite directory: PGlite is single-process.
 */
import { openDatabase, usersRepo } from '../../db/index.ts';
import { parseCommandArgs, usageError } from '../../solver/cli/args.ts';
import type { CliIo, Lang } from '../../solver/cli/io.ts';
import { HttpError } from '../errors.ts';
import { createUser } from '../services/users.ts';

export function usage(lang: Lang): string {
  return lang === 'sv'
    ? [
        'Användning:',
        '  randplan user add --email E --name N --role R [--unit U]… [--trainee T]… --password P',
        '  randplan user list',
        '',
        'Roller: studierektor, enhetschef (--unit), st-lakare (--trainee, sig själv), handledare (--trainee, en eller flera).',
        'Databasen: --database-url URL eller DATABASE_URL; annars --data-dir KATALOG, RANDPLAN_DATA_DIR eller ./data.',
        '  --lang en      engelska',
      ].join('\n')
    : [
        'Usage:',
        '  randplan user add --email E --name N --role R [--unit U]… [--trainee T]… --password P',
        '  randplan user list',
        '',
        'Roles: studierektor, enhetschef (--unit), st-lakare (--trainee, themself), handledare (--trainee, one or more).',
        'Database: --database-url URL or DATABASE_URL; else --data-dir DIR, RANDPLAN_DATA_DIR or ./data.',
      ].join('\n');
}

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  unit: { type: 'string', multiple: true },
  trainee: { type: 'string', multiple: true },
  password: { type: 'string' },
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, OPTIONS, usage, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, lang } = parsed;
  const v = values as Record<string, string | string[] | boolean | undefined>;
  const sub = positionals[0];
  if (sub !== 'add' && sub !== 'list' || positionals.length > 1)
    return usageError(io, lang, usage, lang === 'sv' ? 'ange add eller list' : 'give add or list');
  if (sub === 'add') {
    const missing = ['email', 'name', 'role', 'password'].filter((k) => typeof v[k] !== 'string');
    if (missing.length) return usageError(io, lang, usage, `${lang === 'sv' ? 'saknas' : 'missing'}: ${missing.map((m) => `--${m}`).join(', ')}`);
  }
  const url = (v['database-url'] as string | undefined) ?? process.env.DATABASE_URL;
  const dataDir = v['data-dir'] as string | undefined;
  const opened = await openDatabase({ ...(url ? { url } : {}), ...(dataDir ? { dataDir } : {}) });
  try {
    if (sub === 'list') {
      for (const u of await usersRepo.list(opened.db)) {
        const scope = [...u.units, ...u.trainees].join(', ');
        io.stdout(`${u.email}\t${u.role}\t${u.name}${scope ? `\t${scope}` : ''}`);
      }
      return 0;
    }
    const user = await createUser(opened.db, {
      email: v.email as string,
      name: v.name as string,
      role: v.role as string,
      units: (v.unit as string[] | undefined) ?? [],
      trainees: (v.trainee as string[] | undefined) ?? [],
      password: v.password as string,
    });
    io.stdout(lang === 'sv' ? `Skapade ${user.email} (${user.role})` : `Created ${user.email} (${user.role})`);
    return 0;
  } catch (e) {
    if (e instanceof HttpError && e.statusCode === 400) {
      io.stderr(`${lang === 'sv' ? 'Fel' : 'Error'}: ${e.message}`);
      for (const d of e.details ?? []) io.stderr(`  ${d}`);
      return 2;
    }
    throw e;
  } finally {
    await opened.close();
  }
}
