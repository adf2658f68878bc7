import {
  useAgentAnalytics,
  useAnalyticsOverview,
  useCsatAnalytics,
  useSentimentAnalytics,
  useTopicAnalytics,
} from '@livechatai/react';
import { useMemo, useState } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card, EmptyState, ErrorNotice, Loading, PageHeader } from '../ui.js';

const RANGES = [7, 30, 90] as const;
const SENTIMENT_COLORS: Record<string, string> = { POSITIVE: '#16a34a', NEUTRAL: '#94a3b8', NEGATIVE: '#dc2626', UNSPECIFIED: '#cbd5e1' };

const ymd = (d: Date) => d.toISOString().slice(0, 10);

function Kpi({ label, value, change }: { label: string; value: string; change?: number | undefined }) {
  return (
    <div className="kpi">
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {change !== undefined && Number.isFinite(change) ? (
        <div className={`kpi-change ${change >= 0 ? 'up' : 'down'}`}>
          {change >= 0 ? '▲' : '▼'} {Math.abs(change).toFixed(1)}% vs previous period
        </div>
      ) : null}
    </div>
  );
}

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

  return (
    <>
      <PageHeader
        title="Analytics"
        description="How the agent is doing: volume, resolution, sentiment and topics."
        actions={
          <div className="segmented" role="group" aria-label="Date range">
            {RANGES.map((r) => (
              <button key={r} type="button" className={r === days ? 'active' : ''} onClick={() => { setDays(r); }}>
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
            <Kpi label="Conversations" value={current.totalConversationCount.toLocaleString()} change={current.changes.totalConversationCount} />
            <Kpi label="Resolution rate" value={`${current.averageResolutionRate.toFixed(0)}%`} change={current.changes.averageResolutionRate} />
            <Kpi label="Good answers" value={`${current.goodResponseRate.toFixed(0)}%`} change={current.changes.goodResponseRate} />
            <Kpi label="Contacts captured" value={current.totalContactsCapture.toLocaleString()} change={current.changes.totalContactsCapture} />
            <Kpi label="Avg. chat duration" value={current.humanizedAverageChatDuration || '—'} change={current.changes.averageChatDuration} />
          </div>
          <Card title="Conversations per day">
            {current.dailyData.length === 0 ? (
              <EmptyState icon="▥" title="No conversations in this period" />
            ) : (
              <div className="chart" data-chart="daily">
                <ResponsiveContainer width="100%" height={260}>
                  <AreaChart data={current.dailyData} margin={{ top: 8, right: 16, left: -16, bottom: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
                    <XAxis dataKey="date" tickFormatter={shortDate} fontSize={12} />
                    <YAxis allowDecimals={false} fontSize={12} />
                    <Tooltip />
                    <Legend />
                    <Area type="monotone" dataKey="aiResolved" name="Resolved by AI" stackId="1" stroke="#4f46e5" fill="#c7d2fe" />
                    <Area type="monotone" dataKey="humanInvolved" name="Human involved" stackId="1" stroke="#0891b2" fill="#a5f3fc" />
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
                    <Legend />
                    {sentiments.data.keys.map((k) => (
                      <Bar key={k} dataKey={k} stackId="s" fill={SENTIMENT_COLORS[k] ?? '#94a3b8'} name={k.toLowerCase()} />
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
                  <BarChart data={topics.data.allTopics.slice(0, 6)} layout="vertical" margin={{ top: 8, right: 16, left: 16, bottom: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
                    <XAxis type="number" allowDecimals={false} fontSize={12} />
                    <YAxis type="category" dataKey="name" width={90} fontSize={12} />
                    <Tooltip />
                    <Bar dataKey="count" name="Conversations" fill="#4f46e5" radius={[0, 4, 4, 0]} />
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
              <Kpi label="Handled by humans" value={humans.data.currentPeriod.totalConversationCount.toLocaleString()} />
              <Kpi label="Closed" value={humans.data.currentPeriod.closedConversationCount.toLocaleString()} />
              <Kpi label="Messages / conversation" value={humans.data.currentPeriod.avarageMessagesPerConversation.toFixed(1)} />
            </div>
          ) : humans.isLoading ? (
            <Loading />
          ) : null}
        </Card>
        <Card title="Customer satisfaction">
          <ErrorNotice error={csat.error} title="Could not load CSAT" />
          {csat.data ? (
            csat.data.currentPeriod.totalResponses === 0 ? (
              <EmptyState icon="★" title="No ratings in this period" />
            ) : (
              <>
                <div className="kpis kpis-compact">
                  <Kpi label="Average score" value={`${csat.data.currentPeriod.averageScore.toFixed(1)} / 5`} change={csat.data.changes.averageScore} />
                  <Kpi label="Responses" value={csat.data.currentPeriod.totalResponses.toLocaleString()} />
                </div>
                <ul className="list compact">
                  {csat.data.currentPeriod.scores.map((s) => (
                    <li key={s.id} className="list-row">
                      <span className="stars" aria-label={`${String(s.score)} of 5`}>
                        {'★'.repeat(s.score)}
                        <span className="muted">{'★'.repeat(Math.max(0, 5 - s.score))}</span>
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
