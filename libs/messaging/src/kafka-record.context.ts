import { BaseRpcContext } from '@nestjs/microservices';
import type { InboundRecord } from './inbound-record.js';

/** The context a handler may take as its second argument: the records in hand and their consumer group. */
export class KafkaRecordContext extends BaseRpcContext<[readonly InboundRecord[], string]> {
  get records(): readonly InboundRecord[] {
    return this.args[0];
  }

  get consumerGroup(): string {
    return this.args[1];
  }
}
