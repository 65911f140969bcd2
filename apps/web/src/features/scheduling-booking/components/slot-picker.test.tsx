import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SlotPicker } from './slot-picker';

const slots = {
  timeZone: 'Europe/Berlin',
  days: [
    { date: '2027-01-04', slots: [] },
    {
      date: '2027-01-05',
      slots: [
        { startsAt: '2027-01-05T08:00:00.000Z', endsAt: '2027-01-05T09:00:00.000Z', time: '09:00' },
        { startsAt: '2027-01-05T09:00:00.000Z', endsAt: '2027-01-05T10:00:00.000Z', time: '10:00' },
      ],
    },
    {
      date: '2027-01-06',
      slots: [{ startsAt: '2027-01-06T13:00:00.000Z', endsAt: '2027-01-06T14:00:00.000Z', time: '14:00' }],
    },
  ],
};

describe('SlotPicker', () => {
  it('offers only days with free times, shows the first one’s times in the visitor’s zone, picks one', () => {
    const onChange = vi.fn();
    render(<SlotPicker slots={slots} value={null} onChange={onChange} />);
    expect(within(screen.getByTestId('booking-days')).getAllByRole('button')).toHaveLength(2);
    expect(screen.getByText('(Europe/Berlin)')).toBeTruthy();
    const times = within(screen.getByTestId('booking-times')).getAllByRole('button');
    expect(times.map((b) => b.textContent)).toEqual(['09:00', '10:00']);
    fireEvent.click(times[1] as HTMLElement);
    expect(onChange).toHaveBeenCalledWith('2027-01-05T09:00:00.000Z');
    fireEvent.click(within(screen.getByTestId('booking-days')).getAllByRole('button')[1] as HTMLElement);
    expect(
      within(screen.getByTestId('booking-times'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['14:00']);
  });

  it('says so when nothing is free', () => {
    render(
      <SlotPicker
        slots={{ timeZone: 'UTC', days: [{ date: '2027-01-04', slots: [] }] }}
        value={null}
        onChange={() => {}}
      />,
    );
    expect(screen.getByText(/No free times in the next two weeks/)).toBeTruthy();
  });
});
