// The `demo` seed: a realistic, deterministic workspace (same content for the same day) so that the
// example app's screens look alive. Seeding twice is a no-op.
import { newId, seededRandom, sha256, type RandomSource } from '../internal/ids.js';
import { refreshConversation, sendMessage } from '../domain/exchange.js';
import { chunkText } from '../answer/chunk.js';
import type { AgentRow, ContactRow, DataSourceRow, DataSourceType, Store, TeamMemberRow } from '../store/types.js';
import { seedViews } from './views.js';

const DAY = 86_400_000;

const MEMBERS = [
  { name: 'Sarah Chen', email: 'sarah@acme.example' },
  { name: 'Marcus Lee', email: 'marcus@acme.example' },
  { name: 'Priya Patel', email: 'priya@acme.example' },
];

interface SourceSeed {
  source: DataSourceType;
  title: string;
  content: string;
  url?: string;
}

const SUPPORT_SOURCES: SourceSeed[] = [
  {
    source: 'TEXT',
    title: 'Business hours',
    content:
      'Acme support is open Monday to Friday from 9am to 6pm Eastern Time. On Saturdays the live chat team is available from 10am to 2pm. We are closed on Sundays and public holidays.',
  },
  {
    source: 'TEXT',
    title: 'Shipping policy',
    content:
      'Standard shipping takes 3 to 5 business days within the United States and is free on orders over $50. Express shipping delivers in 1 to 2 business days for $15. International delivery takes 7 to 14 business days. Every order gets a tracking number by email once the package leaves our warehouse.',
  },
  {
    source: 'TEXT',
    title: 'Refund policy',
    content:
      'You can return any product within 30 days of delivery for a full refund. Refunds go back to the original payment card within 5 business days after we receive the return. Subscriptions can be cancelled at any time and are refunded pro rata for the unused months.',
  },
  {
    source: 'TEXT',
    title: 'Pricing plans',
    content:
      'Acme offers three plans. The Starter plan costs $19 per month and includes 1 seat. The Pro plan costs $49 per month and includes 5 seats and priority support. The Enterprise plan has custom pricing, single sign-on and a dedicated account manager. Annual billing saves 20 percent on every plan, and every plan starts with a 14-day free trial.',
  },
  {
    source: 'QA',
    title: 'How do I reset my password?',
    content:
      'Q: How do I reset my password?\nA: Click "Forgot password" on the login page and enter your account email. You will receive a reset link that is valid for 1 hour.',
  },
  {
    source: 'QA',
    title: 'How do I cancel my subscription?',
    content:
      'Q: How do I cancel my subscription?\nA: Open Settings, then Billing, and click "Cancel subscription". Your plan stays active until the end of the current billing period.',
  },
  {
    source: 'WEBSITE',
    title: 'About Acme',
    url: 'https://acme.example/about',
    content:
      'Acme builds friendly tools for small online shops. Founded in 2015 in Portland, Oregon, Acme now serves more than 20,000 merchants in 40 countries. Our integrations connect your store with Shopify, WhatsApp and Slack.',
  },
  {
    source: 'PDF',
    title: 'Product manual',
    content:
      'To install the Acme widget, copy the embed snippet from the dashboard and paste it before the closing body tag of your website. The widget supports 30 languages and can be customized with your brand colors. Data export is available as CSV from the Reports page.',
  },
];

const SALES_SOURCES: SourceSeed[] = [
  {
    source: 'TEXT',
    title: 'Volume discounts',
    content:
      'Teams with more than 25 seats get a 15 percent volume discount. Non-profit organizations and schools get 30 percent off any plan. Contact sales@acme.example for a custom quote.',
  },
  {
    source: 'QA',
    title: 'Do you offer a free trial?',
    content:
      'Q: Do you offer a free trial?\nA: Yes, every plan starts with a 14-day free trial and no credit card is required.',
  },
];

