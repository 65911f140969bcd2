import { describe, expect, it } from 'vitest';
import { brandColor, quoteDate, quoteMoney, quoteState, ratePercent, textOn } from './public-quote-format';

describe('public quote formatting', () => {
  it('formats money and days in the seller’s locale', () => {
    expect(quoteMoney(1234550, 'EUR', 'de-DE')).toBe('12.345,50\u00a0€');
    expect(quoteMoney(1999, 'USD', 'en-US')).toBe('$19.99');
    expect(quoteMoney(500, 'XYZ1', 'en-US')).toBe('5.00 XYZ1');
    expect(quoteDate('2026-03-31', 'en-US')).toBe('March 31, 2026');
    expect(quoteDate('2026-01-01', 'de-DE')).toBe('1. Januar 2026');
    expect(quoteDate('not a day', 'en-US')).toBe('not a day');
    expect(ratePercent(1900)).toBe('19 %');
    expect(ratePercent(550)).toBe('5.5 %');
    expect(ratePercent(0)).toBe('0 %');
  });
  it('knows when the customer can still decide', () => {
    expect(quoteState('sent', '2026-03-31', '2026-03-31')).toBe('open');
    expect(quoteState('sent', '2026-03-31', '2026-04-01')).toBe('expired');
    expect(quoteState('sent', undefined, '2026-04-01')).toBe('open');
    expect(quoteState('accepted', '2020-01-01', '2026-04-01')).toBe('accepted');
    expect(quoteState('invoiced', undefined, '2026-04-01')).toBe('accepted');
    expect(quoteState('declined', undefined, '2026-04-01')).toBe('declined');
    expect(quoteState('expired', '2030-01-01', '2026-04-01')).toBe('expired');
  });
  it('only uses plain hex colours and picks a readable text colour', () => {
    expect(brandColor('#1F6FEB')).toBe('#1f6feb');
    for (const bad of [null, undefined, '', 'red', '#fff', 'url(x)', '#1f6feb;color:red'])
      expect(brandColor(bad)).toBe('#4f46e5');
    expect(textOn('#1f2937')).toBe('#ffffff');
    expect(textOn('#4f46e5')).toBe('#ffffff');
    expect(textOn('#fde047')).toBe('#111827');
    expect(textOn('#ffffff')).toBe('#111827');
  });
});
