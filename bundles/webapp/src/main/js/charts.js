// Interlinker health as a chart (Chart.js, only the parts a bar chart needs), with the same figures as a table
// for people who do not see the chart.
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import htm from 'htm';
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { t } from './i18n.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
const html = htm.bind(h);

/**
 * Per Interlinker id: calls by outcome and the 95th percentile of their durations, read from /metrics (the
 * Prometheus text the kernel writes), and the status from /api/v1/health.
 */
export function callFigures(metrics, health) {
  const byId = new Map();
  const row = (id) => {
    if (!byId.has(id)) byId.set(id, { id, status: '', ok: 0, error: 0, timeout: 0, refused: 0, p95: 0 });
    return byId.get(id);
  };
  for (const line of (metrics || '').split('\n')) {
    let m = line.match(/^interlink_interlinker_calls_total\{interlinker="([^"]+)",outcome="([a-z]+)"\}\s+([0-9.eE+-]+)/);
    if (m) { const r = row(m[1]); if (m[2] in r) r[m[2]] = Number(m[3]); continue; }
    m = line.match(/^interlink_interlinker_call_seconds\{interlinker="([^"]+)",quantile="0\.95"\}\s+([0-9.eE+-]+)/);
    if (m) row(m[1]).p95 = Math.round(Number(m[2]) * 1000);
  }
  const registry = (health && health.components && health.components.registry && health.components.registry.interlinkers) || {};
  for (const [id, v] of Object.entries(registry)) row(id).status = v.status;
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function HealthChart({ health, metrics }) {
  const canvas = useRef();
  const rows = callFigures(metrics, health);
  useEffect(() => {
    if (!canvas.current || !rows.length) return undefined;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.id),
        datasets: [
          { label: t('operator.ok'), data: rows.map((r) => r.ok), backgroundColor: '#2e7d32' },
          { label: t('operator.failures'), data: rows.map((r) => r.error), backgroundColor: '#b00020' },
          { label: t('operator.timeouts'), data: rows.map((r) => r.timeout), backgroundColor: '#7a4d00' },
          { label: t('operator.refused'), data: rows.map((r) => r.refused), backgroundColor: '#555555' },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    return () => chart.destroy();
  }, [JSON.stringify(rows), t('operator.ok')]);
  if (!rows.length) return html`<p class="muted">${t('operator.noCalls')}</p>`;
  return html`<div class="chart"><canvas ref=${canvas} role="img" aria-label=${t('operator.chartLabel')}></canvas></div>
    <details><summary>${t('operator.asTable')}</summary>
    <table id="call-figures"><caption class="visually-hidden">${t('operator.chartLabel')}</caption>
      <thead><tr><th scope="col">${t('operator.id')}</th><th scope="col">${t('common.status')}</th><th scope="col">${t('operator.ok')}</th><th scope="col">${t('operator.failures')}</th><th scope="col">${t('operator.timeouts')}</th><th scope="col">${t('operator.refused')}</th><th scope="col">p95 (ms)</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${r.id}</th><td>${r.status ? t('status.' + r.status, {}, r.status) : ''}</td><td>${r.ok}</td><td>${r.error}</td><td>${r.timeout}</td><td>${r.refused}</td><td>${r.p95}</td></tr>`)}</tbody>
    </table></details>`;
}

/** One bar chart with its figures as a table: the key figures of the operator page. */
function FigureChart({ id, title, labels, values, colour, header }) {
  const canvas = useRef();
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: [{ label: title, data: values, backgroundColor: colour }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    return () => chart.destroy();
  }, [JSON.stringify(labels), JSON.stringify(values), title]);
  return html`<h3>${title}</h3><div class="chart"><canvas ref=${canvas} role="img" aria-label=${title}></canvas></div>
    <details><summary>${t('operator.asTable')}</summary>
    <table id=${id}><caption class="visually-hidden">${title}</caption>
      <thead><tr><th scope="col">${header}</th><th scope="col">${t('operator.kpiCount')}</th></tr></thead>
      <tbody>${labels.map((l, i) => html`<tr><th scope="row">${l}</th><td>${values[i]}</td></tr>`)}</tbody>
    </table></details>`;
}

/** Processes by status and active people per day, from /api/v1/admin/kpis (operators). */
export function KpiCharts({ processes, active }) {
  const statuses = Object.keys(processes.byStatus || {});
  const days = (active.items || []).map((d) => d.periodStart);
  return html`${FigureChart({ id: 'kpi-processes', title: t('operator.kpiProcesses'), labels: statuses.map((s) => t('status.' + s, {}, s)),
      values: statuses.map((s) => processes.byStatus[s]), colour: '#1f5f99', header: t('common.status') })}
    ${FigureChart({ id: 'kpi-active', title: t('operator.kpiActive'), labels: days, values: (active.items || []).map((d) => d.activeUsers),
      colour: '#2e7d32', header: t('operator.kpiDay') })}
    <p><a href="/api/v1/admin/kpis/active-users?format=csv" download>${t('operator.kpiCsv')}</a></p>`;
}
