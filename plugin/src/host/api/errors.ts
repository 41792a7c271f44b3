/**
 * Errors in Botpress's wire shape (`{ id, code, type, message }`), which the
 * client turns back into its typed ApiErrors. Only 4xx: the sdk's client
 * retries 429/5xx and network errors for seconds, which would hide a gap.
 */
import type { ErrorType } from '@botpress/client';

export class ApiFailure extends Error {
  constructor(
    readonly code: 400 | 404 | 405,
    readonly type: ErrorType,
    message: string,
  ) {
    super(message);
  }

  toJSON() {
    return { id: `err_host_${this.code}`, code: this.code, type: this.type, message: this.message };
  }
}

export const notFound = (what: string, id: string) => new ApiFailure(404, 'ResourceNotFound', `${what} ${id} not found`);
export const invalid = (message: string) => new ApiFailure(400, 'InvalidPayload', message);
/** 405, not 404: a caller that treats "not found" as "create it" must not swallow a gap. */
export const notEmulated = (method: string, path: string) => new ApiFailure(405, 'MethodNotFound', `not emulated: ${method} ${path}`);
