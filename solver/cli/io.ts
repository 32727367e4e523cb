/**
 * Where a command writes. Commands take a `CliIo` instead of touching `process` so that tests can
 * run them in-process and read what they printed.
 *
 * Each call writes one piece of text; a piece that does not end in a newline gets one, so a command
 * may pass whole lines (`io.stdout('Klart')`) or pre-joined blocks (`io.stdout(lines.join('\n'))`).
 */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

export type Lang = 'sv' | 'en';

function line(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}

/** The real terminal. */
export const processIo: CliIo = {
  stdout: (s) => void process.stdout.write(line(s)),
  stderr: (s) => void process.stderr.write(line(s)),
};

/** An in-memory `CliIo` for tests: `out` and `err` hold everything written, newline-terminated. */
export interface CapturedIo extends CliIo {
  readonly out: string;
  readonly err: string;
}

export function captureIo(): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: (s) => void (out += line(s)),
    stderr: (s) => void (err += line(s)),
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}
