// CloudLink answers errors as `{ name, message }` (MEDIA-SPEC definitions.error; AUTH-SPEC inline
// schemas), sometimes with extras: `labels` on 409 MultipleMatching (AUTH-SPEC ConflictResponse)
// and the OAuth pair `error`/`error_description` on /authorize (AUTH-SPEC). Route code throws a
// SandboxError; the platform error handler turns it into that body.

export type ErrorExtras = Record<string, string | string[]>;

export class SandboxError extends Error {
  constructor(
    readonly statusCode: number,
    override readonly name: string,
    message: string,
    readonly extras: ErrorExtras = {},
  ) {
    super(message);
  }

  toBody(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...this.extras };
  }
}

export const badRequest = (name: string, message: string, extras?: ErrorExtras) => new SandboxError(400, name, message, extras);
export const unauthorized = (name: string, message: string, extras?: ErrorExtras) => new SandboxError(401, name, message, extras);
export const forbidden = (name: string, message: string, extras?: ErrorExtras) => new SandboxError(403, name, message, extras);
export const notFound = (name: string, message: string, extras?: ErrorExtras) => new SandboxError(404, name, message, extras);
export const conflict = (name: string, message: string, extras?: ErrorExtras) => new SandboxError(409, name, message, extras);

export function isSandboxError(error: unknown): error is SandboxError {
  return error instanceof SandboxError;
}
