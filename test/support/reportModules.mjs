// Preloaded into a gateway process by tests (`node --import`): writes a line to stderr for
// every module the process resolves, so that a test can tell which modules it loaded.
import { registerHooks } from 'node:module';
import process from 'node:process';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    process.stderr.write(`resolved module: ${resolved.url}\n`);
    return resolved;
  },
});
