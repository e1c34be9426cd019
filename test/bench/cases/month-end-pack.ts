// Issue 4 benchmark: the month-end pack with about 1,000,000 History rows, streamed.
import { benchMonthEndPack } from '../../io/workbook/workbook-bench';
import { report } from '../measure';

report(await benchMonthEndPack());
