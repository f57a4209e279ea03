// CloudLink sits behind AWS API Gateway + Lambda (AUTH-SPEC failoverStatusResponse, MEDIA-SPEC
// x-amazon-apigateway-binary-media-types). A REST API Gateway answers a path or method it has no
// resource for with 403, never 404, and words the body after the Authorization header it saw
// (AWS). Suites must expect that, so the sandbox reproduces it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** What the gateway says about a routing miss, given the request's Authorization header. */
export function gatewayMiss(authorization: string | undefined): { errorType: string; message: string } {
  const header = authorization?.trim();
  if (!header) return { errorType: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };

  const separator = header.search(/\s/);
  if (separator === -1) {
    // CHOICE: a bare token (no scheme) is parsed by the gateway as a SigV4 header with none of its
    // parameters. The wording follows AWS's SigV4 parse error; public sources only document the
    // "Bearer" case.
    return {
      errorType: 'IncompleteSignatureException',
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either " +
        `a 'X-Amz-Date' or a 'Date' header. Authorization=${header}`,
    };
  }
  // "Bearer <jwt>": the gateway reads the token as a SigV4 key=value pair and finds no '=' (AWS).
  const token = header.slice(separator).trim().split(/\s+/)[0] ?? '';
  return {
    errorType: 'IncompleteSignatureException',
    message: `'${token}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`,
  };
}

function answerMiss(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const miss = gatewayMiss(request.headers.authorization);
  // The gateway's own answers have only `message`, not the services' `{name, message}` shape.
  return reply.code(403).header('x-amzn-errortype', miss.errorType).send({ message: miss.message });
}

export function registerGateway(app: FastifyInstance): void {
  // Answer in onRequest, before any body parsing: the gateway rejects an unknown route whatever
  // the body holds, so a malformed or oversized body sent to a wrong path still gets the 403.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.is404) return void answerMiss(request, reply);
    done();
  });
  app.setNotFoundHandler((request, reply) => answerMiss(request, reply));
}
