import { UndiciBadgesClient } from './badges/client.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startEmulator, type RunningEmulator } from './emulator/emulator.js';
import { startGateway } from './gateway.js';

function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Invalid configuration: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

const config = configOrExit();

let emulator: RunningEmulator | null = null;
let upstream = config.capillaryBaseUrl;
if (upstream === null) {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  upstream = new URL(emulator.url);
  console.log(
    `CAPILLARY_BASE_URL is not set: using the embedded Badges emulator at ${emulator.url} (in-memory, for development only).`,
  );
}

const badges = new UndiciBadgesClient({
  baseUrl: upstream,
  timeoutMs: config.capillaryTimeoutMs,
  maxResponseBytes: config.capillaryMaxResponseBytes,
});

let gateway;
try {
  gateway = await startGateway({ config, badges }, { host: config.host, port: config.port });
} catch (error) {
  console.error(`Cannot listen on ${config.host}:${config.port} (HOST/PORT): ${(error as Error).message}`);
  process.exit(1);
}
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
const port = new URL(gateway.url).port;
console.log(
  `Badges GraphQL gateway ready at http://${shownHost}:${port}/graphql (upstream ${upstream.origin})`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then stopping.`);
    void (async () => {
      await gateway.stop();
      await badges.close();
      await emulator?.stop();
      process.exit(0);
    })();
  });
}
