/**
 * `npm run kafka`: only the local Apache Kafka broker, in the foreground, for working on one app
 * at a time. Fetches the jars on first use, formats its storage once (.hub/kafka), waits until it
 * answers, and stops it cleanly on Ctrl-C. It authenticates as the hub's broker does; an app run by
 * hand connects as the administrator (printed).
 */
import '@hub/runtime'; // first: a Node.js older than 24.15 stops here, with a clear message
import { join } from 'node:path';
import { findProjectRoot, isPortTaken, LocalKafkaBroker } from '@hub/local-infra';

const say = (line: string) => process.stdout.write(`[kafka] ${line}\n`);

async function main(): Promise<void> {
  const root = findProjectRoot();
  const port = Number(process.env['LOCAL_KAFKA_PORT'] ?? 9092);
  if (await isPortTaken(port)) throw new Error(`127.0.0.1:${port} is already in use; set LOCAL_KAFKA_PORT to use another port`);
  const broker = await LocalKafkaBroker.start({ projectRoot: root, dataDir: join(root, '.hub', 'kafka'), port, controllerPort: port + 1, heapMb: 1024, log: say, secure: true });
  say(`Apache Kafka ${broker.version} is ready on ${broker.bootstrapServers}. Press Ctrl-C to stop.`);
  const admin = broker.security!.admin;
  say(
    `An app run by hand connects as the administrator: KAFKA_BROKERS=${admin.brokers.join(',')} KAFKA_SASL_MECHANISM=plain KAFKA_SASL_USERNAME=admin KAFKA_SASL_PASSWORD=$(node -p "require('./.hub/kafka/security/secrets.json').adminPassword")`,
  );
  const stop = async () => {
    say('Stopping ...');
    await broker.stop();
    say('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  say(`Could not start Kafka: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
