import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiQuery } from '@nestjs/swagger';
import { MAX_PAGE_SIZE } from './paging.js';

/** The query of every paged list: where the previous page ended, how many, and (auditors) whose. */
export function ApiPaging(memberDescription = 'Auditors only: whose items to read (a department reads only its own).'): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'after', required: false, description: 'The nextCursor of the previous page.', schema: { type: 'string', pattern: '^[0-9]{1,18}$' } }),
    ApiQuery({ name: 'limit', required: false, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default 100).`, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE } }),
    ApiQuery({ name: 'member', required: false, description: memberDescription, schema: { type: 'string' } }),
  );
}

/** The cursor every page ends with. */
export class PageCursor {
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `after` for the next page; null at the end.' }) nextCursor!: string | null;
}
