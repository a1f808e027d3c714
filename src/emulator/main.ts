import { ConfigError } from '../config.js';
import { startEmulator } from './emulator.js';

const portText = process.env.EMULATOR_PORT ?? '4010';
if (!/^\d+$/.test(portText) || Number(portText) > 65_535) {
  console.error(
    new ConfigError('EMULATOR_PORT', `must be a whole number from 0 to 65535, not "${portText}"`).message,
  );
  process.exit(1);
}
const emulator = await startEmulator({ host: '127.0.0.1', port: Number(portText) });
console.log(
  `Badges emulator listening at ${emulator.url} (set CAPILLARY_BASE_URL=${emulator.url} to use it)`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.stop().then(() => process.exit(0));
  });
}
