import type { ChildProcess, StdioOptions } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Where the apps' output goes under `npm start`: each app's lines to `.hub/logs/<app>.log`
 * (appended across starts), so the terminal shows only the launcher's summary; or, with
 * HUB_LOG=stdout, straight to the terminal as they come.
 */
export class AppLogs {
  private readonly files = new Map<string, WriteStream>();

  constructor(
    readonly folder: string,
    readonly inline: boolean,
  ) {
    if (!inline) mkdirSync(folder, { recursive: true });
  }

  /** The stdio to spawn an app with. */
  get stdio(): StdioOptions {
    return this.inline ? 'inherit' : ['ignore', 'pipe', 'pipe'];
  }

  fileOf(app: string): string {
    return join(this.folder, `${app.replace(/[^A-Za-z0-9-]+/g, '-')}.log`);
  }

  /** Writes the child's lines to its log, and hands each to `onLine` (the demo's progress). */
  attach(app: string, child: ChildProcess, onLine?: (line: string) => void): void {
    if (this.inline) return;
    const file = createWriteStream(this.fileOf(app), { flags: 'a' });
    this.files.set(app, file);
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        file.write(`${line}\n`);
        onLine?.(line);
      });
    }
  }

  /** The last lines an app wrote, to show why it stopped; empty when its output went to the terminal. */
  lastLines(app: string, count: number): string[] {
    if (this.inline) return [];
    try {
      return readFileSync(this.fileOf(app), 'utf8').trimEnd().split('\n').slice(-count);
    } catch (error) {
      return [`(its log ${this.fileOf(app)} could not be read: ${(error as Error).message})`];
    }
  }
}

/** A simulator's report that it has published its share of the demo region, as its log line says it (JSON or pretty). */
export function demoProgress(line: string): string | undefined {
  return /published \d+ records \([^)]*\), \d+ rejected/.exec(line)?.[0];
}
