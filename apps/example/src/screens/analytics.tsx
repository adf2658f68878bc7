import {
  useAgentAnalytics,
  useAnalyticsOverview,
  useCsatAnalytics,
  useSentimentAnalytics,
  useTopicAnalytics,
} from '@livechatai/react';
import { useMemo, useState } from 'react';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Card, EmptyState, ErrorNotice, Loading, PageHeader } from '../ui.js';

const RANGES = [7, 30, 90] as const;
const SENTIMENT_COLORS: Record<string, string> = {
  POSITIVE: '#16a34a',
  NEUTRAL: '#64748b',
  NEGATIVE: '#dc2626',
  UNSPECIFIED: '#94a3b8',
};

const ymd = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One figure with its change versus the previous period of the same length. With nothing in the previous
 * period a percentage means nothing ("+100 %" from zero): it reads "new" (or "—" when both are zero).
 * `better` says which way is good; figures such as chat duration are neither, and stay uncoloured.
 */
function Kpi({
  label,
  value,
  current,
  previous,
  change,
  better = 'up',
}: {
  label: string;
  value: string;
  current?: number | undefined;
  previous?: number | undefined;
  change?: number | undefined;
  better?: 'up' | 'down' | 'neither';
}) {
  let note = null;
  if (previous === 0 && current !== undefined) {
    note =
      current === 0 ? (
        <div className="kpi-change flat" data-change="none">
          — no change
        </div>
      ) : (
        <div className="kpi-change new" data-change="new">
          new this period
        </div>
      );
  } else if (change !== undefined && Number.isFinite(change)) {
    const tone = change === 0 || better === 'neither' ? 'flat' : change > 0 === (better === 'up') ? 'good' : 'bad';
    note = (
      <div className={`kpi-change ${tone}`} data-change={change > 0 ? 'up' : change < 0 ? 'down' : 'flat'}>
        {change > 0 ? '▲' : change < 0 ? '▼' : '•'} {Math.abs(change).toFixed(1)}% vs previous period
      </div>
    );
  }
  return (
    <div className="kpi">
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {note}
    </div>
  );
}

/** Legend text in the text colour (recharts colours it like its series, too faint for the light ones). */
const legendText = (value: unknown) => <span className="legend-text">{String(value)}</span>;

/** Charts draw themselves in, unless the reader asked for less motion (then they, and screenshots, show the whole series at once). */
const animate = typeof matchMedia === 'undefined' || !matchMedia('(prefers-reduced-motion: reduce)').matches;

const shortDate = (v: unknown) => (typeof v === 'string' ? v.slice(5) : String(v));

