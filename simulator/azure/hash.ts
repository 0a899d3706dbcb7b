/**
 * Deterministic "randomness" for synthetic telemetry: the same inputs always give the same numbers,
 * so a test, a screenshot and a second dashboard read all see identical figures. No Math.random.
 */

/** FNV-1a over the parts, mixed with a murmur3 finaliser; uniform in [0, 1). */
export function hashUnit(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const char of parts.join("\u241f")) {
    h ^= char.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;
const SILVER = Math.SQRT2 - 1;

/**
 * An equidistributed sequence (Kronecker): over any run of consecutive indexes the share of values
 * below `r` is very close to `r`, so a 1 % failure rate reads as ~1 % in every window, not a noisy one.
 */
export function sequenceUnit(index: number, offset: number, which: "golden" | "silver" = "golden"): number {
  const value = index * (which === "golden" ? GOLDEN : SILVER) + offset;
  return value - Math.floor(value);
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function inverseNormal(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
  const low = 0.02425;
  const poly = (coef: number[], x: number) => coef.reduce((acc, k) => acc * x + k, 0);
  if (q < low) {
    const r = Math.sqrt(-2 * Math.log(q));
    return poly(c, r) / (poly(d, r) * r + 1);
  }
  if (q > 1 - low) {
    const r = Math.sqrt(-2 * Math.log(1 - q));
    return -poly(c, r) / (poly(d, r) * r + 1);
  }
  const r = (q - 0.5) * (q - 0.5);
  return ((q - 0.5) * poly(a, r)) / (poly(b, r) * r + 1);
}
