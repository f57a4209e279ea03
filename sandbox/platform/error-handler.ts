// The last word on every failure: route errors (SandboxError), fastify's own body and transport
// errors, and anything unexpected. Whatever happens, the client gets a CloudLink-shaped
// `{ name, message }` body (MEDIA-SPEC definitions.error) and the process keeps running.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CORRELATION_HEADER } from './correlation-id';
import { isSandboxError } from './errors';

interface ErrorAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** fastify's own error codes, worded as CloudLink-style names. The names are CHOICES. */
function fromFastifyError(error: FastifyError): ErrorAnswer | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { name: 'RequestTooLong', message: 'The request body is larger than the sandbox accepts.' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: {
          name: 'UnsupportedMediaType',
          message: 'Send the body as application/json or application/x-www-form-urlencoded.',
        },
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: { name: 'InvalidContentLength', message: 'Content-Length does not match the body.' } };
    default:
      break;
  }
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return { status, body: { name: 'InvalidRequest', message: error.message } };
  }
  return undefined;
}

export function toErrorAnswer(error: unknown): ErrorAnswer {
  if (isSandboxError(error)) return { status: error.statusCode, body: error.toBody() };
  if (error && typeof error === 'object' && 'code' in error) {
    const answer = fromFastifyError(error as FastifyError);
    if (answer) return answer;
  }
  // The sandbox does not leak its own stack traces: a real service would not either.
  return { status: 500, body: { name: 'InternalServerError', message: 'The sandbox failed to handle the request.' } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const answer = toErrorAnswer(error);
    if (answer.status >= 500) request.log.error({ err: error }, 'sandbox route failed');
    return reply.code(answer.status).send(answer.body);
  });
}

/**
 * fastify's `frameworkErrors` option: errors found before routing (a URL that does not
 * percent-decode), which skip hooks and the error handler. CHOICE: 400 InvalidRequest in the
 * platform shape, with the correlation id the hooks would have added.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(400)
    .header(CORRELATION_HEADER, request.id)
    .send({ name: 'InvalidRequest', message: error.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid.' : error.message });
}
