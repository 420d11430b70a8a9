import { BadRequestException, Body, Controller, Get, Module, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationFailedError } from '../errors/domain.errors';
import { startTestApp, type TestApp } from '../testing/test-app';

class InterfaceDto {
  @ApiProperty() @IsString() name!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(4094) vlan!: number;
}

class DeviceDto {
  @ApiProperty() @IsString() @Length(1, 50) name!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(65535) port!: number;
  @ApiProperty({ type: [InterfaceDto] }) @IsArray() @ValidateNested({ each: true }) @Type(() => InterfaceDto) interfaces!: InterfaceDto[];
  @ApiProperty({ required: false }) @IsOptional() @IsString() password?: string;
}

@Controller('api/v1/things')
class ThingsController {
  @Post()
  create(@Body() body: DeviceDto) {
    return { received: body, isDto: body instanceof DeviceDto };
  }

  @Get('missing')
  missing() {
    throw new NotFoundError('No device named core1; GET /api/v1/devices lists them');
  }

  @Get('conflict')
  conflict() {
    throw new ConflictError('A device named core1 exists already');
  }

  @Get('invalid')
  invalid() {
    throw ValidationFailedError.forField('hostname', 'hostname is taken by device 7');
  }

  @Get('bad-request')
  badRequest() {
    throw new BadRequestException('Pick a site first');
  }

  @Get('boom')
  boom() {
    throw new Error('connect failed for postgres://netkeep:hunter2@db/netkeep with password hunter2');
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('HTTP errors and validation', () => {
  let t: TestApp;
  let operator: string;
  beforeAll(async () => {
    t = await startTestApp({ domains: [{ module: ThingsModule }], env: { NETKEEP_BODY_LIMIT_MB: '0.01' } });
    operator = await t.tokenFor('operator');
  });
  afterAll(() => t?.close());

  const valid = { name: 'core1', port: 22, interfaces: [{ name: 'Gi0/1', vlan: 10 }] };

  it('turns a valid body into the DTO', async () => {
    const response = await t.request('POST', '/api/v1/things', { token: operator, body: valid });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ received: valid, isDto: true });
  });

  it('lists every field error, nested ones by path, without echoing values', async () => {
    const response = await t.request('POST', '/api/v1/things', {
      token: operator,
      body: { name: '', port: 70000, interfaces: [{ name: 'Gi0/1', vlan: 5000 }], password: 987654321, extra: true },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/^Invalid request: /),
      errors: expect.arrayContaining([
        { field: 'name', problems: ['name must be longer than or equal to 1 characters'] },
        { field: 'port', problems: ['port must not be greater than 65535'] },
        { field: 'interfaces.0.vlan', problems: ['vlan must not be greater than 4094'] },
        { field: 'password', problems: ['password must be a string'] },
        { field: 'extra', problems: ['property extra should not exist'] },
      ]),
    });
    expect(response.body.errors).toHaveLength(5);
    expect(JSON.stringify(response.body)).not.toContain('987654321');
  });

  it.each([
    ['missing', 404, 'Not Found', 'No device named core1; GET /api/v1/devices lists them'],
    ['conflict', 409, 'Conflict', 'A device named core1 exists already'],
    ['bad-request', 400, 'Bad Request', 'Pick a site first'],
  ])('maps %s to %i', async (path, statusCode, error, message) => {
    const response = await t.request('GET', `/api/v1/things/${path}`, { token: operator });
    expect(response.status).toBe(statusCode);
    expect(response.body).toEqual({ statusCode, error, message });
  });

  it('maps ValidationFailedError to the validation shape', async () => {
    const response = await t.request('GET', '/api/v1/things/invalid', { token: operator });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request: hostname is taken by device 7',
      errors: [{ field: 'hostname', problems: ['hostname is taken by device 7'] }],
    });
  });

  it('answers an unexpected error with a generic 500 and keeps the detail in the log', async () => {
    const response = await t.request('GET', '/api/v1/things/boom', { token: operator });
    const requestId = response.headers.get('x-request-id');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: `Internal server error; the server log has the details (request id ${requestId})`,
    });
    const logged = t.logs.records().find((record) => record['msg'] === 'unexpected error' && record['reqId'] === requestId);
    expect(logged?.['err']).toMatchObject({ message: expect.stringContaining('connect failed') });
    expect(t.logs.text()).not.toContain('hunter2@');
  });

  it('answers an unknown route with 404 JSON', async () => {
    const response = await t.request('GET', '/api/v2/devices?x=1', { token: operator });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No route GET /api/v2/devices; the API lives under /api/v1 (see /api/docs)',
    });
  });

  it('answers a body over the limit with 413 naming the limit', async () => {
    const response = await t.request('POST', '/api/v1/things', { token: operator, body: { ...valid, name: 'x'.repeat(20_000) } });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'Request body is larger than the 0.01 MB limit (NETKEEP_BODY_LIMIT_MB); send less per request',
    });
  });

  it('answers malformed and empty JSON with 400', async () => {
    const malformed = await t.request('POST', '/api/v1/things', { token: operator, body: '{"name": "core1",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/^Malformed JSON body/) });
    const empty = await t.request('POST', '/api/v1/things', { token: operator, body: '', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/^Empty body/);
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await t.request('POST', '/api/v1/things', { token: operator, body: 'name=core1', headers: { 'content-type': 'text/csv' } });
    expect(response.status).toBe(415);
    expect(response.body).toEqual({ statusCode: 415, error: 'Unsupported Media Type', message: 'Unsupported Content-Type: send application/json' });
  });

  it('serves the OpenAPI document with bearer auth and the UI', async () => {
    const document = await t.request('GET', '/api/docs/json');
    expect(document.status).toBe(200);
    expect(document.body.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'nk_… API token' } });
    expect(document.body.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/v1/tokens', '/api/v1/tokens/{id}', '/healthz', '/readyz', '/api/v1/things']));
    expect(document.body.paths['/api/v1/tokens'].post.responses).toHaveProperty('403');
    const ui = await t.request('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('SwaggerUIBundle');
    const asset = await fetch(`${t.url}/api/docs/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });
});
