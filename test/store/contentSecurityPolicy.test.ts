/**
 * index.html's Content-Security-Policy (issue 6): only the app's own origin, no inline
 * script, no eval, nothing for plug-ins, `<base>` or forms. test/e2e/security.test.ts walks
 * the built app under the same policy and fails on any violation it reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  effectiveSources,
  parsePolicy,
  policyOfHtml,
  policyProblems,
} from '../helpers/contentSecurityPolicy';

const ROOT = path.resolve(import.meta.dirname, '../..');
const html = readFileSync(path.join(ROOT, 'index.html'), 'utf8');

describe('the policy checks themselves', () => {
  it('parse directives and fall back as CSP does', () => {
    const policy = parsePolicy("default-src 'self';  img-src 'SELF' data: ; script-src 'none'");
    expect([...policy.keys()]).toEqual(['default-src', 'img-src', 'script-src']);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(effectiveSources(policy, 'connect-src')).toEqual(["'self'"]);
    expect(effectiveSources(policy, 'worker-src')).toEqual(["'none'"]);
    expect(effectiveSources(parsePolicy('img-src *'), 'script-src')).toBeNull();
  });

  it('catch inline script, eval, foreign hosts and missing lock-downs', () => {
    const strict =
      "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
    expect(policyProblems(parsePolicy(strict))).toEqual([]);
    const problems = (extra: string) =>
      policyProblems(parsePolicy(`${strict}; ${extra}`)).join('\n');
    // A later duplicate is ignored by browsers, so it has to be tested as a first directive.
    const replaced = (directive: string) =>
      policyProblems(parsePolicy(strict.replace("script-src 'self'", directive))).join('\n');
    expect(replaced("script-src 'self' 'unsafe-inline'")).toMatch(
      /script-src allows 'unsafe-inline'/,
    );
    expect(replaced("script-src 'self' 'unsafe-eval'")).toMatch(/eval/);
    expect(replaced("script-src 'self' 'nonce-abc'")).toMatch(/'nonce-abc'/);
    expect(replaced("script-src 'self' https://cdn.example")).toMatch(/cdn\.example/);
    expect(problems("script-src-attr 'unsafe-inline'")).toMatch(/script-src-attr/);
    expect(problems("style-src 'self' 'unsafe-eval'")).toMatch(/style-src allows eval/);
    expect(problems('connect-src *')).toMatch(/connect-src must be 'self' only/);
    expect(policyProblems(parsePolicy("default-src 'self'"))).toEqual([
      "object-src must be 'none', is missing",
      "base-uri must be 'none', is missing",
      "form-action must be 'none', is missing",
    ]);
    expect(policyOfHtml('<meta charset="utf-8"><title>x</title>')).toBeNull();
  });
});

describe("index.html's Content-Security-Policy", () => {
  const text = policyOfHtml(html);
  const policy = parsePolicy(text ?? '');

  it('is there, in a meta tag before any script or stylesheet', () => {
    expect(text).not.toBeNull();
    const meta = html.search(/<meta\s+http-equiv="Content-Security-Policy"/i);
    const firstResource = html.search(/<script\b|<link\b[^>]*rel="(stylesheet|modulepreload)"/i);
    expect(meta).toBeGreaterThan(0);
    if (firstResource >= 0) expect(meta).toBeLessThan(firstResource);
  });

  it('allows script from the app’s own origin only: no inline script, no eval', () => {
    expect(policyProblems(policy)).toEqual([]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(text).not.toMatch(/unsafe-eval|unsafe-hashes|'nonce-|'sha(256|384|512)-/);
  });

  it('allows no inline style either, and images also from data: and blob: URLs', () => {
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.has('style-src-attr')).toBe(false);
    expect(policy.has('style-src-elem')).toBe(false);
    expect(text).not.toMatch(/unsafe-inline/);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('keeps workers, the web manifest and fetches on the app’s origin', () => {
    expect(effectiveSources(policy, 'worker-src')).toEqual(["'self'"]);
    expect(effectiveSources(policy, 'manifest-src')).toEqual(["'self'"]);
    expect(effectiveSources(policy, 'connect-src')).toEqual(["'self'"]);
  });

  it('does not rely on frame-ancestors, which a meta tag cannot set', () => {
    expect(policy.has('frame-ancestors')).toBe(false);
  });

  it('has no inline script in index.html', () => {
    for (const [, tag, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(tag).toMatch(/\ssrc=/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });
});
