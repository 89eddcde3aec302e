// One console action at a time: busy while it runs, its notice or its error
// afterwards (the pages' buttons and forms share this). `then` runs after a
// success (e.g. reload the page's data).
import { useCallback, useState } from 'react';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const run = useCallback(async (fn: () => Promise<string>, then?: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      setNotice(await fn());
      if (then) await then();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, notice, run };
}
