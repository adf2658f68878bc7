import { createClient } from '@livechatai/core';
import { LiveChatAIProvider } from '@livechatai/react';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { ToastProvider } from './toasts.js';
import './styles.css';

// The browser talks to this app's own server, which adds the API key: no key here (`apiKey: null`).
const client = createClient({ apiKey: null, baseURL: '/api/v2', maxRetries: 1 });
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LiveChatAIProvider client={client} queryClient={queryClient}>
      <ToastProvider>
        <App />
      </ToastProvider>
    </LiveChatAIProvider>
  </StrictMode>,
);
