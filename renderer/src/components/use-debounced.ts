import { useEffect, useState } from 'react';

/** How long typing must pause before a search box's text is searched for. */
export const SEARCH_PAUSE_MS = 250;

/** `value` once it has stopped changing for `ms`: a search asks the worker once per pause in typing, not per keystroke. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
