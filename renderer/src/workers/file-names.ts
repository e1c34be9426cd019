// Names for the files Blockledger writes, made from customer names that may
// hold any character ("Smith/Jones: CPAs"); the bridge refuses unsafe names.
import type { IsoDate } from '../core/model';

/** A safe base file name for a customer's workbook: `Smith Jones CPAs 2026-10-31.xlsx`. */
export function workbookFileName(customer: string, asOf: IsoDate): string {
  const cleaned = customer.replace(/[^\p{L}\p{N} _.,()&'+-]+/gu, ' ').replace(/\s+/g, ' ').replace(/^[. ]+|[. ]+$/g, '').slice(0, 90);
  return `${cleaned === '' ? 'Customer' : cleaned} ${asOf}.xlsx`;
}
