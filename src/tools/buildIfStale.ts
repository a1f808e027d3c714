/**
 * Runs `npm run build` (tsc) only when a source is newer than the last build, so
 * that `npm start`, `npm test` and the benchmarks never run stale code and an
 * up-to-date tree starts at once. Run by Node itself (type stripping): it may
 * import nothing of the project, which may not be built yet.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const stamp = join(root, 'dist', '.build-stamp');
const inputs = ['src', 'bench', 'schema', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : -1;
const changedAt = Math.max(...inputs.map((input) => newest(join(root, input))));
if (changedAt >= builtAt) {
  const started = Date.now();
  // A module removed from the sources must not linger in the build (tsc only ever adds).
  for (const output of ['src', 'bench']) rmSync(join(root, 'dist', output), { recursive: true, force: true });
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // Stamped with the time the build began: a source saved during the build counts as newer.
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  utimesSync(stamp, started / 1000, started / 1000);
}
