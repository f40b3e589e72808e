import { connect, type Socket } from 'node:net';
import { ErrorCode, HubError } from '@hub/errors';

interface Waiting {
  correlationId: number;
  resolve: (frame: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * One plaintext connection to a broker that sends requests and gives back their responses in
 * order (Kafka answers a connection's requests in the order they were sent). Response frames are
 * joined once, when complete, not chunk by chunk.
 */
export class BrokerConnection {
  private readonly waiting: Waiting[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  private failure: Error | undefined;
  private nextCorrelationId = 1;

  private constructor(
    private readonly socket: Socket,
    readonly address: string,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.fail(new HubError(ErrorCode.KafkaUnavailable, `the connection to broker ${address} failed: ${error.message}`, { canRetry: true, cause: error })));
    socket.on('close', () => this.fail(new HubError(ErrorCode.KafkaUnavailable, `broker ${address} closed the connection`, { canRetry: true })));
  }

  static open(host: string, port: number, timeoutMs: number): Promise<BrokerConnection> {
    const address = `${host}:${port}`;
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port, noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new HubError(ErrorCode.KafkaUnavailable, `broker ${address} did not accept a connection within ${timeoutMs} ms`, { canRetry: true }));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(new BrokerConnection(socket, address));
      });
      socket.once('error', (error) => {
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

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.buffered >= 4) {
      const head = this.chunks[0]!.length >= 4 ? this.chunks[0]! : Buffer.concat(this.chunks);
      const size = head.readInt32BE(0);
      if (this.buffered < 4 + size) return;
      const data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
      const rest = data.subarray(4 + size);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
      this.answer(data.subarray(4, 4 + size));
    }
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
