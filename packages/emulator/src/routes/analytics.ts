// Analytics computed from stored data (decisions D11; rules in packages/spec/api-decisions.md).
import { Hono } from 'hono';
import type { AppContext, AppEnv, EmulatorConfig } from '../server/context.js';
import { validationError } from '../server/errors.js';
import { QueryParams, searchParamsOf } from '../server/validate.js';
import type { AgentRow, ConversationRow, MessageRow } from '../store/types.js';
import { iso, metadataD, requireAgent } from './shared.js';

const DAY = 86_400_000;

interface Period {
  days: string[];
  start: string;
  end: string;
}

interface Window {
  agent: AgentRow;
  current: Period;
  previous: Period;
  dayOf: (ms: number) => string;
  /** UTC ms bounds generous enough to hold both periods in any timezone. */
  fromMs: number;
  toMs: number;
}

/** The longest period an analytics request may span (10 years, leap days included). */
export const MAX_PERIOD_DAYS = 3660;

const dayMs = (ymd: string): number => Date.parse(`${ymd}T00:00:00Z`);
const ymdOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const addDays = (ymd: string, n: number): string => ymdOf(dayMs(ymd) + n * DAY);

/** The days from `start` to `end` inclusive; callers bound the span first (see `window`). */
function daysBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let ms = dayMs(start), last = dayMs(end); ms <= last; ms += DAY) out.push(ymdOf(ms));
  return out;
}

/** Groups items by the day (in the request's timezone) of their timestamp, formatting each timestamp once. */
function byDay<T>(w: Window, items: T[], at: (item: T) => number): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const day = w.dayOf(at(item));
    const list = out.get(day);
    if (list) list.push(item);
    else out.set(day, [item]);
  }
  return out;
}

export const round1 = (n: number): number => Math.round(n * 10) / 10;
const pct = (part: number, whole: number): number => (whole > 0 ? round1((part / whole) * 100) : 0);
const avg = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function change(current: number, previous: number): number {
  if (previous === 0) return current === 0 ? 0 : 100;
  return round1(((current - previous) / previous) * 100);
}

