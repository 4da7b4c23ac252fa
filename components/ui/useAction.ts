"use client";
import { useCallback, useState } from "react";

/**
 * Runs a write, keeps its error for <ErrorNote>, and always re-reads afterwards: after a success to show it,
 * after a failure (a 409 above all) to show the state the server actually has.
 */
export function useAction(after: () => void) {
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (fn: () => Promise<unknown>) => {
      setError(null);
      try {
        await fn();
      } catch (e) {
        setError(e);
      }
      after();
    },
    [after],
  );
  return { error, run };
}
