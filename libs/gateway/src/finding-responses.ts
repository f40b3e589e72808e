import { randomUUID } from 'node:crypto';
import { departmentSource, toKafkaBinary, type EventType } from '@hub/contracts';
import { ErrorCode, HubError } from '@hub/errors';
import { IDENTITY_NUMBER_OUTSIDE_IDENTIFIERS } from '@hub/ingest';
import type { HubProducer } from '@hub/messaging';
import { pseudonymiseDocument, type Pseudonymiser } from '@hub/privacy';
import type { GatewayContracts } from './gateway-contracts.js';

/** The event type a department's response to a finding is recorded as. */
export const FINDING_RESPONSE_TYPE = 'hub.finding-response.recorded.v1' satisfies EventType;

export interface FindingResponseRequest {
  response?: unknown;
  reason?: unknown;
  respondedBy?: unknown;
}

/**
 * Records a department's response to one of its findings (acknowledged, resolved, disputed with a
 * reason) as an event for the crosscheck to reflect in the finding. The gateway publishes it on the
 * department's behalf, since the event type belongs to the hub.
 */
export class FindingResponses {
  // Only what it uses of the contracts and the producer (its ports), so it is specified without Kafka (tests/gateway/finding-responses.spec.ts).
  constructor(
    private readonly contracts: Pick<GatewayContracts, 'forType'>,
    private readonly producer: Pick<HubProducer, 'send'>,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  async record(member: string, findingId: string, request: FindingResponseRequest): Promise<{ eventId: string; respondedAt: string }> {
    const contract = this.contracts.forType(FINDING_RESPONSE_TYPE);
    if (!contract) throw new HubError(ErrorCode.NotReady, `no contract is registered for ${FINDING_RESPONSE_TYPE}`, { canRetry: true });
    const respondedAt = new Date().toISOString();
    const { response, reason, respondedBy } = request;
    const given = Object.fromEntries(Object.entries({ response, reason, respondedBy }).filter(([, value]) => value !== undefined));
    const data = { findingId, department: member, ...given, respondedAt };
    const validation = contract.validate(data);
    // Who responded travels as a keyed token; a reason may not name a resident by identity number.
    const canonical = validation.valid ? pseudonymiseDocument(contract.schema, data, contract.binding.owner, this.pseudonymiser) : undefined;
    const problems = validation.valid
      ? canonical!.strayIdentityNumbers.map((pointer) => `${pointer}: ${IDENTITY_NUMBER_OUTSIDE_IDENTIFIERS}`)
      : validation.violations.map((v) => `${v.instancePath || '/'}: ${v.message}`);
    if (problems.length > 0) throw new HubError(ErrorCode.BadRequest, `the response is not valid: ${problems.join('; ')}`, { context: { problems } });
    const eventId = randomUUID();
    const message = toKafkaBinary(
      {
        specversion: '1.0',
        id: eventId,
        source: departmentSource(member),
        type: contract.binding.topic,
        time: respondedAt,
        subject: findingId,
        dataschema: `urn:nx-hub:contract:${contract.binding.type}:v${contract.binding.version}`,
        datacontenttype: 'application/json',
        data: canonical!.document,
      },
      findingId,
    );
    await this.producer.send([{ topic: contract.binding.topic, ...message }]);
    return { eventId, respondedAt };
  }
}
