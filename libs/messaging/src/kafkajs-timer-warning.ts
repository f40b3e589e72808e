let installed = false;

/**
 * kafkajs 2.2.4 arms a timer with a negative delay on every connection (kafkajs issue #1751), and
 * Node 24 prints a TimeoutNegativeWarning for each: on every process's stderr, every `hub` command
 * that talks to Kafka included. The delay is taken as 1 ms, as kafkajs meant, so the warning says
 * nothing about the hub. This drops that warning when kafkajs raised it, and prints every other
 * warning as Node would. Installed once per process, when the first Kafka client is made.
 */
export function dropKafkajsTimerWarnings(): void {
  if (installed) return;
  installed = true;
  const printers = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutNegativeWarning' && warning.stack?.includes('kafkajs')) return;
    for (const print of printers) print(warning);
  });
}
