import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A text field whose value is committed elsewhere (the URL) a moment after
 * typing stops, or at once with `flush()` (Enter). When the committed value
 * changes from outside (back button, "Clear filters"), the draft follows it.
 */
export function useDebouncedCommit(value: string, commit: (next: string) => void, delay = 350) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  // Adjust during render (not in an effect) so the field never shows a stale value.
  if (value !== seen) {
    setSeen(value);
    // Our own commit of "react " comes back as "react": keep the space being typed.
    if (value.trim() !== draft.trim()) setDraft(value);
  }

  const pending = draft.trim() !== value.trim();

  useEffect(() => {
    if (!pending) return undefined;
    const timer = window.setTimeout(() => commitRef.current(draft), delay);
    return () => window.clearTimeout(timer);
  }, [draft, pending, delay]);

  const flush = useCallback(() => {
    if (pending) commitRef.current(draft);
  }, [draft, pending]);

  return { draft, setDraft, flush, pending };
}