export function AnalyticsScreen({ agentId }: { agentId: string }) {
  const [days, setDays] = useState<(typeof RANGES)[number]>(30);
  const params = useMemo(() => {
    const end = new Date();
    const start = new Date(end.getTime() - (days - 1) * 86_400_000);
    return { agentId, startDate: ymd(start), endDate: ymd(end), timezone: 'UTC' };
  }, [agentId, days]);
  const overview = useAnalyticsOverview(params);
  const humans = useAgentAnalytics(params);
  const csat = useCsatAnalytics({ ...params, pageSize: 5 });
  const sentiments = useSentimentAnalytics(params);
  const topics = useTopicAnalytics(params);
  const current = overview.data?.currentPeriod;
  const previous = overview.data?.previousPeriod;
  // Every conversation of the day: the API's `total` also counts those the AI could not help with and no human
  // joined, which neither `aiResolved` nor `humanInvolved` holds; plotting only those two hid them.
  const daily = useMemo(
    () =>
      current?.dailyData.map((d) => ({ ...d, unresolved: Math.max(0, d.total - d.aiResolved - d.humanInvolved) })) ??
      [],
    [current],
  );

  return (
    <>
      <PageHeader
        title="Analytics"
        description="How the agent is doing: volume, resolution, sentiment and topics."
        actions={
          <div className="segmented" role="group" aria-label="Date range">
            {RANGES.map((r) => (
              <button
                key={r}
                type="button"
                aria-pressed={r === days}
                className={r === days ? 'active' : ''}
                onClick={() => {
                  setDays(r);
                }}
              >
                {r} days
              </button>
            ))}
          </div>
        }
      />
      <ErrorNotice error={overview.error} title="Could not load analytics" onRetry={() => void overview.refetch()} />
      {overview.isLoading ? <Loading label="Crunching numbers…" /> : null}
      {current ? (
        <>
          <div className="kpis">
            <Kpi
              label="Conversations"
              value={current.totalConversationCount.toLocaleString()}
              current={current.totalConversationCount}
              previous={previous?.totalConversationCount}
              change={current.changes.totalConversationCount}
            />
            <Kpi
              label="Resolution rate"
              value={`${current.averageResolutionRate.toFixed(0)}%`}
              current={current.averageResolutionRate}
              previous={previous?.averageResolutionRate}
              change={current.changes.averageResolutionRate}
            />
            <Kpi
              label="Good answers"
              value={`${current.goodResponseRate.toFixed(0)}%`}
              current={current.goodResponseRate}
              previous={previous?.goodResponseRate}
              change={current.changes.goodResponseRate}
            />
            <Kpi
              label="Contacts captured"
              value={current.totalContactsCapture.toLocaleString()}
              current={current.totalContactsCapture}
              previous={previous?.totalContactsCapture}
              change={current.changes.totalContactsCapture}
            />
            {/* Longer chats are not better or worse in themselves (a thorough answer, or a struggle): uncoloured. */}
            <Kpi
              label="Avg. chat duration"
              value={current.totalConversationCount ? current.humanizedAverageChatDuration : '—'}
              current={current.averageChatDuration}
              previous={previous?.averageChatDuration}
              change={current.changes.averageChatDuration}
              better="neither"
            />
          </div>
          <Card title="Conversations per day">
            {current.totalConversationCount === 0 ? (
              <EmptyState icon="▥" title="No conversations in this period" />
            ) : (
              <div className="chart" data-chart="daily">
                <ResponsiveContainer width="100%" height={260}>
                  <AreaChart data={daily} margin={{ top: 8, right: 16, left: -16, bottom: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
                    <XAxis dataKey="date" tickFormatter={shortDate} fontSize={12} />
                    <YAxis allowDecimals={false} fontSize={12} />
                    <Tooltip />
                    <Legend formatter={legendText} />
                    <Area
                      type="monotone"
                      dataKey="aiResolved"
                      isAnimationActive={animate}
                      name="Resolved by AI"
                      stackId="1"
                      stroke="#4f46e5"
                      fill="#c7d2fe"
                    />
                    <Area
                      type="monotone"
                      dataKey="humanInvolved"
                      isAnimationActive={animate}
                      name="Human involved"
                      stackId="1"
                      stroke="#0891b2"
                      fill="#a5f3fc"
                    />
                    <Area
                      type="monotone"
                      dataKey="unresolved"
                      isAnimationActive={animate}
                      name="AI could not help, no human"
                      stackId="1"
                      stroke="#b45309"
                      fill="#fde68a"
                    />
                  </AreaChart>
                </ResponsiveContainer>
              </div>
            )}
          </Card>
        </>
      ) : null}
      <div className="grid-2">
        <Card title="Sentiment">
          <ErrorNotice error={sentiments.error} title="Could not load sentiment" />
          {sentiments.isLoading ? <Loading /> : null}
          {sentiments.data ? (
            sentiments.data.data.length === 0 ? (
              <EmptyState icon="☺" title="No sentiment data yet" />
            ) : (
              <div className="chart" data-chart="sentiment">
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart data={sentiments.data.data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
                    <XAxis dataKey="date" tickFormatter={shortDate} fontSize={12} />
                    <YAxis allowDecimals={false} fontSize={12} />
                    <Tooltip />
                    <Legend formatter={legendText} />
                    {sentiments.data.keys.map((k) => (
                      <Bar
                        key={k}
                        isAnimationActive={animate}
                        dataKey={k}
                        stackId="s"
                        fill={SENTIMENT_COLORS[k] ?? '#94a3b8'}
                        name={k.toLowerCase()}
                      />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
            )
          ) : null}
        </Card>
        <Card title="Top topics">
          <ErrorNotice error={topics.error} title="Could not load topics" />
          {topics.isLoading ? <Loading /> : null}
          {topics.data ? (
            topics.data.allTopics.length === 0 ? (
              <EmptyState icon="#" title="No topics yet" />
            ) : (
              <div className="chart" data-chart="topics">
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart
                    data={topics.data.allTopics.slice(0, 6)}
                    layout="vertical"
                    margin={{ top: 8, right: 16, left: 16, bottom: 0 }}
                  >
                    <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
                    <XAxis type="number" allowDecimals={false} fontSize={12} />
                    <YAxis type="category" dataKey="name" width={90} fontSize={12} />
                    <Tooltip />
                    <Bar
                      isAnimationActive={animate}
                      dataKey="count"
                      name="Conversations"
                      fill="#4f46e5"
                      radius={[0, 4, 4, 0]}
                    />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            )
          ) : null}
        </Card>
      </div>
      <div className="grid-2">
        <Card title="Team performance">
          <ErrorNotice error={humans.error} title="Could not load team analytics" />
          {humans.data ? (
            <div className="kpis kpis-compact">
              <Kpi
                label="Handled by humans"
                value={humans.data.currentPeriod.totalConversationCount.toLocaleString()}
                current={humans.data.currentPeriod.totalConversationCount}
                previous={humans.data.previousPeriod.totalConversationCount}
                change={humans.data.currentPeriod.changes.totalConversationCount}
              />
              <Kpi label="Closed" value={humans.data.currentPeriod.closedConversationCount.toLocaleString()} />
              <Kpi
                label="Messages / conversation"
                value={humans.data.currentPeriod.avarageMessagesPerConversation.toFixed(1)}
              />
            </div>
          ) : humans.isLoading ? (
            <Loading />
          ) : null}
        </Card>
        <Card title="Customer satisfaction">
          <p className="muted small">
            Every rating visitors gave after a conversation ended, about the AI or a team member (the CSAT report). The
            overview&apos;s AI-only score is left out, so that the console shows one CSAT figure.
          </p>
          <ErrorNotice error={csat.error} title="Could not load CSAT" />
          {csat.data ? (
            csat.data.currentPeriod.totalResponses === 0 ? (
              <EmptyState icon="★" title="No ratings in this period" />
            ) : (
              <>
                <div className="kpis kpis-compact">
                  <Kpi
                    label="Average score"
                    value={`${csat.data.currentPeriod.averageScore.toFixed(1)} / 5`}
                    current={csat.data.currentPeriod.totalResponses}
                    previous={csat.data.previousPeriod.totalResponses}
                    change={csat.data.changes.averageScore}
                  />
                  <Kpi
                    label="Ratings"
                    value={csat.data.currentPeriod.totalResponses.toLocaleString()}
                    current={csat.data.currentPeriod.totalResponses}
                    previous={csat.data.previousPeriod.totalResponses}
                    change={csat.data.changes.totalResponses}
                  />
                </div>
                <ul className="list compact">
                  {csat.data.currentPeriod.scores.map((s) => (
                    <li key={s.id} className="list-row">
                      <span className="stars" role="img" aria-label={`${String(s.score)} of 5 stars`}>
                        {'★'.repeat(s.score)}
                        <span className="stars-off">{'★'.repeat(Math.max(0, 5 - s.score))}</span>
                      </span>
                      <span className="row-text">
                        <span className="row-sub">{s.comment ?? 'No comment'}</span>
                      </span>
                      <span className="muted small">{s.name ?? s.email ?? ''}</span>
                    </li>
                  ))}
                </ul>
              </>
            )
          ) : csat.isLoading ? (
            <Loading />
          ) : null}
        </Card>
      </div>
    </>
  );
}
