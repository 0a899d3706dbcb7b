/**
 * World time = origin + real elapsed × speed + manual advances. Tests step it with `/_sim/advance`
 * instead of sleeping; the demo runs it fast so a CI run finishes in seconds.
 */
export class Clock {
  private readonly realStart: number;
  private advancedMs = 0;

  constructor(
    private readonly origin: Date,
    private readonly speed: number,
    private readonly realNow: () => number = Date.now,
  ) {
    this.realStart = realNow();
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return this.origin.getTime() + (this.realNow() - this.realStart) * this.speed + this.advancedMs;
  }

  startedAt(): Date {
    return this.origin;
  }

  advance(seconds: number): void {
    this.advancedMs += Math.max(0, seconds) * 1000;
  }
}
