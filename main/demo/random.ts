/** A small deterministic PRNG (mulberry32): the same seed always writes the same demo month. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    const v = list[Math.floor(this.next() * list.length)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** An amount in cents, roughly log-uniform between min and max yuan (real order sizes are skewed). */
  cents(minYuan: number, maxYuan: number): number {
    const lo = Math.log(minYuan);
    const hi = Math.log(maxYuan);
    return Math.round(Math.exp(lo + (hi - lo) * this.next()) * 100);
  }
}
