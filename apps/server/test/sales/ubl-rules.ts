/**
 * A few EN 16931 business rules (the arithmetic ones) checked on a UBL document as text. The renderer's
 * output is indented one element per line, so simple patterns read it; amounts become integer cents.
 */

function cents(value: string | undefined): number {
  if (value === undefined) return 0;
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const result = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return value.startsWith('-') ? -result : result;
}

/** Inner text of every `<tag …>text</tag>` in `xml`. */
export function values(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1] as string);
}

export function value(xml: string, tag: string): string | undefined {
  return values(xml, tag)[0];
}

/** The inner XML of every `<tag>…</tag>` block. */
export function blocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] as string);
}

function categoryKey(block: string): string {
  const category = blocks(block, 'cac:(?:Classified)?TaxCategory')[0] ?? '';
  return `${value(category, 'cbc:ID')}/${value(category, 'cbc:Percent') ?? '-'}`;
}

const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

/** Returns the rules broken (empty when the arithmetic is consistent). */
export function en16931Violations(xml: string): string[] {
  const lineTag = xml.includes('<CreditNote ') ? 'cac:CreditNoteLine' : 'cac:InvoiceLine';
  const quantityTag = lineTag === 'cac:InvoiceLine' ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity';
  const lines = blocks(xml, lineTag);
  const header = xml.slice(0, xml.indexOf(`<${lineTag}>`));
  const totals = blocks(header, 'cac:LegalMonetaryTotal')[0] ?? '';
  const total = (tag: string) => cents(value(totals, tag));
  const allowances = blocks(header, 'cac:AllowanceCharge');
  const isCharge = (block: string) => value(block, 'cbc:ChargeIndicator') === 'true';
  const taxTotal = blocks(header, 'cac:TaxTotal')[0] ?? '';
  const subtotals = blocks(taxTotal, 'cac:TaxSubtotal');
  const broken: string[] = [];
  const rule = (id: string, ok: boolean, detail: string) => ok || broken.push(`${id}: ${detail}`);

  const lineNets = lines.map((l) => cents(value(l, 'cbc:LineExtensionAmount')));
  rule(
    'BR-CO-10',
    sum(lineNets) === total('cbc:LineExtensionAmount'),
    'sum of line nets = LineExtensionAmount',
  );
  const allowanceSum = sum(allowances.filter((a) => !isCharge(a)).map((a) => cents(value(a, 'cbc:Amount'))));
  const chargeSum = sum(allowances.filter(isCharge).map((a) => cents(value(a, 'cbc:Amount'))));
  rule(
    'BR-CO-11',
    allowanceSum === total('cbc:AllowanceTotalAmount'),
    'sum of allowances = AllowanceTotalAmount',
  );
  rule('BR-CO-12', chargeSum === total('cbc:ChargeTotalAmount'), 'sum of charges = ChargeTotalAmount');
  rule(
    'BR-CO-13',
    total('cbc:TaxExclusiveAmount') === total('cbc:LineExtensionAmount') - allowanceSum + chargeSum,
    'TaxExclusiveAmount = lines − allowances + charges',
  );
  const subtotalTax = sum(subtotals.map((s) => cents(value(s, 'cbc:TaxAmount'))));
  rule(
    'BR-CO-14',
    cents(value(taxTotal, 'cbc:TaxAmount')) === subtotalTax,
    'TaxAmount = sum of TaxSubtotal amounts',
  );
  rule(
    'BR-CO-15',
    total('cbc:TaxInclusiveAmount') ===
      total('cbc:TaxExclusiveAmount') + cents(value(taxTotal, 'cbc:TaxAmount')),
    'TaxInclusiveAmount = TaxExclusiveAmount + tax',
  );
  rule(
    'BR-CO-16',
    total('cbc:PayableAmount') === total('cbc:TaxInclusiveAmount') - total('cbc:PrepaidAmount'),
    'PayableAmount = TaxInclusiveAmount − PrepaidAmount',
  );
  for (const subtotal of subtotals) {
    const key = categoryKey(subtotal);
    const inCategory = sum(
      lines.filter((l) => categoryKey(l) === key).map((l) => cents(value(l, 'cbc:LineExtensionAmount'))),
    );
    const docAllowances = allowances.filter((a) => categoryKey(a) === key);
    const expected =
      inCategory -
      sum(docAllowances.filter((a) => !isCharge(a)).map((a) => cents(value(a, 'cbc:Amount')))) +
      sum(docAllowances.filter(isCharge).map((a) => cents(value(a, 'cbc:Amount'))));
    rule('BR-S-08', cents(value(subtotal, 'cbc:TaxableAmount')) === expected, `taxable amount of ${key}`);
    const percent = Number(value(subtotal, 'cbc:Percent') ?? '0');
    const taxable = cents(value(subtotal, 'cbc:TaxableAmount'));
    rule(
      'BR-CO-17',
      cents(value(subtotal, 'cbc:TaxAmount')) === Math.round((taxable * percent) / 100),
      `tax of ${key}`,
    );
  }
  for (const line of lines) {
    const thousandths = Math.round(Number(value(line, quantityTag)) * 1000);
    const price = cents(value(blocks(line, 'cac:Price')[0] ?? '', 'cbc:PriceAmount'));
    const lineAllowances = blocks(line, 'cac:AllowanceCharge');
    const adjust =
      sum(lineAllowances.filter(isCharge).map((a) => cents(value(a, 'cbc:Amount')))) -
      sum(lineAllowances.filter((a) => !isCharge(a)).map((a) => cents(value(a, 'cbc:Amount'))));
    const net = cents(value(line, 'cbc:LineExtensionAmount'));
    rule(
      'PEPPOL-R120',
      net === Math.round((thousandths * price) / 1000) + adjust,
      `line ${value(line, 'cbc:ID')} net`,
    );
  }
  return broken;
}
