import type { ChildProcess } from 'node:child_process';
import { spawnHubApp } from '@hub/local-infra';

/**
 * A built hub app (or test fixture) run as its own OS process, as in production, so a test can
 * SIGKILL it. npm test builds dist/ before jest starts.
 */
export class AppProcess {
  readonly lines: string[] = [];
  private readonly exit: Promise<number | null>;
  private exitCode?: number | null;

  private constructor(
    private readonly child: ChildProcess,
    /** Where the process serves HTTP, for those that do. */
    readonly url?: string,
  ) {
    const collect = (chunk: Buffer) => this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exit = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
  }

  static start(entry: string, env: Record<string, string>, options: { url?: string } = {}): AppProcess {
    const child = spawnHubApp(entry, {
      env: { ...process.env, NODE_ENV: 'test', LOG_FORMAT: 'json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(child, options.url);
  }

  get exited(): boolean {
    return this.exitCode !== undefined;
  }

  /** Log lines that parse as JSON (pino), for assertions on fields. */
  jsonLines(): Record<string, unknown>[] {
    return this.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Sends a signal and waits for the process to exit; returns the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (!this.exited) this.child.kill(signal);
    return this.exit;
  }

  waitForExit(): Promise<number | null> {
    return this.exit;
  }
}
