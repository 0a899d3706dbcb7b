const WINDOW_MS = 60 * 60 * 1000;

interface Budget {
  used: number;
  resetAt: number;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds. */
  reset: number;
}

/** A per-token hourly budget on real (not world) time, as GitHub's primary rate limit. */
export class RateLimiter {
  private readonly budgets = new Map<string, Budget>();

  constructor(private readonly limit: number) {}

  peek(token: string, now = Date.now()): RateLimitState {
    return this.state(this.budget(token, now));
  }

  /** Spends one unit; returns the state after spending, or null when the budget is exhausted. */
  spend(token: string, now = Date.now()): RateLimitState | null {
    const b = this.budget(token, now);
    if (b.used >= this.limit) return null;
    b.used++;
    return this.state(b);
  }

  /** Gives back a unit (a 304 answer does not count against the budget). */
  refund(token: string): void {
    const b = this.budgets.get(token);
    if (b && b.used > 0) b.used--;
  }

  clear(): void {
    this.budgets.clear();
  }

  private budget(token: string, now: number): Budget {
    let b = this.budgets.get(token);
    if (!b || b.resetAt <= now) {
      b = { used: 0, resetAt: now + WINDOW_MS };
      this.budgets.set(token, b);
    }
    return b;
  }

  private state(b: Budget): RateLimitState {
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - b.used),
      used: b.used,
      reset: Math.ceil(b.resetAt / 1000),
    };
  }
}

export function rateLimitHeaders(s: RateLimitState): Record<string, string> {
  return {
    "x-ratelimit-limit": String(s.limit),
    "x-ratelimit-remaining": String(s.remaining),
    "x-ratelimit-reset": String(s.reset),
    "x-ratelimit-used": String(s.used),
    "x-ratelimit-resource": "core",
  };
}
