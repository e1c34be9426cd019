// Issue 4 benchmark: 800 customer workbooks (and the pack) from the 1,000,000-entry portfolio.
import { benchCustomerWorkbooks } from '../../io/workbook/workbook-bench';
import { report } from '../measure';

report(await benchCustomerWorkbooks());
