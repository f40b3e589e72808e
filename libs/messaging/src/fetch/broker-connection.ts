import { connect, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { ErrorCode, HubError } from '@hub/errors';
import type { KafkaSasl, KafkaTls } from '../security/kafka-credentials.js';
import { authenticateConnection } from '../security/sasl-authentication.js';

interface Waiting {
  correlationId: number;
  resolve: (frame: Buffer) => void;
  reject: (error: Error) => void;
}

/** How a connection is opened: its time limit, and the TLS and SASL of the listener. */
export interface ConnectionOptions {
  clientId: string;
  timeoutMs: number;
  tls?: KafkaTls;
  sasl?: KafkaSasl;
}

/** Bytes a socket read fills at most; the connection reads into one such buffer again and again. */
const READ_BUFFER_BYTES = 256 * 1024;

/**
 * One connection to a broker (plain or TLS, authenticated with SASL where the listener asks for it) that sends requests and gives back their responses in
 * order (Kafka answers a connection's requests in the order they were sent). Socket reads go into
 * one buffer and responses into two that take turns, all reused: a reading of gigabytes then
 * allocates no memory outside the heap per response, which would make V8 collect the whole heap
 * every few responses (the collector counts such memory and collects when it grows). So a response
 * stays valid only until the response after the next arrives.
 */
export class BrokerConnection {
  private readonly waiting: Waiting[] = [];
  private readonly frames: Buffer[] = [Buffer.alloc(0), Buffer.alloc(0)];
  private turn = 0;
  /** The response being received: its size once the 4 bytes of it are in, and how much of it is. */
  private readonly sizeBytes = Buffer.alloc(4);
  private sizeReceived = 0;
  private frame: Buffer | undefined;
  private frameReceived = 0;
  private failure: Error | undefined;
  private nextCorrelationId = 1;

  private constructor(
    private readonly socket: Socket,
    readonly address: string,
  ) {
    socket.on('error', (error) => {
      this.fail(new HubError(ErrorCode.KafkaUnavailable, `the connection to broker ${address} failed: ${error.message}`, { canRetry: true, cause: error }));
    });
    socket.on('close', () => {
      this.fail(new HubError(ErrorCode.KafkaUnavailable, `broker ${address} closed the connection`, { canRetry: true }));
    });
  }

  /** Opens a connection and, for a SASL listener, authenticates it before anything else is sent. */
  static async open(host: string, port: number, options: ConnectionOptions): Promise<BrokerConnection> {
    const connection = await BrokerConnection.connect(host, port, options);
    if (!options.sasl) return connection;
    try {
      await authenticateConnection(connection, options.clientId, options.sasl);
      return connection;
    } catch (error) {
      connection.close();
      throw error;
    }
  }

  private static connect(host: string, port: number, { timeoutMs, tls }: ConnectionOptions): Promise<BrokerConnection> {
    const address = `${host}:${port}`;
    return new Promise((resolve, reject) => {
      let opened: BrokerConnection | undefined;
      const reads = Buffer.alloc(READ_BUFFER_BYTES);
      const onread = {
        buffer: reads,
        callback: (length: number) => {
          opened?.receive(reads, length);
          return true;
        },
      };
      // TLS sockets take no onread buffer: their plaintext arrives as data events instead.
      const socket = tls ? connectTls({ host, port, ca: tls.ca }) : connect({ host, port, noDelay: true, onread });
      if (tls) socket.setNoDelay(true).on('data', (chunk: Buffer) => opened?.receive(chunk, chunk.length));
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new HubError(ErrorCode.KafkaUnavailable, `broker ${address} did not accept a connection within ${timeoutMs} ms`, { canRetry: true }));
      }, timeoutMs);
      socket.once(tls ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        opened = new BrokerConnection(socket, address);
        resolve(opened);
      });
      socket.once('error', (error: Error) => {
        clearTimeout(timer);
        reject(new HubError(ErrorCode.KafkaUnavailable, `cannot connect to broker ${address}: ${error.message}`, { canRetry: true, cause: error }));
      });
    });
  }

  /** A correlation id for the next request this connection sends. */
  correlationId(): number {
    return this.nextCorrelationId++;
  }

  /** Sends a whole request frame; resolves with its response after the correlation id. */
  send(frame: Buffer, correlationId: number): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ correlationId, resolve, reject });
      this.socket.write(frame);
    });
  }

  close(): void {
    this.failure ??= new HubError(ErrorCode.KafkaUnavailable, `the connection to broker ${this.address} was closed`);
    this.socket.destroy();
  }

  /** Copies what a socket read gave out of the read buffer, into the response it belongs to. */
  private receive(bytes: Buffer, length: number): void {
    let at = 0;
    while (at < length) {
      if (this.frame === undefined) {
        const taken = Math.min(4 - this.sizeReceived, length - at);
        bytes.copy(this.sizeBytes, this.sizeReceived, at, at + taken);
        this.sizeReceived += taken;
        at += taken;
        if (this.sizeReceived < 4) return;
        this.frame = this.frameOf(this.sizeBytes.readInt32BE(0));
        this.frameReceived = 0;
      }
      const taken = Math.min(this.frame.length - this.frameReceived, length - at);
      bytes.copy(this.frame, this.frameReceived, at, at + taken);
      this.frameReceived += taken;
      at += taken;
      if (this.frameReceived === this.frame.length) {
        const frame = this.frame;
        this.frame = undefined;
        this.sizeReceived = 0;
        this.answer(frame);
      }
    }
  }

  /** The next of the two response buffers, grown when a response is larger than any before. */
  private frameOf(size: number): Buffer {
    this.turn = 1 - this.turn;
    if (this.frames[this.turn].length < size) this.frames[this.turn] = Buffer.allocUnsafe(Math.max(size, 2 * this.frames[this.turn].length));
    return this.frames[this.turn].subarray(0, size);
  }

  private answer(frame: Buffer): void {
    const waiting = this.waiting.shift();
    const correlationId = frame.readInt32BE(0);
    if (!waiting || waiting.correlationId !== correlationId) {
      const error = new HubError(ErrorCode.UnexpectedKafkaResponse, `broker ${this.address} answered request ${correlationId}, expected ${waiting?.correlationId ?? 'none'}`);
      waiting?.reject(error);
      this.fail(error);
      this.socket.destroy();
      return;
    }
    waiting.resolve(frame.subarray(4));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.splice(0)) waiting.reject(this.failure);
  }
}
