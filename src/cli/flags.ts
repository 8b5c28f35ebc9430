/**
 * Flag reading shared by the command-line tools (`npm run trace`, `npm run lab`): flags
 * written `--flag value` or `--flag=value`, switches that take no value, and numbers in
 * plain decimal. Every failure is one line that names the offending flag, so a command can
 * print it and exit with code 2.
 */

/** The flags read, or a one-line error naming the flag. */
export type ReadFlags<V extends string, S extends string> =
  { ok: true; values: Map<V, string>; switches: Set<S> } | { ok: false; error: string };

/**
 * Splits `argv` into values of `valueFlags` and the `switchFlags` present; the last of a
 * repeated flag wins. `positionalHint` ends the error for an argument that is no flag.
 */
export function readFlags<V extends string, S extends string>(
  argv: readonly string[],
  valueFlags: readonly V[],
  switchFlags: readonly S[],
  positionalHint = '',
): ReadFlags<V, S> {
  const values = new Map<V, string>();
  const switches = new Set<S>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if ((valueFlags as readonly string[]).includes(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) return { ok: false, error: `${flag} needs a value` };
      values.set(flag as V, value);
    } else if ((switchFlags as readonly string[]).includes(flag)) {
      // "--causal=yes" names a known flag: say what is wrong rather than "unknown flag".
      if (eq > 0) return { ok: false, error: `${flag} takes no value` };
      switches.add(flag as S);
    } else if (flag.startsWith('-')) {
      return { ok: false, error: `unknown flag ${flag}` };
    } else {
      return { ok: false, error: `unexpected argument "${arg}"${positionalHint}` };
    }
  }
  return { ok: true, values, switches };
}

/** A whole number written in plain decimal digits, or null. */
export function parseWhole(raw: string): number | null {
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

/** A non-negative decimal ("0.5", ".5", "2", "1e-3"), or null. */
export function parseDecimal(raw: string): number | null {
  return /^\d*\.?\d+(e[-+]?\d+)?$/i.test(raw) ? Number(raw) : null;
}
