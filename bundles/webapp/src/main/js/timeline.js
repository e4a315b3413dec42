// The workplan as a timeline: one row per phase and per task that has dates, drawn as SVG bars on a shared
// time axis. Items without dates are counted, not drawn: the guide is where dates are set.
import { h } from 'preact';
import htm from 'htm';
import { t, currentLanguage } from './i18n.js';

const html = htm.bind(h);
const DAY = 86400000;

function rows(tree) {
  const out = [];
  let undated = 0;
  const visit = (item, depth) => {
    if (item.type === 'phase' || item.type === 'task') {
      if (item.startDate && item.endDate) out.push({ item, depth });
      else if (item.type === 'task') undated++;
    }
    (item.children || []).forEach((c) => visit(c, depth + 1));
  };
  (tree.phases || []).forEach((p) => visit(p, 0));
  return { out, undated };
}

export function Timeline({ tree }) {
  const { out, undated } = rows(tree);
  if (!out.length) return html`<p class="muted" id="timeline-empty">${t('timeline.empty')}</p>`;
  const start = Math.min(...out.map((r) => Date.parse(r.item.startDate)));
  const end = Math.max(...out.map((r) => Date.parse(r.item.endDate))) + DAY;
  const width = 900, label = 260, rowH = 26, top = 30;
  const x = (ms) => label + ((ms - start) / (end - start)) * (width - label - 10);
  const height = top + out.length * rowH + 10;
  const fmt = (ms) => new Date(ms).toLocaleDateString(currentLanguage(), { month: 'short', day: 'numeric' });
  const ticks = [];
  const step = Math.max(1, Math.ceil((end - start) / DAY / 8)) * DAY;
  for (let ms = start; ms <= end; ms += step) ticks.push(ms);
  return html`<div class="timeline"><svg viewBox=${`0 0 ${width} ${height}`} role="img" aria-labelledby="timeline-desc">
    <title id="timeline-desc">${t('timeline.label', { n: out.length })}</title>
    ${ticks.map((ms) => html`<g><line x1=${x(ms)} x2=${x(ms)} y1=${top - 6} y2=${height - 6} stroke="#c9ced3" />
      <text x=${x(ms) + 2} y=${top - 10} font-size="11" fill="#333">${fmt(ms)}</text></g>`)}
    ${out.map((r, i) => {
      const y = top + i * rowH;
      const s = Date.parse(r.item.startDate), e = Date.parse(r.item.endDate) + DAY;
      const phase = r.item.type === 'phase';
      return html`<g>
        <text x=${4 + r.depth * 10} y=${y + 17} font-size="12" font-weight=${phase ? 700 : 400} fill="#1b1b1b">${r.item.name.length > 36 ? r.item.name.slice(0, 35) + '…' : r.item.name}</text>
        <rect x=${x(s)} y=${y + 4} width=${Math.max(3, x(e) - x(s))} height=${rowH - 8} rx="3" fill=${phase ? 'var(--primary)' : '#8fb3d9'} stroke="#1b1b1b" stroke-width="0.5" />
        <rect x=${x(s)} y=${y + 4} width=${Math.max(0, (x(e) - x(s)) * (r.item.progress || 0) / 100)} height=${rowH - 8} rx="3" fill="var(--secondary)" opacity="0.85" />
      </g>`;
    })}
  </svg>
  <ul class="visually-hidden">${out.map((r) => html`<li>${t('kind.' + r.item.type)} ${r.item.name}: ${r.item.startDate} → ${r.item.endDate}, ${Math.round(r.item.progress || 0)} %</li>`)}</ul>
  ${undated > 0 && html`<p class="muted">${t('timeline.undated', { n: undated })}</p>`}</div>`;
}
