import { useCallback, useEffect, useState } from 'react';
import { App } from 'antd';
import { api, ApiError, query } from '../api.js';
import type { Finding, Page } from '../api-types.js';
import type { FindingFilter } from './FindingFilters.js';

/** The findings of a list page: loaded for the filter, 200 at a time, more on asking; a failure shown as a message. */
/** A finding as both lists answer it: with the member it is routed to. */
export type ListedFinding = Finding & { routedTo: string };

export function useFindingPages(path: '/api/findings' | '/api/findings/all', filter: FindingFilter) {
  const { message } = App.useApp();
  const [findings, setFindings] = useState<ListedFinding[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await api<Page<ListedFinding>>('GET', `${path}${query({ ...filter, after, limit: '200' })}`);
        setFindings((current) => (after ? [...current, ...page.items] : page.items));
        setNext(page.nextCursor);
      } catch (error) {
        void message.error(error instanceof ApiError ? error.message : String(error));
      } finally {
        setLoading(false);
      }
    },
    [path, filter, message],
  );
  useEffect(() => void load(), [load]);
  return { findings, next, loading, load };
}
