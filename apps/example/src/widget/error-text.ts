// What a visitor reads when the chat fails: plain words, and what they can do about it. The details (status,
// code, request id) stay in the error for the developer tools.
export interface ChatErrorLike {
  message: string;
  status?: number | undefined;
  code?: string | undefined;
  retryAfterMs?: number | undefined;
}

export function errorText(error: ChatErrorLike): string {
  if (error.status === 429) {
    const seconds = error.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    return seconds === undefined
      ? 'You are sending messages very quickly. Please wait a moment, then try again.'
      : `You are sending messages very quickly. Please wait ${String(seconds)} s, then try again.`;
  }
  if (error.code === 'connection_error' || error.status === 502) {
    return 'We cannot reach the chat right now. Check your connection, then try again.';
  }
  if (error.code === 'timeout' || error.status === 504) return 'The answer took too long. Please try again.';
  if (error.status === 403) return 'This chat is not available on this page.';
  if (error.status === 413) return 'That message is too long. Please shorten it.';
  if (error.status === 404) return 'This conversation is no longer available. Start a new chat.';
  return `Something went wrong: ${error.message}`;
}
