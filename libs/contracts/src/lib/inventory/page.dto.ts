import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { composeProperty } from '../validation/field-presence';
import { queryInteger } from '../validation/query-values';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 1000;

/** limit/offset decorators, shared by every list query. */
export const PageField = {
  limit: () =>
    composeProperty(
      ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT }),
      Transform(queryInteger),
      IsInt({ message: 'limit must be an integer' }),
      Min(1),
      Max(MAX_PAGE_LIMIT),
    ),
  offset: () =>
    composeProperty(
      ApiPropertyOptional({ minimum: 0, default: 0 }),
      Transform(queryInteger),
      IsInt({ message: 'offset must be an integer' }),
      Min(0),
      Max(Number.MAX_SAFE_INTEGER),
    ),
};

export const NAMED_ORDERING_VALUES: readonly string[] = ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'];

/** GET list of sites or credentials: paging, name ordering and a free-text q on the name. */
export class NamedListQueryDto {
  @PageField.limit() limit: number = DEFAULT_PAGE_LIMIT;
  @PageField.offset() offset = 0;

  @ApiPropertyOptional({ enum: NAMED_ORDERING_VALUES, default: 'name' })
  @IsOptional()
  @IsIn(NAMED_ORDERING_VALUES, { message: `ordering must be one of ${NAMED_ORDERING_VALUES.join(', ')}` })
  ordering?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive substring of the name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** The NetBox list envelope; `next`/`previous` are absolute URLs with the same query. */
export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}
