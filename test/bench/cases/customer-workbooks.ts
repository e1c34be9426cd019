// Issue 4 benchmark: 800 customer workbooks from the 1,000,000-entry portfolio, then the whole --xlsx run with the pack.
import { benchCustomerWorkbooks } from '../../io/workbook/workbook-bench';
import { report } from '../measure';

for (const figure of await benchCustomerWorkbooks()) report(figure);
