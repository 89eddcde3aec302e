// A list that reloads when its filter changes must show the answer to the
// latest request, not to the slowest one: pick "open" while the first load
// (say, "escalated") is still on its way, and that first answer may arrive
// last. `begin()` marks a new request and returns a check that is true only
// while no newer request has begun; set state only when it holds.
import { useCallback, useRef } from 'react';

export function useLatest(): () => () => boolean {
  const seq = useRef(0);
  return useCallback(() => {
    const mine = ++seq.current;
    return () => mine === seq.current;
  }, []);
}
