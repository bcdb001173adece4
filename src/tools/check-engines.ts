import { readFileSync } from 'node:fs';
import semver from 'semver';

/**
 * `npm run check:engines`: every package of package-lock.json must accept the oldest Node
 * version of each release line the hub supports (package.json `engines.node`), so that
 * `npm ci` prints no EBADENGINE warning on any supported version, not only on the Node the
 * check happens to run on. A dependency that drops a supported line fails the check:
 * pin it (package.json `overrides`) or narrow `engines.node` and the README together.
 */

/** Release lines checked: each even major from 18 to 30 that `engines.node` admits. */
const LINES = [18, 20, 22, 24, 26, 28, 30];

interface LockPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

/** The oldest version of each supported release line, e.g. 20.19.0 and 22.13.0. */
export function oldestSupported(range: string): string[] {
  return LINES.flatMap((major) => {
    const candidates = Array.from(
      { length: 50 * 30 },
      (_, i) => `${major}.${Math.floor(i / 30)}.${i % 30}`,
    );
    const oldest = semver.minSatisfying(candidates, range);
    return oldest ? [oldest] : [];
  });
}

/** Packages whose `engines.node` rejects one of `versions`, as readable lines. */
export function engineConflicts(
  packages: Record<string, LockPackage>,
  versions: string[],
): string[] {
  const out: string[] = [];
  for (const [path, pkg] of Object.entries(packages)) {
    const node = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
    if (!path || !node) continue;
    const bad = versions.filter((v) => !semver.satisfies(v, node));
    if (bad.length)
      out.push(
        `${path.replace(/^.*node_modules\//, '')}@${pkg.version} wants node ${node}: not ${bad.join(', ')} (${path})`,
      );
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const range = (
    JSON.parse(readFileSync('package.json', 'utf8')) as { engines?: { node?: string } }
  ).engines?.node;
  if (!range || !semver.validRange(range)) {
    console.error('package.json: engines.node is missing or not a valid range');
    process.exit(1);
  }
  const versions = oldestSupported(range);
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, LockPackage>;
  };
  const conflicts = engineConflicts(lock.packages, versions);
  if (conflicts.length) {
    console.error(
      `engines.node "${range}" (oldest of each line: ${versions.join(', ')}) is refused by:\n  ${conflicts.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(`every locked package accepts Node ${versions.join(', ')} (engines.node "${range}")`);
}
