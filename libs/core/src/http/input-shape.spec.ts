import { Body, Controller, Get, Module, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app';
import { MAX_INPUT_DEPTH, nestsDeeperThan, nulCharacterAt } from './input-shape';

class NoteDto {
  @ApiProperty({ required: false }) @IsOptional() @IsString() note?: string;
}

class SearchDto {
  @ApiProperty({ required: false }) @IsOptional() @IsString() q?: string;
}

@Controller('api/v1/notes')
class NotesController {
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: NoteDto) {
    return { id, body };
  }

  @Get()
  search(@Query() query: SearchDto) {
    return { query };
  }

  @Post('raw')
  raw(@Body() body: unknown) {
    return { type: typeof body };
  }
}

@Module({ controllers: [NotesController] })
class NotesModule {}

describe('input the pipe refuses before anything reads it', () => {
  let t: TestApp;
  let operator: string;

  beforeAll(async () => {
    t = await startTestApp({ domains: [{ module: NotesModule }] });
    operator = await t.tokenFor('operator');
  });
  afterAll(() => t?.close());

  const call = (method: string, path: string, body?: string, contentType = 'application/json') =>
    t.request(method, path, { token: operator, body, headers: body === undefined ? {} : { 'content-type': contentType } });

  it('measures nesting and finds NUL characters without recursing', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(nestsDeeperThan(deep, MAX_INPUT_DEPTH)).toBe(true);
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nulCharacterAt({ snmp: { community: 'a\u0000b' } })).toBe('snmp.community');
    expect(nulCharacterAt('x\u0000')).toBe('');
    expect(nulCharacterAt({ ok: ['fine'] })).toBeUndefined();
  });

  it.each([
    ['a body nested past the limit', 'PATCH', '/api/v1/notes/n1', `{"note": "x", "deep": ${'['.repeat(5_000)}${']'.repeat(5_000)}}`, /nests objects or lists more than 32 levels deep/],
    ['a JSON null body', 'PATCH', '/api/v1/notes/n1', 'null', /the body must be a JSON object/],
    ['a JSON list body', 'PATCH', '/api/v1/notes/n1', '[{"note": "x"}]', /the body must be a JSON object/],
    ['a NUL in a body field', 'PATCH', '/api/v1/notes/n1', '{"note": "a\\u0000b"}', /note must not contain NUL characters/],
    ['a NUL in a path parameter', 'PATCH', '/api/v1/notes/n%001', '{}', /id must not contain NUL characters/],
    ['a NUL in a query value', 'GET', '/api/v1/notes?q=a%00b', undefined, /q must not contain NUL characters/],
    ['a NUL in a raw text body', 'POST', '/api/v1/notes/raw', 'name\u0000', /body must not contain NUL characters/],
  ])('answers %s with 400', async (_what, method, path, body, message) => {
    const contentType = path.endsWith('/raw') ? 'text/plain' : 'application/json';
    const response = await call(method, path, body, contentType);
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(message);
  });

  it('takes no body as an empty one, and refuses form bodies the API does not speak', async () => {
    expect((await call('PATCH', '/api/v1/notes/n1')).body).toEqual({ id: 'n1', body: {} });
    const form = await call('PATCH', '/api/v1/notes/n1', 'note=x', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
  });
});