const DOCS_SOURCES: SourceSeed[] = [
  {
    source: 'WEBSITE',
    title: 'API authentication',
    url: 'https://docs.acme.example/api/authentication',
    content:
      'Every API request needs an API key in the Authorization header as a Bearer token. Keys are created on the API settings page and can be read-only. Requests over plain HTTP are rejected.',
  },
  {
    source: 'WEBSITE',
    title: 'Webhooks',
    url: 'https://docs.acme.example/api/webhooks',
    content:
      'Webhooks notify your server about new orders and refunds. Each webhook request is signed with an HMAC SHA-256 signature in the X-Acme-Signature header. Failed deliveries are retried for 24 hours.',
  },
];

const QUESTIONS_IN_CONTEXT = [
  'What are your business hours?',
  'How long does standard shipping take?',
  'How much does express shipping cost?',
  'Can I get a refund if I return a product?',
  'How much does the Pro plan cost?',
  'How do I reset my password?',
  'How do I cancel my subscription?',
  'Do you have a free trial?',
  'When was Acme founded?',
  'How do I install the widget on my website?',
  'Can I export my data?',
  'Does the widget support other languages?',
];
const QUESTIONS_OUT_OF_CONTEXT = [
  'Do you sell gift cards?',
  'Can I pay with cryptocurrency?',
  'Is there a mobile app for Android?',
  'Do you have a warehouse in Germany?',
];
const FOLLOW_UPS_POSITIVE = [
  'Thanks, that was really helpful!',
  'Great, thank you so much!',
  'Perfect, that works for me.',
];
const FOLLOW_UPS_NEGATIVE = [
  'This is frustrating, my order is late and the tracking is broken.',
  'I was charged twice, I want a refund now.',
  'The checkout keeps failing with an error, terrible experience.',
];
const HUMAN_REPLIES = [
  'Hi, this is a team member taking over. Let me check that for you right away.',
  'Sorry about the trouble! I have escalated this and will email you within the hour.',
  'Thanks for your patience, the refund has been issued to your card.',
];
const CHANNELS = ['INLINECHAT', 'INLINECHAT', 'FULLPAGE', 'WHATSAPP', 'SLACK', 'MESSENGER', 'PREVIEW'];

const CONTACTS = [
  ['Emma Wilson', 'emma.wilson@example.com', '+1 415 555 0101', 'US', 'premium'],
  ['Liam Johnson', 'liam.j@example.com', '+1 212 555 0142', 'US', 'free'],
  ['Sofia Rossi', 'sofia.rossi@example.it', '+39 06 5550 123', 'IT', 'premium'],
  ['Noah Müller', 'noah.mueller@example.de', null, 'DE', 'pro'],
  ['Aiko Tanaka', 'aiko@example.jp', null, 'JP', 'free'],
  ['Lucas Martin', 'lucas.martin@example.fr', '+33 1 55 55 01 23', 'FR', 'pro'],
  ['Olivia Brown', 'olivia.brown@example.co.uk', '+44 20 5550 1234', 'GB', 'enterprise'],
  ['Mateo García', 'mateo@example.es', null, 'ES', 'free'],
  ['Ava Davis', 'ava.davis@example.com', '+1 312 555 0199', 'US', 'pro'],
  ['Ethan Smith', null, null, 'CA', 'free'],
] as const;

