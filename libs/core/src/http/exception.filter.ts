import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { CONFIG } from '../config/config.constants';
import type { NetkeepConfig } from '../config/netkeep-config';
import { ConflictError, type FieldError, NotFoundError, ValidationFailedError } from '../errors/domain.errors';
import type { NetkeepLogger } from '../logging/create-logger';
import { LOGGER } from '../logging/logging.constants';

/** Every error response has this shape; `errors` only for validation failures. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldError[];
}

/**
 * Every error becomes JSON with a message a person can act on. Domain errors map to 404/409/400;
 * Fastify's own (body too large, malformed JSON) keep their status with a clearer message;
 * anything unexpected is a 500 whose detail goes only to the log.
 */
@Catch()
export class NetkeepExceptionFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
    @Inject(CONFIG) private readonly config: NetkeepConfig,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toBody(exception, request);
    if (body.statusCode === 401) reply.header('WWW-Authenticate', 'Bearer');
    reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof ValidationFailedError) return { ...make(400, exception.message), errors: exception.errors };
    if (exception instanceof NotFoundError) return make(404, exception.message);
    if (exception instanceof ConflictError) return make(409, exception.message);
    if (exception instanceof HttpException) return this.fromHttpException(exception, request);
    const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (exception instanceof Error && isClientStatus(statusCode)) return this.fromClientError(statusCode, exception.message);
    this.logger.error({ err: exception, reqId: request.id, method: request.method, url: pathOf(request) }, 'unexpected error');
    return make(500, `Internal server error; the server log has the details (request id ${request.id})`);
  }

  private fromHttpException(exception: HttpException, request: FastifyRequest): ErrorBody {
    const status = exception.getStatus();
    // Nest's not-found handler for unknown routes.
    if (status === 404 && /^Cannot [A-Z]+ /.test(exception.message)) {
      return make(404, `No route ${request.method} ${pathOf(request)}; the API lives under /api/v1 (see /api/docs)`);
    }
    if (status >= 500) {
      this.logger.error({ err: exception, reqId: request.id }, 'server error');
      return make(status, `${STATUS_CODES[status] ?? 'Server error'}; the server log has the details (request id ${request.id})`);
    }
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? ([] as unknown[]).concat((response as { message: unknown }).message).join('; ')
        : exception.message;
    return this.fromClientError(status, message);
  }

  /** Fastify's body errors reach here as plain 4xx exceptions (Nest keeps the message, drops the code): reword them. */
  private fromClientError(status: number, message: string): ErrorBody {
    if (status === 413) {
      const limitMb = +(this.config.bodyLimitBytes / 1024 / 1024).toFixed(2);
      return make(413, `Request body is larger than the ${limitMb} MB limit (NETKEEP_BODY_LIMIT_MB); send less per request`);
    }
    const reworded = FASTIFY_MESSAGES[message];
    return make(status, reworded ?? message);
  }
}

const FASTIFY_MESSAGES: Record<string, string> = {
  "Body is not valid JSON but content-type is set to 'application/json'":
    'Malformed JSON body: check quotes, commas and braces, or send another Content-Type',
  "Body cannot be empty when content-type is set to 'application/json'":
    'Empty body with Content-Type application/json: send a JSON document or drop the header',
  'Unsupported Media Type': 'Unsupported Content-Type: send application/json',
};

function make(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

function isClientStatus(status: unknown): status is number {
  return typeof status === 'number' && status >= 400 && status < 500;
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}
