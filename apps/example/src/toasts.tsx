import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

// Undo for actions the API cannot take back (deleting a data source, dismissing a suggestion): the item is
// hidden at once and a toast offers Undo; the request is sent only when the toast runs out (or the page is left).

/** How long Undo is offered. */
export const UNDO_MS = 6_000;

interface Pending {
  key: string;
  message: string;
  commit: () => Promise<unknown>;
  timer: ReturnType<typeof setTimeout>;
}

interface Toast {
  key: string;
  message: string;
  tone: 'undo' | 'error';
}

interface UndoContext {
  /** Hides `key` now and runs `commit` after UNDO_MS unless Undo is pressed. */
  schedule: (action: { key: string; message: string; commit: () => Promise<unknown> }) => void;
  /** Keys of the actions waiting for their toast to run out (their items stay hidden). */
  pending: ReadonlySet<string>;
}

const Context = createContext<UndoContext | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const actions = useRef(new Map<string, Pending>());
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [toasts, setToasts] = useState<Toast[]>([]);

  const sync = useCallback(() => {
    setPending(new Set(actions.current.keys()));
  }, []);
  const drop = useCallback((key: string) => {
    setToasts((list) => list.filter((t) => t.key !== key));
  }, []);

  const run = useCallback(
    (key: string) => {
      const action = actions.current.get(key);
      if (!action) return;
      clearTimeout(action.timer);
      drop(key);
      action.commit().then(
        () => {
          actions.current.delete(key);
          sync();
        },
        (error: unknown) => {
          // It did not happen: show the item again, and why.
          actions.current.delete(key);
          sync();
          const reason = error instanceof Error ? error.message : String(error);
          setToasts((list) => [
            ...list,
            { key: `${key}:error`, message: `${action.message} failed: ${reason}`, tone: 'error' },
          ]);
        },
      );
    },
    [drop, sync],
  );

  const schedule = useCallback<UndoContext['schedule']>(
    ({ key, message, commit }) => {
      if (actions.current.has(key)) return;
      actions.current.set(key, {
        key,
        message,
        commit,
        timer: setTimeout(() => {
          run(key);
        }, UNDO_MS),
      });
      sync();
      setToasts((list) => [...list.filter((t) => t.key !== key), { key, message, tone: 'undo' }]);
    },
    [run, sync],
  );

  const undo = useCallback(
    (key: string) => {
      const action = actions.current.get(key);
      if (action) clearTimeout(action.timer);
      actions.current.delete(key);
      sync();
      drop(key);
    },
    [drop, sync],
  );

  // Leaving the page: what was not undone is sent now (best effort: the browser may cut a request short as
  // the page goes; the item is then still there on the next visit).
  useEffect(() => {
    const flush = () => {
      for (const key of [...actions.current.keys()]) run(key);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
    };
  }, [run]);

  const value = useMemo(() => ({ schedule, pending }), [schedule, pending]);
  return (
    <Context.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.key} className={`toast toast-${t.tone}`}>
            <span>{t.message}</span>
            {t.tone === 'undo' ? (
              <button
                type="button"
                className="btn btn-small toast-undo"
                onClick={() => {
                  undo(t.key);
                }}
              >
                Undo
              </button>
            ) : (
              <button
                type="button"
                className="btn btn-small toast-undo"
                aria-label="Close"
                onClick={() => {
                  drop(t.key);
                }}
              >
                ×
              </button>
            )}
          </div>
        ))}
      </div>
    </Context.Provider>
  );
}

export function useUndo(): UndoContext {
  const context = useContext(Context);
  if (!context) throw new Error('useUndo needs <ToastProvider>');
  return context;
}