function pick<T>(rand: RandomSource, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

async function addSources(
  store: Store,
  agent: AgentRow,
  seeds: SourceSeed[],
  at: number,
  ids: RandomSource,
): Promise<void> {
  for (const [i, s] of seeds.entries()) {
    const ds: DataSourceRow = {
      id: newId('ds', ids),
      workspaceId: agent.workspaceId,
      agentId: agent.id,
      source: s.source,
      title: s.title,
      content: s.content,
      url: s.url ?? null,
      status: 'COMPLETED',
      error: null,
      isGeneratedByAI: false,
      relatedMessageId: null,
      createdAt: at + i * 60_000,
      updatedAt: at + i * 60_000,
    };
    await store.insertDataSource(ds, chunkText(ds.content, ds.source));
  }
}

async function makeAgent(
  store: Store,
  workspaceId: string,
  name: string,
  slug: string,
  at: number,
  ids: RandomSource,
): Promise<AgentRow> {
  const agent: AgentRow = {
    id: newId('agent', ids),
    workspaceId,
    name,
    slug,
    isLiveChatEnabled: true,
    isImageSharingEnabled: false,
    language: 'en',
    isArchived: false,
    createdAt: at,
    updatedAt: at,
  };
  await store.insertAgent(agent);
  await seedViews(store, agent, at, ids);
  return agent;
}

export async function seedDemo(store: Store, workspaceId: string, now: number): Promise<void> {
  if (await store.slugTaken(workspaceId, 'acme-support')) return;
  // Content comes from a fixed seed; ids from the workspace id (unique per workspace, stable for a fixed key).
  const rand = seededRandom(20240115);
  const ids = seededRandom(Number.parseInt(sha256(workspaceId).slice(0, 8), 16));
  // Anchored to the start of the current UTC day: deterministic for a given day.
  const today = Math.floor(now / DAY) * DAY;
  const start = today - 45 * DAY;

  await store.transaction(async () => {
    const members: TeamMemberRow[] = [];
    for (const m of MEMBERS) {
      const member: TeamMemberRow = {
        id: newId('user', ids),
        workspaceId,
        name: m.name,
        email: m.email,
        avatar: `https://avatars.acme.example/${m.name.split(' ')[0]?.toLowerCase() ?? 'user'}.png`,
        isOwner: false,
      };
      await store.addTeamMember(member);
      members.push(member);
    }

    // Acme Support is the newest agent, so it is listed first.
    const docs = await makeAgent(store, workspaceId, 'Developer Docs Helper', 'developer-docs-helper', start, ids);
    const sales = await makeAgent(store, workspaceId, 'Acme Sales Assistant', 'acme-sales-assistant', start + DAY, ids);
    const support = await makeAgent(store, workspaceId, 'Acme Support', 'acme-support', start + 2 * DAY, ids);
    await addSources(store, docs, DOCS_SOURCES, start + 3600_000, ids);
    await addSources(store, sales, SALES_SOURCES, start + DAY + 3600_000, ids);
    await addSources(store, support, SUPPORT_SOURCES, start + 2 * DAY + 3600_000, ids);

    const contacts: ContactRow[] = [];
    for (const [i, [name, email, phone, country, plan]] of CONTACTS.entries()) {
      const contact: ContactRow = {
        id: newId('contact', ids),
        workspaceId,
        agentId: support.id,
        distinctId: `user_${1001 + i}`,
        name,
        email,
        phone,
        country,
        ip: `203.0.113.${10 + i}`,
        chatSource: 'website',
        threadId: null,
        attributes: { planType: plan, signupDate: new Date(start - (i + 1) * 17 * DAY).toISOString().slice(0, 10) },
        createdAt: start + 3 * DAY + i * 3600_000,
        updatedAt: start + 3 * DAY + i * 3600_000,
      };
      await store.insertContact(contact);
      contacts.push(contact);
    }

    // ~60 conversations over the last 30 days.
    for (let n = 0; n < 60; n++) {
      const agent = n % 6 === 4 ? sales : n % 6 === 5 ? docs : support;
      const day = Math.floor(rand() * 30);
      let at = today - day * DAY + Math.floor((8 + rand() * 10) * 3600_000);
      if (at > now) at = now - Math.floor(rand() * 3600_000) - 60_000;
      const contact = agent === support && rand() < 0.7 ? pick(rand, contacts) : undefined;
      const outOfContext = rand() < 0.2;
      const question = outOfContext ? pick(rand, QUESTIONS_OUT_OF_CONTEXT) : pick(rand, QUESTIONS_IN_CONTEXT);
      const first = await sendMessage(
        store,
        {
          agent,
          question,
          contactId: contact?.id,
          integrationType: pick(rand, CHANNELS),
          responseFormat: 'MARKDOWN',
        },
        { now: at, rand: ids },
      );
      const conversationId = first.result.conversationId;
      const mood = rand();
      if (mood < 0.3 || mood > 0.75) {
        at += Math.floor(30_000 + rand() * 240_000);
        await sendMessage(
          store,
          {
            agent,
            question: mood < 0.3 ? pick(rand, FOLLOW_UPS_POSITIVE) : pick(rand, FOLLOW_UPS_NEGATIVE),
            conversationId,
            responseFormat: 'MARKDOWN',
          },
          { now: at, rand: ids },
        );
      }
      let conversation = await store.getConversation(workspaceId, conversationId);
      if (!conversation) continue;
      if (outOfContext || mood > 0.75 || rand() < 0.15) {
        const member = pick(rand, members);
        at += Math.floor(60_000 + rand() * 600_000);
        await store.insertMessage({
          id: newId('msg', ids),
          workspaceId,
          agentId: agent.id,
          conversationId,
          role: 'agent',
          content: pick(rand, HUMAN_REPLIES),
          type: 'TEXT',
          memberId: member.id,
          sources: [],
          outOfContext: false,
          createdAt: at,
        });
        conversation = await refreshConversation(store, {
          ...conversation,
          isAgent: true,
          assigneeId: member.id,
          lastMessageDate: at,
          updatedAt: at,
        });
      }
      if (rand() < 0.1) conversation = { ...conversation, isStarred: true };
      if (day > 1 && rand() < 0.7) {
        const resolvedAt = at + 120_000;
        conversation = {
          ...conversation,
          isResolved: true,
          resolvedAt,
          resolvedBy: conversation.assigneeId ?? members[0]?.id ?? null,
          updatedAt: resolvedAt,
        };
        if (rand() < 0.6) {
          const score = conversation.sentiment === 'NEGATIVE' ? 1 + Math.floor(rand() * 3) : 3 + Math.floor(rand() * 3);
          const ct = contact ?? (await store.getContact(workspaceId, conversation.contactId));
          await store.insertCsat({
            id: newId('csat', ids),
            workspaceId,
            agentId: agent.id,
            conversationId,
            target: conversation.isAgent ? 'HUMAN' : 'AI',
            memberId: conversation.isAgent ? conversation.assigneeId : null,
            score,
            comment:
              score >= 4
                ? 'Quick and helpful answer.'
                : score === 3
                  ? 'OK, but it took a while.'
                  : 'Did not solve my problem.',
            email: ct?.email ?? '',
            name: ct?.name ?? '',
            triggerReason: 'AFTER_RESOLUTION',
            createdAt: resolvedAt + 60_000,
          });
        }
      }
      await store.updateConversation(conversation);
    }

    const functions = [
      { name: 'send_email', description: 'Send an email to the visitor', mcpName: null, mcpProvider: null },
      { name: 'create_ticket', description: 'Create a support ticket', mcpName: null, mcpProvider: null },
      { name: 'check_order_status', description: 'Look up the status of an order', mcpName: null, mcpProvider: null },
      { name: 'post_to_slack', description: 'Notify the team in Slack', mcpName: 'slack-mcp', mcpProvider: 'slack' },
    ];
    for (let n = 0; n < 80; n++) {
      const f = pick(rand, functions);
      await store.insertFunctionCall({
        id: newId('fn', ids),
        workspaceId,
        agentId: support.id,
        name: f.name,
        description: f.description,
        type: f.mcpName ? 'MCP' : 'CUSTOM',
        mcpName: f.mcpName,
        mcpProvider: f.mcpProvider,
        failed: rand() < 0.08,
        createdAt: Math.min(now - 60_000, today - Math.floor(rand() * 30) * DAY + Math.floor(rand() * DAY)),
      });
    }
  });
}
