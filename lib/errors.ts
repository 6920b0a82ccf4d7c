// One error type for everything a user may be told. Anything else is an internal error whose
// message never leaves the server, except a lost database connection: that is "unavailable" (503).
import { isConnectionLost } from "@/lib/database-errors/connection-lost";
import { isDatabaseBusy } from "@/lib/database-errors/database-busy";

export type AppErrorCode =
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  | "UNAVAILABLE";

const status: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

const titles: Record<AppErrorCode, string> = {
  NOT_FOUND: "Not found",
  INVALID_INPUT: "Invalid input",
  CONFLICT: "Conflict",
  UNAUTHORIZED: "Sign-in required",
  FORBIDDEN: "Not allowed",
  PAYLOAD_TOO_LARGE: "Too large",
  RATE_LIMITED: "Too many requests",
  UNAVAILABLE: "Temporarily unavailable",
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
  /** For rate limits: when trying again will work. */
  readonly retryAfterSeconds: number | undefined;

  /** `message` is shown to users: keep it specific and free of internals. */
  constructor(
    code: AppErrorCode,
    message: string,
    options: { fieldErrors?: FieldError[]; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.current = options.current;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return status[this.code];
  }

  get title(): string {
    return titles[this.code];
  }
}

/**
 * What a user may be told about `error`: the AppError itself; for a lost database connection an
 * or a database too busy to take it, an "unavailable" error (it says nothing about the request,
 * and trying again shortly will work);
 * otherwise null (an internal error, reported generically).
 */
export function userFacingError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isConnectionLost(error))
    return new AppError(
      "UNAVAILABLE",
      "The portal cannot reach its database at the moment. Please try again in a few seconds; if you were saving, check afterwards whether your change arrived.",
      { retryAfterSeconds: 5 },
    );
  if (isDatabaseBusy(error))
    return new AppError(
      "UNAVAILABLE",
      "The portal is busy and did not get to your request, so nothing was changed. Please try again in a moment.",
      { retryAfterSeconds: 2 },
    );
  return null;
}
