/** Error codes every host understands; messages are English, the UI translates by code and field. */
export type ApiErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'unknown_method' | 'store_locked' | 'client_mode' | 'device_stale' | 'internal';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `patch.creditCode` or `contacts.0.email`. */
  path: string;
  message: string;
}

export interface ApiErrorShape {
  code: ApiErrorCode;
  message: string;
  issues: FieldIssue[];
}

export class ApiError extends Error implements ApiErrorShape {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }

  static invalid(issues: FieldIssue[]): ApiError {
    const summary = issues.map((i) => `${i.path || 'input'} ${i.message}`).join('; ');
    return new ApiError('invalid_input', `Invalid input: ${summary}`, issues);
  }

  static field(path: string, message: string): ApiError {
    return ApiError.invalid([{ path, message }]);
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message, issues: this.issues };
  }

  static fromJSON(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.issues);
  }
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && 'issues' in value;
}
