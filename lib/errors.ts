// One error type for everything a user may be told. Anything else is an internal error whose
// message never leaves the server.
export type AppErrorCode =
  "NOT_FOUND" | "INVALID_INPUT" | "CONFLICT" | "UNAUTHORIZED" | "FORBIDDEN" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED";

const status: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

const titles: Record<AppErrorCode, string> = {
  NOT_FOUND: "Not found",
  INVALID_INPUT: "Invalid input",
  CONFLICT: "Conflict",
  UNAUTHORIZED: "Sign-in required",
  FORBIDDEN: "Not allowed",
  PAYLOAD_TOO_LARGE: "Too large",
  RATE_LIMITED: "Too many requests",
};

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldError[] | undefined;
  /** For conflicts: the value someone else saved, so the user can see their change. */
  readonly current: unknown;

  /** `message` is shown to users: keep it specific and free of internals. */
  constructor(code: AppErrorCode, message: string, options: { fieldErrors?: FieldError[]; current?: unknown } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.current = options.current;
  }

  get status(): number {
    return status[this.code];
  }

  get title(): string {
    return titles[this.code];
  }
}
