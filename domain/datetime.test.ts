import { describe, expect, it } from 'vitest';
import { formatDateTime } from './period';

describe('dates and times as shown everywhere', () => {
  it('`2026-03-12 10:02` on this computer’s clock, the same in every language', () => {
    const d = new Date(2026, 2, 12, 10, 2, 7);
    expect(formatDateTime(d)).toBe('2026-03-12 10:02');
    expect(formatDateTime(d.toISOString(), true)).toBe('2026-03-12 10:02:07');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
