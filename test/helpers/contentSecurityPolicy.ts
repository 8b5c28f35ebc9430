/**
 * Reads a Content-Security-Policy and says what in it would let foreign or inline script
 * run: shared by the unit test of index.html's policy and the browser test that walks the
 * built app under it.
 */

/** A policy as directive name → source list (names and keywords lower-cased). */
export type Policy = ReadonlyMap<string, readonly string[]>;

/** Parses a policy string ("default-src 'self'; img-src 'self' data:"); a repeated directive keeps its first list, as browsers do. */
export function parsePolicy(text: string): Policy {
  const policy = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!policy.has(key)) {
      policy.set(
        key,
        sources.map((s) => (s.startsWith("'") ? s.toLowerCase() : s)),
      );
    }
  }
  return policy;
}

/** The `content` of the first `<meta http-equiv="Content-Security-Policy">` of an HTML page, or null. */
export function policyOfHtml(html: string): string | null {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']content-security-policy["']/i.test(tag)) continue;
    return (
      /\scontent\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ??
      /\scontent\s*=\s*'([^']*)'/i.exec(tag)?.[1] ??
      null
    );
  }
  return null;
}

/** The directive that governs `directive` when the policy does not name it (CSP 3 fallback chains). */
const FALLBACKS: Readonly<Record<string, readonly string[]>> = {
  'script-src-elem': ['script-src', 'default-src'],
  'script-src-attr': ['script-src', 'default-src'],
  'script-src': ['default-src'],
  'worker-src': ['child-src', 'script-src', 'default-src'],
  'connect-src': ['default-src'],
  'img-src': ['default-src'],
  'style-src': ['default-src'],
  'manifest-src': ['default-src'],
  'object-src': ['default-src'],
};

/** The source list in force for `directive`, following the fallbacks; null when nothing governs it. */
export function effectiveSources(policy: Policy, directive: string): readonly string[] | null {
  for (const name of [directive, ...(FALLBACKS[directive] ?? [])]) {
    const sources = policy.get(name);
    if (sources) return sources;
  }
  return null;
}

/**
 * What is wrong with `policy` for this app: script from anywhere but its own origin, inline
 * script (unsafe-inline, a nonce or a hash would allow one), eval (unsafe-eval,
 * wasm-unsafe-eval), plug-ins, a `<base>` or form that could point elsewhere. Empty when
 * the policy is as strict as the app needs.
 */
export function policyProblems(policy: Policy): string[] {
  const problems: string[] = [];
  for (const directive of ['script-src', 'script-src-elem', 'script-src-attr', 'worker-src']) {
    const sources = effectiveSources(policy, directive);
    if (!sources) {
      problems.push(`${directive}: nothing restricts it`);
      continue;
    }
    const loose = sources.filter((s) => s !== "'self'" && s !== "'none'");
    if (loose.length) problems.push(`${directive} allows ${loose.join(' ')}`);
  }
  for (const [name, sources] of policy) {
    for (const source of sources) {
      if (source === "'unsafe-eval'" || source === "'wasm-unsafe-eval'") {
        problems.push(`${name} allows eval (${source})`);
      }
    }
  }
  for (const directive of ['default-src', 'connect-src']) {
    const sources = effectiveSources(policy, directive);
    if (!sources || sources.some((s) => s !== "'self'" && s !== "'none'")) {
      problems.push(`${directive} must be 'self' only, is ${sources?.join(' ') ?? 'missing'}`);
    }
  }
  for (const directive of ['object-src', 'base-uri', 'form-action']) {
    const sources = policy.get(directive);
    if (!sources || sources.join(' ') !== "'none'") {
      problems.push(`${directive} must be 'none', is ${sources?.join(' ') ?? 'missing'}`);
    }
  }
  return problems;
}
