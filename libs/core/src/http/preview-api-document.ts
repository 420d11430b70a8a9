import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { apiDocumentConfig } from './api-docs';

/**
 * The OpenAPI document an app serves at /api/docs/json, without starting it: Nest's preview mode
 * builds the module graph but calls no provider factory, so no database, Redis or port is touched.
 */
export async function previewApiDocument(module: Type<unknown> | DynamicModule, title: string): Promise<OpenAPIObject> {
  const app = await NestFactory.create(module, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  try {
    return SwaggerModule.createDocument(app, apiDocumentConfig(title));
  } finally {
    await app.close();
  }
}
