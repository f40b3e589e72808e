import { useCallback, useEffect, useState } from 'react';
import { App } from 'antd';
import { ApiError } from '../api.js';

/** What a page reads from the API: loaded at once and on asking, a failure shown as a message. `read` must be stable (a module function or a useCallback). */
export function useLoaded<T>(read: () => Promise<T>, initial: T): { value: T; loading: boolean; reload: () => void } {
  const { message } = App.useApp();
  const [value, setValue] = useState<T>(initial);
  const [loading, setLoading] = useState(false);
  const reload = useCallback(() => {
    setLoading(true);
    read()
      .then(setValue, (error: unknown) => void message.error(error instanceof ApiError ? error.message : String(error)))
      .finally(() => {
        setLoading(false);
      });
  }, [read, message]);
  useEffect(reload, [reload]);
  return { value, loading, reload };
}
