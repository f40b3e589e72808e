import { applyDecorators } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth } from '@nestjs/swagger';

/** The two ways a member authenticates (MemberAuthGuard): its API key as a bearer token, or HTTP Basic. */
export function ApiMemberAuth(): ClassDecorator {
  return applyDecorators(ApiBearerAuth('apiKey'), ApiBasicAuth('memberBasic'));
}
