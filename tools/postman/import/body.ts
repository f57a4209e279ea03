// Postman's body modes as the harness's RequestBody. raw JSON stays JSON (so suites can override
// fields), raw text keeps its content type, urlencoded stays a form, GraphQL becomes the JSON it is
// on the wire, and form-data text parts become a multipart text with a fixed boundary. What cannot
// be carried (file parts, binary files) is reported, never dropped silently.
import type { RequestBody } from '../../../harness/client/named-request';
import type { PostmanBody, PostmanKeyValue } from '../format';
import type { ParameterCollector } from './parameters';

export interface ConvertedBody {
  body?: RequestBody;
  /** Fields Postman keeps but does not send (disabled), shown beside the request. */
  disabled: string[];
  /** Parts that could not be translated, with why. */
  notes: string[];
}

export const MULTIPART_BOUNDARY = 'cloudlink-harness-form-boundary';

const LANGUAGE_TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  javascript: 'application/javascript',
  text: 'text/plain',
};

export function convertBody(body: PostmanBody | undefined, contentTypeHeader: string | undefined, params: ParameterCollector): ConvertedBody {
  const out: ConvertedBody = { disabled: [], notes: [] };
  if (!body) return out;
  switch (body.mode) {
    case 'raw':
      out.body = rawBody(body, contentTypeHeader, params);
      break;
    case 'urlencoded': {
      const fields = body.urlencoded ?? [];
      out.body = {
        mode: 'urlencoded',
        form: fieldsOf(
          fields.filter((f) => !f.disabled),
          params,
        ),
      };
      out.disabled.push(...fields.filter((f) => f.disabled).map((f) => `${f.key}=${f.value ?? ''}`));
      break;
    }
    case 'formdata':
      out.body = multipart(body.formdata ?? [], out, params);
      break;
    case 'graphql': {
      const query = params.singleBraces(body.graphql?.query ?? '');
      const text = params.singleBraces(body.graphql?.variables ?? '');
      const variables = parseOr(text, undefined);
      if (variables === undefined && text.trim() !== '') out.notes.push('the GraphQL variables are not JSON; they are sent as the text Postman holds');
      out.body = { mode: 'json', json: { query, variables: variables ?? (text.trim() === '' ? {} : text) } };
      break;
    }
    case 'file':
      out.notes.push(`the body is a binary file (${body.file?.src ?? 'no file chosen'}); it is not carried over: send it with { headers, … } from the test`);
      break;
    default:
      out.notes.push(`body mode "${body.mode}" is not known; the body is not carried over`);
  }
  return out;
}

function rawBody(body: PostmanBody, contentTypeHeader: string | undefined, params: ParameterCollector): RequestBody {
  const text = params.singleBraces(body.raw ?? '');
  const language = body.options?.raw?.language;
  const contentType = contentTypeHeader ?? LANGUAGE_TYPES[language ?? 'text'] ?? 'text/plain';
  const looksJson = language === 'json' || /\bjson\b/i.test(contentType) || (language === undefined && /^\s*[[{]/.test(text));
  if (looksJson) {
    // `{{count}}` written unquoted is common in Postman bodies and is not JSON: such a body stays text.
    const parsed = parseOr(text, undefined);
    if (parsed !== undefined && typeof parsed === 'object' && parsed !== null) return { mode: 'json', json: parsed };
    return { mode: 'raw', raw: text, contentType: /\bjson\b/i.test(contentType) ? contentType : 'application/json' };
  }
  return { mode: 'raw', raw: text, contentType };
}

function fieldsOf(fields: PostmanKeyValue[], params: ParameterCollector): Record<string, string> {
  const form: Record<string, string> = {};
  for (const field of fields) form[params.singleBraces(field.key)] = params.singleBraces(field.value ?? '');
  return form;
}

function multipart(parts: PostmanKeyValue[], out: ConvertedBody, params: ParameterCollector): RequestBody {
  const lines: string[] = [];
  for (const part of parts) {
    if (part.disabled) {
      out.disabled.push(`${part.key} (form-data part)`);
    } else if (part.type === 'file') {
      out.notes.push(`form-data part "${part.key}" is a file (${[part.src ?? 'no file chosen'].flat().join(', ')}); it is not carried over`);
    } else {
      lines.push(
        `--${MULTIPART_BOUNDARY}`,
        `Content-Disposition: form-data; name="${params.singleBraces(part.key)}"`,
        '',
        params.singleBraces(part.value ?? ''),
      );
    }
  }
  lines.push(`--${MULTIPART_BOUNDARY}--`, '');
  return { mode: 'raw', raw: lines.join('\r\n'), contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` };
}

function parseOr<T>(text: string, fallback: T): unknown {
  if (text.trim() === '') return fallback;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}
