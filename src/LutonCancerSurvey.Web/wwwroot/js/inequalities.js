// Draws the dot plots of results by sex and deprivation from the table the server renders beside each, in the manner
// of charts.js: the page works without JavaScript and every point on a chart is a figure in its table. Contract:
//
//   <figure class="app-chart" data-chart-type="inequality" data-scale="percent|mean">
//     <div class="app-chart__canvas"><canvas role="img" aria-label="…"></canvas></div>
//     <table><thead><tr><th>Question</th><th data-series="all">All patients</th><th data-series="male">Men</th>…</tr></thead>
//       <tbody><tr data-point data-label="Q22"><th>…</th><td data-series="all" data-value="63" data-text="63%">63%</td>…</tr></tbody>
//     </table>
//   </figure>
//
// A cell with an empty data-value is a suppressed result: its question keeps its row but gets no mark for that group.
// data-value places a mark; data-text is the figure exactly as the server writes it, which tooltips show, so a chart
// never rounds a figure differently from its table.
// Once the chart is drawn the figure gets data-chart-rendered="true".
(() => {
  'use strict';

  if (typeof window.Chart !== 'function') {
    return; // library missing: the tables already carry everything
  }

  const Chart = window.Chart;
  // charts.js (loaded first, by the layout) rounds axis ticks by the server's rule; toFixed would give 8.8 for 8.85.
  const { tick } = window.AppChartText;
  const text = '#212b32';
  const grid = '#d8dde0';

  // Every group differs in marker shape as well as colour (NHS palette), so no meaning rests on colour alone.
  const styles = {
    all: { pointStyle: 'rectRot', colour: '#212b32', fill: '#ffffff', radius: 8 },
    male: { pointStyle: 'triangle', colour: '#005eb8', fill: '#005eb8', radius: 7 },
    female: { pointStyle: 'circle', colour: '#ed8b00', fill: '#ed8b00', radius: 6 },
    imd1: { pointStyle: 'triangle', colour: '#330072', fill: '#330072', radius: 7 },
    imd2: { pointStyle: 'rect', colour: '#425563', fill: '#ffffff', radius: 4 },
    imd3: { pointStyle: 'crossRot', colour: '#425563', fill: '#425563', radius: 5 },
    imd4: { pointStyle: 'rectRounded', colour: '#768692', fill: '#ffffff', radius: 4 },
    imd5: { pointStyle: 'circle', colour: '#007f3b', fill: '#007f3b', radius: 6 },
  };

  // Groups of other dimensions (age bands, ethnic groups …) take these in turn, each a shape of its own.
  const others = [
    { pointStyle: 'triangle', colour: '#005eb8', fill: '#005eb8', radius: 7 },
    { pointStyle: 'circle', colour: '#ed8b00', fill: '#ed8b00', radius: 6 },
    { pointStyle: 'rect', colour: '#330072', fill: '#ffffff', radius: 5 },
    { pointStyle: 'crossRot', colour: '#425563', fill: '#425563', radius: 6 },
    { pointStyle: 'rectRounded', colour: '#007f3b', fill: '#007f3b', radius: 5 },
    { pointStyle: 'star', colour: '#7c2855', fill: '#7c2855', radius: 7 },
    { pointStyle: 'cross', colour: '#212b32', fill: '#212b32', radius: 6 },
    { pointStyle: 'triangle', colour: '#768692', fill: '#ffffff', radius: 7 },
  ];

  const scales = {
    // Axis ticks only: figures themselves are shown as the server wrote them (data-text).
    percent: { min: 0, max: 100, step: 10, title: 'Per cent', tick: (v) => `${tick(v)}%` },
    mean: { min: 0, max: 10, step: 1, title: 'Score out of 10', tick: (v) => tick(v) },
  };

  function number(raw) {
    if (raw === undefined || raw === null || String(raw).trim() === '') {
      return null;
    }
    const value = Number(raw);
    return Number.isFinite(value) ? value : null;
  }

  function readSeries(figure) {
    return Array.from(figure.querySelectorAll('thead th[data-series]')).map((th) => ({
      key: th.dataset.series,
      label: th.textContent.trim(),
    }));
  }

  function readRows(figure) {
    return Array.from(figure.querySelectorAll('tbody tr[data-point]')).map((row) => {
      const values = {};
      const texts = {};
      row.querySelectorAll('td[data-series]').forEach((cell) => {
        values[cell.dataset.series] = number(cell.dataset.value);
        texts[cell.dataset.series] = cell.dataset.text ?? cell.textContent.trim();
      });
      return { label: row.dataset.label ?? '', values, texts };
    });
  }

  // Groups differ by a few points: the axis spans the figures (in tenths of the scale) rather than the whole scale, as
  // a dot plot, unlike a bar, is read by position, not length.
  function valueAxis(scale, values) {
    const shown = values.filter((v) => Number.isFinite(v));
    let min = scale.min;
    let max = scale.max;
    if (shown.length) {
      min = Math.max(scale.min, Math.floor(Math.min(...shown) / scale.step) * scale.step);
      max = Math.min(scale.max, Math.ceil(Math.max(...shown) / scale.step) * scale.step);
      if (max <= min) {
        min = Math.max(scale.min, min - scale.step);
        max = Math.min(scale.max, max + scale.step);
      }
    }
    return {
      type: 'linear',
      min,
      max,
      title: { display: true, text: scale.title, color: text },
      ticks: { color: text, callback: (v) => scale.tick(v) },
      grid: { color: grid },
    };
  }

  function build(figure, scale) {
    const series = readSeries(figure);
    const rows = readRows(figure);
    const datasets = series.map((s, index) => {
      const style = styles[s.key] ?? others[(index - 1 + others.length) % others.length];
      return {
        type: 'line',
        label: s.label,
        indexAxis: 'y',
        data: rows.map((r) => r.values[s.key] ?? null),
        texts: rows.map((r) => r.texts[s.key] ?? ''),
        showLine: false,
        pointStyle: style.pointStyle,
        pointRadius: style.radius,
        pointHoverRadius: style.radius + 2,
        pointBackgroundColor: style.fill,
        pointBorderColor: style.colour,
        pointBorderWidth: 2,
        borderColor: style.colour,
        backgroundColor: style.fill,
        order: series.length - index,
      };
    });
    const values = rows.flatMap((r) => Object.values(r.values));
    return {
      rows,
      config: {
        type: 'line',
        data: { labels: rows.map((r) => r.label), datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          indexAxis: 'y',
          scales: {
            x: valueAxis(scale, values),
            y: { type: 'category', offset: true, ticks: { color: text, autoSkip: false }, grid: { color: grid } },
          },
          plugins: {
            legend: {
              display: true,
              position: 'top',
              labels: { usePointStyle: true, color: text, sort: (a, b) => a.datasetIndex - b.datasetIndex },
            },
            tooltip: {
              callbacks: {
                label: (ctx) => `${ctx.dataset.label}: ${Number.isFinite(ctx.parsed.x) ? ctx.dataset.texts[ctx.dataIndex] : 'not shown'}`,
              },
            },
          },
        },
      },
    };
  }

  function draw(figure) {
    const canvas = figure.querySelector('.app-chart__canvas canvas');
    if (!canvas || figure.dataset.chartRendered === 'true') {
      return;
    }
    const scale = scales[figure.dataset.scale] ?? scales.percent;
    const { rows, config } = build(figure, scale);
    figure.classList.add('app-chart--enhanced');
    // Room for each question's row and for a legend that wraps on a phone.
    const box = figure.querySelector('.app-chart__canvas');
    box.style.height = `${Math.max(220, rows.length * 40 + 140)}px`;
    new Chart(canvas, config);
    figure.dataset.chartRendered = 'true';
  }

  function drawAll() {
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily || Chart.defaults.font.family;
    Chart.defaults.font.size = 14;
    Chart.defaults.color = text;
    document.querySelectorAll('figure.app-chart[data-chart-type="inequality"]').forEach((figure) => {
      try {
        draw(figure);
      } catch (error) {
        // One bad chart must not stop the others; its table still shows the figures.
        figure.classList.remove('app-chart--enhanced');
        console.error('Chart could not be drawn', error);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
