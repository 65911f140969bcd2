import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

/** The official OASIS UBL 2.1 schemas kept in test/fixtures/ubl-2.1 (see its README for source and notice). */
const root = fileURLToPath(new URL('../fixtures/ubl-2.1/', import.meta.url));

let common: XMLFileInfo[] | undefined;

function schemaFiles(): XMLFileInfo[] {
  common ??= readdirSync(`${root}common`)
    .filter((name) => name.endsWith('.xsd'))
    .map((name) => ({ fileName: `common/${name}`, contents: readFileSync(`${root}common/${name}`, 'utf8') }));
  return common;
}

/** Validates a UBL Invoice or CreditNote against the UBL 2.1 XSD with libxml2 (xmllint compiled to wasm). */
export async function validateUbl(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const main = xml.includes('<CreditNote ') ? 'UBL-CreditNote-2.1.xsd' : 'UBL-Invoice-2.1.xsd';
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: `maindoc/${main}`, contents: readFileSync(`${root}maindoc/${main}`, 'utf8') }],
    preload: schemaFiles(),
    maxMemoryPages: 16_384,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}
