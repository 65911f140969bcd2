import { describe, expect, it } from 'vitest';
import { recordPath, registerRecordTypes } from './record-types';
import { timelineQueryOptions } from './timeline-query';

describe('record types registry', () => {
  it('knows only the types registered, and routes and timelines follow the registration', () => {
    expect(() => recordPath('deal', 'd1')).toThrow('Record type "deal" is not registered');
    registerRecordTypes([
      {
        type: 'deal',
        apiPath: 'opportunities',
        route: (id) => `/opportunities/${id}`,
        viewPermission: 'deals.view',
      },
    ]);
    expect(recordPath('deal', 'd1')).toBe('/opportunities/d1');
    expect(timelineQueryOptions('deal', 'd 1').queryKey).toEqual(['timeline', 'deal', 'd 1']);
    expect(() => recordPath('lead', 'l1')).toThrow('Record type "lead" is not registered');
  });
});
