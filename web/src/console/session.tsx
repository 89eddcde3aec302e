// The console's session: who is logged in, their shop, and the CSRF token
// every write sends (X-CSRF-Token), as the API requires for cookie sessions.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from '../shared/api.ts';

export interface Me {
  user: { id: string; email: string; is_admin: boolean };
  merchant: { id: string; slug: string; name: string } | null;
  csrf_token: string;
}

interface Session {
  me: Me | null | undefined;
  setMe: (me: Me | null) => void;
  call: <T>(path: string, init?: { method?: string; body?: unknown }) => Promise<T>;
  logout: () => Promise<void>;
}

const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api<Me>('/api/v1/auth/me').then(setMe, (err) => setMe(err instanceof ApiError && err.status === 401 ? null : null));
  }, []);
  const call = useCallback(<T,>(path: string, init: { method?: string; body?: unknown } = {}) =>
    api<T>(path, { ...init, headers: me && init.method && init.method !== 'GET' ? { 'x-csrf-token': me.csrf_token } : {} }), [me]);
  const logout = useCallback(async () => {
    await call('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
    setMe(null);
  }, [call]);
  return <Ctx.Provider value={{ me, setMe, call, logout }}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Uploads a file with progress (fetch cannot report upload progress). */
export function uploadWithProgress<T>(url: string, file: File, csrf: string, onProgress: (fraction: number) => void, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network_error'));
    xhr.onload = () => {
      let data: unknown;
      try { data = JSON.parse(xhr.responseText); } catch { data = undefined; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else {
        const e = (data as { error?: { code?: string; message?: string; param?: string } } | undefined)?.error;
        reject(new ApiError(xhr.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${xhr.status}`, e?.param));
      }
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
