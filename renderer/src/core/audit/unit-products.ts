// The ConnectWise addition products that add units, as a consultant types them
// for an audit (`BLOCK-10H=10`, on the command line or in the Audit screen).
import type { UnitProduct } from '../import/profiles/profile-types';
import { parseExactDecimal } from '../numbers';

/** `PRODUCT=UNITS` with a positive number of units as a unit product; null for anything else. */
export function parseUnitProduct(text: string): UnitProduct | null {
  const at = text.lastIndexOf('=');
  const product = at < 0 ? '' : text.slice(0, at).trim();
  const units = at < 0 ? '' : text.slice(at + 1).trim();
  const factor = parseExactDecimal(units);
  return product === '' || factor === null || factor.units <= 0 ? null : { product, unitsPerQuantity: units };
}
