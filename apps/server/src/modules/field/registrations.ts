import * as kit from '../../platform/records/index.ts';
import { crewDef } from './crews/crew-record.ts';
import { crews } from './crews/crews.tables.ts';

/** What the field module adds to the record kit: the reference fields its bodies carry. Run once, from index.ts. */
export const registerFieldRecords = () => {
  kit.registerRecordReference('crewId', { table: crews, view: 'crews.view' });
  void crewDef;
};
