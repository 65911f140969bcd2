import { describe, expect, it } from 'vitest';
import { autoMapping, mappingPayload, normalizeHeader, parseCsvHeader } from './csv-mapping';

describe('import mapping', () => {
  it('normalises header spellings', () => {
    for (const header of ['first_name', 'firstName', 'First name', 'FIRST-NAME', ' First Name ']) {
      expect(normalizeHeader(header)).toBe('firstname');
    }
  });

  it('reads the header line (quotes, escapes, BOM, semicolons)', () => {
    expect(parseCsvHeader('\uFEFFfirst_name,"Last, name","He said ""hi"""\r\nAda,L,x')).toEqual([
      'first_name',
      'Last, name',
      'He said "hi"',
    ]);
    expect(parseCsvHeader('Name;Domain;City\nAcme;acme.com;Oslo')).toEqual(['Name', 'Domain', 'City']);
  });

  it('proposes a mapping like the server: names, labels and aliases; each field once; the rest ignored', () => {
    const headers = [
      'first_name',
      'Last name',
      'E-mail',
      'Organisation',
      'Telephone',
      'email',
      'Notes',
      'Lead Score',
    ];
    expect(autoMapping(headers, 'leads')).toEqual({
      first_name: 'firstName',
      'Last name': 'lastName',
      'E-mail': 'email',
      Organisation: 'companyName',
      Telephone: 'phone',
      email: '',
      Notes: '',
      'Lead Score': 'score',
    });
  });

  it('maps per entity (a company name column is the company record’s name)', () => {
    expect(autoMapping(['Company', 'Website', 'Town'], 'companies')).toEqual({
      Company: 'name',
      Website: 'website',
      Town: 'city',
    });
    expect(autoMapping(['firstName', 'Job title'], 'contacts')).toEqual({
      firstName: 'firstName',
      'Job title': 'title',
    });
  });

  it('sends every column, "" for the ignored ones (so the server does not map them itself)', () => {
    expect(mappingPayload({ a: 'email', b: '', c: 'phone' })).toEqual({ a: 'email', b: '', c: 'phone' });
  });

  it('splits a single name column (fullName) when there are no first/last name columns', () => {
    expect(autoMapping(['Name', 'Email Address', 'Mobile'], 'contacts')).toEqual({
      Name: 'fullName',
      'Email Address': 'email',
      Mobile: 'phone',
    });
  });
});