function humanize(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}h ${m}m ${r}s` : `${m}m ${r}s`;
}

async function window(c: AppContext, config: EmulatorConfig, q: QueryParams): Promise<Window> {
  const agent = await requireAgent(c, config, q.str('agentId', { required: true }));
  const start = q.ymd('startDate');
  const end = q.ymd('endDate');
  if (end < start) throw validationError("query parameter 'endDate' must not be before 'startDate'");
  // Checked before any day is listed: a period is at most 10 years (a longer one once spun the loop for minutes).
  const span = (dayMs(end) - dayMs(start)) / DAY + 1;
  if (span > MAX_PERIOD_DAYS)
    throw validationError(
      `the period from 'startDate' to 'endDate' may span at most 10 years (${MAX_PERIOD_DAYS} days)`,
    );
  const timezone = q.str('timezone', { max: 100 }) ?? 'UTC';
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    throw validationError(`query parameter 'timezone' must be an IANA time zone name, got '${timezone}'`);
  }
  const days = daysBetween(start, end);
  const prevEnd = addDays(start, -1);
  const prevStart = addDays(start, -days.length);
  return {
    agent,
    current: { days, start, end },
    previous: { days: daysBetween(prevStart, prevEnd), start: prevStart, end: prevEnd },
    dayOf: (ms) => fmt.format(new Date(ms)),
    fromMs: Date.parse(`${prevStart}T00:00:00Z`) - 2 * DAY,
    toMs: Date.parse(`${end}T00:00:00Z`) + 3 * DAY,
  };
}

const inPeriod = (w: Window, p: Period, ms: number): boolean => {
  const d = w.dayOf(ms);
  return d >= p.start && d <= p.end;
};

export function analyticsRoutes(config: EmulatorConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = config;

  const load = async (w: Window) => {
    const ws = w.agent.workspaceId;
    const conversations = await store.listConversationsBetween(ws, w.agent.id, w.fromMs, w.toMs);
    const messages = await store.listAgentMessages(ws, w.agent.id, w.fromMs, w.toMs + 400 * DAY);
    const byConversation = new Map<string, MessageRow[]>();
    for (const m of messages) {
      const list = byConversation.get(m.conversationId) ?? [];
      list.push(m);
      byConversation.set(m.conversationId, list);
    }
    return { conversations, byConversation };
  };

  app.get('/', async (c) => {
    const q = new QueryParams(searchParamsOf(c.req.url));
    const w = await window(c, config, q);
    const { conversations, byConversation } = await load(w);
    const csat = await store.listCsat(w.agent.workspaceId, w.agent.id, w.fromMs, w.toMs);
    const contacts = new Map<string, boolean>();
    const stats = async (p: Period) => {
      const cs = conversations.filter((cv) => inPeriod(w, p, cv.createdAt));
      const total = cs.length;
      const closed = cs.filter((cv) => cv.isResolved).length;
      const resolutions = cs.filter((cv) => cv.isResolved && cv.resolution !== 'AIDidNotHelp').length;
      const joined = cs.filter((cv) => cv.isAgent).length;
      const aiMessages = cs.flatMap((cv) => byConversation.get(cv.id) ?? []).filter((m) => m.role === 'assistant');
      const bad = aiMessages.filter((m) => m.outOfContext).length;
      const good = aiMessages.length - bad;
      let captured = 0;
      for (const id of new Set(cs.map((cv) => cv.contactId))) {
        if (!contacts.has(id)) {
          const ct = await store.getContact(w.agent.workspaceId, id);
          contacts.set(id, !!(ct && (ct.email ?? ct.phone ?? ct.name)));
        }
        if (contacts.get(id)) captured++;
      }
      const duration = avg(cs.map((cv) => (cv.lastMessageDate - cv.createdAt) / 1000));
      const ratings = csat.filter((r) => r.target === 'AI' && inPeriod(w, p, r.createdAt));
      return {
        totalConversationCount: total,
        openConversationCount: total - closed,
        closedConversationCount: closed,
        totalResolutionCount: resolutions,
        agentJoinedConversationRate: pct(joined, total),
        averageResolutionRate: pct(resolutions, total),
        totalGoodResponse: good,
        totalBadResponse: bad,
        goodResponseRate: pct(good, good + bad),
        badResponseRate: pct(bad, good + bad),
        totalContactsCapture: captured,
        averageChatDuration: Math.round(duration),
        humanizedAverageChatDuration: humanize(duration),
        averageAIAgentCSATScore: round1(avg(ratings.map((r) => r.score))),
        totalAIAgentCSATResponses: ratings.length,
      };
    };
    const cs = conversations.filter((cv) => inPeriod(w, w.current, cv.createdAt));
    const current = await stats(w.current);
    const previous = await stats(w.previous);
    const perDay = byDay(w, cs, (cv) => cv.createdAt);
    const dailyData = w.current.days.map((date) => {
      const day = perDay.get(date) ?? [];
      return {
        date,
        total: day.length,
        aiResolved: day.filter((cv) => cv.resolution === 'AIHelped').length,
        humanInvolved: day.filter((cv) => cv.isAgent).length,
      };
    });
    const keys = [
      'totalConversationCount',
      'closedConversationCount',
      'totalResolutionCount',
      'agentJoinedConversationRate',
      'averageResolutionRate',
      'goodResponseRate',
      'badResponseRate',
      'totalContactsCapture',
      'averageChatDuration',
      'averageAIAgentCSATScore',
    ] as const;
    const changes = Object.fromEntries(keys.map((k) => [k, change(current[k], previous[k])]));
    return c.json({
      status: 'success',
      data: { currentPeriod: { ...current, dailyData, changes }, previousPeriod: previous },
    });
  });

  app.get('/agent', async (c) => {
    const q = new QueryParams(searchParamsOf(c.req.url));
    const w = await window(c, config, q);
    const userId = q.str('userId');
    const { conversations, byConversation } = await load(w);
    const csat = await store.listCsat(w.agent.workspaceId, w.agent.id, w.fromMs, w.toMs);
    const involves = (cv: ConversationRow): boolean =>
      userId === undefined
        ? cv.isAgent
        : cv.assigneeId === userId ||
          (byConversation.get(cv.id) ?? []).some((m) => m.role === 'agent' && m.memberId === userId);
    const stats = (p: Period) => {
      const cs = conversations.filter((cv) => inPeriod(w, p, cv.createdAt) && involves(cv));
      const responseTimes: number[] = [];
      for (const cv of cs) {
        let waitingSince: number | null = null;
        for (const m of byConversation.get(cv.id) ?? []) {
          if (m.role === 'user' && waitingSince === null) waitingSince = m.createdAt;
          else if (m.role === 'agent' && (userId === undefined || m.memberId === userId)) {
            if (waitingSince !== null) responseTimes.push((m.createdAt - waitingSince) / 1000);
            waitingSince = null;
          }
        }
      }
      const ratings = csat.filter(
        (r) => r.target === 'HUMAN' && inPeriod(w, p, r.createdAt) && (userId === undefined || r.memberId === userId),
      );
      return {
        totalConversationCount: cs.length,
        closedConversationCount: cs.filter((cv) => cv.isResolved).length,
        agentResponseTime: Math.round(avg(responseTimes)),
        avarageMessagesPerConversation: round1(avg(cs.map((cv) => (byConversation.get(cv.id) ?? []).length))),
        averageAgentCSATScore: round1(avg(ratings.map((r) => r.score))),
        totalAgentCSATResponses: ratings.length,
      };
    };
    const current = stats(w.current);
    const previous = stats(w.previous);
    const keys = [
      'totalConversationCount',
      'closedConversationCount',
      'agentResponseTime',
      'avarageMessagesPerConversation',
      'averageAgentCSATScore',
    ] as const;
    const changes = Object.fromEntries(keys.map((k) => [k, change(current[k], previous[k])]));
    return c.json({ status: 'success', data: { currentPeriod: { ...current, changes }, previousPeriod: previous } });
  });

  app.get('/ai-functions', async (c) => {
    const q = new QueryParams(searchParamsOf(c.req.url));
    const w = await window(c, config, q);
    const calls = await store.listFunctionCalls(w.agent.workspaceId, w.agent.id, w.fromMs, w.toMs);
    const cur = calls.filter((f) => inPeriod(w, w.current, f.createdAt));
    const prev = calls.filter((f) => inPeriod(w, w.previous, f.createdAt));
    const functions = new Map<
      string,
      {
        name: string;
        description: string | null;
        total: number;
        totalFailed: number;
        type: string;
        mcpName: string | null;
        mcpProvider: string | null;
      }
    >();
    for (const f of cur) {
      const e = functions.get(f.name) ?? {
        name: f.name,
        description: f.description,
        total: 0,
        totalFailed: 0,
        type: f.type,
        mcpName: f.mcpName,
        mcpProvider: f.mcpProvider,
      };
      e.total++;
      if (f.failed) e.totalFailed++;
      functions.set(f.name, e);
    }
    const totals = (xs: typeof calls) => ({ total: xs.length, totalFailed: xs.filter((f) => f.failed).length });
    const current = totals(cur);
    const previous = totals(prev);
    return c.json({
      status: 'success',
      data: {
        currentPeriod: {
          ...current,
          functions: [...functions.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
        },
        previousPeriod: previous,
        changes: {
          total: change(current.total, previous.total),
          totalFailed: change(current.totalFailed, previous.totalFailed),
        },
      },
    });
  });

  app.get('/csat', async (c) => {
    const q = new QueryParams(searchParamsOf(c.req.url));
    const w = await window(c, config, q);
    const page = q.int('page', 1, 1, 1_000_000);
    const pageSize = q.int('pageSize', 10, 1, 100);
    const rows = await store.listCsat(w.agent.workspaceId, w.agent.id, w.fromMs, w.toMs);
    const entry = (r: (typeof rows)[number]) => ({
      id: r.id,
      score: r.score,
      comment: r.comment,
      email: r.email,
      name: r.name,
      triggerReason: r.triggerReason,
      createdAt: iso(r.createdAt),
    });
    const cur = rows.filter((r) => inPeriod(w, w.current, r.createdAt));
    const prev = rows.filter((r) => inPeriod(w, w.previous, r.createdAt));
    const averageScore = (xs: typeof rows): number => round1(avg(xs.map((r) => r.score)));
    return c.json({
      status: 'success',
      data: {
        currentPeriod: {
          averageScore: averageScore(cur),
          totalResponses: cur.length,
          scores: cur.slice((page - 1) * pageSize, page * pageSize).map(entry),
        },
        previousPeriod: {
          averageScore: averageScore(prev),
          totalResponses: prev.length,
          scores: prev.slice(0, pageSize).map(entry),
        },
        changes: {
          averageScore: change(averageScore(cur), averageScore(prev)),
          totalResponses: change(cur.length, prev.length),
        },
        metadata: metadataD(page, pageSize, cur.length),
      },
    });
  });

  app.get('/sentiments', async (c) => {
    const q = new QueryParams(searchParamsOf(c.req.url));
    const w = await window(c, config, q);
    const { conversations } = await load(w);
    const keys = ['POSITIVE', 'NEGATIVE', 'NEUTRAL', 'UNSPECIFIED'] as const;
    const cs = conversations.filter((cv) => inPeriod(w, w.current, cv.createdAt));
    const perDay = byDay(w, cs, (cv) => cv.createdAt);
    const data = w.current.days.map((date) => {
      const day = perDay.get(date) ?? [];
      return { date, ...Object.fromEntries(keys.map((k) => [k, day.filter((cv) => cv.sentiment === k).length])) };
    });
    return c.json({
      status: 'success',
      data,
      keys,
      allSentimentsCounts: keys.map((name) => ({ name, count: cs.filter((cv) => cv.sentiment === name).length })),
    });
  });

  app.get('/topics', async (c) => {
    const q = new QueryParams(searchParamsOf(c.req.url));
    const w = await window(c, config, q);
    const showAll = q.bool('showAllTopics') ?? false;
    const { conversations } = await load(w);
    const cs = conversations.filter((cv) => inPeriod(w, w.current, cv.createdAt));
    const counts = new Map<string, number>();
    for (const cv of cs) if (cv.topic !== null) counts.set(cv.topic, (counts.get(cv.topic) ?? 0) + 1);
    const allTopics = [...counts.entries()]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const keys = (showAll ? allTopics : allTopics.slice(0, 6)).map((t) => t.name);
    const perDay = byDay(w, cs, (cv) => cv.createdAt);
    const data = w.current.days.map((date) => {
      const day = perDay.get(date) ?? [];
      return { date, ...Object.fromEntries(keys.map((k) => [k, day.filter((cv) => cv.topic === k).length])) };
    });
    return c.json({ status: 'success', data, keys, allTopics, areAllTopicsVisible: keys.length === allTopics.length });
  });

  return app;
}
