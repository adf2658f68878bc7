// The visitor-facing widget's entry (widget.html): only the chat, none of the console's code. It talks to this
// site's /api/chat handler; there is no API key and no admin API here.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatWidget } from './chat-widget.js';
import './widget.css';

const agentId = document.querySelector<HTMLMetaElement>('meta[name="livechatai-agent-id"]')?.content;
const root = document.getElementById('livechatai-widget');
if (!root) throw new Error('widget.html has no #livechatai-widget element');
if (!agentId) throw new Error('widget.html names no agent: the public site fills in <meta name="livechatai-agent-id">');

createRoot(root).render(
  <StrictMode>
    <ChatWidget agentId={agentId} />
  </StrictMode>,
);
