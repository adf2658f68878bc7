'use client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { LiveChatAIClient } from '@livechatai/core';

const ClientContext = createContext<LiveChatAIClient | null>(null);

export interface LiveChatAIProviderProps {
  /**
   * The SDK client the hooks use. In a browser, point it at your own server's proxy (which adds the API key)
   * and never give it a secret key.
   */
  client: LiveChatAIClient;
  /**
   * The TanStack QueryClient to use. Without it the provider uses the one of an enclosing
   * `QueryClientProvider`, or else creates its own.
   */
  queryClient?: QueryClient;
  children?: ReactNode;
}

/** Makes a LiveChatAI client (and a QueryClient) available to every hook below it. */
export function LiveChatAIProvider({ client, queryClient, children }: LiveChatAIProviderProps) {
  const outer = useContext(QueryClientContext);
  // Created once per provider instance, and only when neither a prop nor an enclosing provider gives one.
  const [own] = useState(() => ((queryClient ?? outer) ? undefined : new QueryClient()));
  const content = <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
  const effective = queryClient ?? (outer ? undefined : own);
  return effective ? <QueryClientProvider client={effective}>{content}</QueryClientProvider> : content;
}

/** @internal The client of the nearest `LiveChatAIProvider`, or null (useChat's api mode needs none). */
export function useOptionalLiveChatAIClient(): LiveChatAIClient | null {
  return useContext(ClientContext);
}

/** The client given to the nearest `LiveChatAIProvider`. Throws when there is none. */
export function useLiveChatAIClient(): LiveChatAIClient {
  const client = useContext(ClientContext);
  if (!client) {
    throw new Error(
      'useLiveChatAIClient: no LiveChatAI client here. Wrap your components in <LiveChatAIProvider client={…}>.',
    );
  }
  return client;
}
