// Screens whose big grid takes whatever height the window has left. A fixed
// `calc(100vh - N)` per grid broke as soon as something above it grew (an
// advice alert, a progress bar, a wrapped title): the grid's bottom, and with
// it the entries pager, slid below the window.
import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

// The main area below the app bar: the window less the dense toolbar (48 px)
// and the main area's padding (2 × 24 px), as app-frame.tsx lays them out.
const MAIN_AREA_HEIGHT = 'calc(100vh - 96px)';

/** A screen laid out as a column exactly as tall as the main area. */
export function FillScreen({ children }: { children: ReactNode }) {
  return <Box sx={{ display: 'flex', flexDirection: 'column', height: MAIN_AREA_HEIGHT, minHeight: 480 }}>{children}</Box>;
}

/** The part of a FillScreen that takes the height left over (a grid with `height="100%"`). */
export function FillRest({ children }: { children: ReactNode }) {
  return <Box sx={{ flex: '1 1 0', minHeight: 240 }}>{children}</Box>;
}
