// Draws a Chart.js chart from the table the server renders beside it, so the page works without JavaScript and
// every number on the chart is also in the table. Contract (the pages rely on it):
//
//   <figure class="app-chart" data-chart-type="comparison|trend|funnel|dotplot|answers" data-scale="percent|mean" [data-series-label]
//           [data-row-height data-min-height]  (comparison only: the canvas height per row and at least)
//           [data-national="56" data-national-text="56%" data-limits='[{"n":21,"l95":..,"u95":..,"l998":..,"u998":..}]'  (funnel only)]>
//     <figcaption>…</figcaption>
//     <div class="app-chart__canvas"><canvas role="img" aria-label="…"></canvas></div>
//     <div class="app-table-scroll"><table>… <tr data-point data-label data-value data-lower data-upper
//                                              data-national data-n data-highlight
//                                              data-text data-lower-text data-upper-text data-national-text>…</tr>
//                                              …</table></div>
//   </figure>
//
// A dot plot's table has a th[data-series] (data-national="true" for England) per column and a td[data-value
// data-text] per cell.
// data-value and its kin place the marks; data-text and its kin are the figures exactly as the server writes them in
// the table (8.85 stays 8.85, 9.2 stays 9.2), and the tooltips show those, so chart and table never disagree. Only
// what the server does not write (control limits, axis ticks) is rounded here, by the server's rule: half away from
// zero on the number's shortest decimal form, one place for percentages and two for the 0-10 rating.
// A row with an empty data-value is a suppressed result: it keeps its place (category or year) but gets no mark.
// A trend's rows may carry data-series (an organisation's name): each series is its own line, the figure's
// data-series-label first, and England is drawn once a year from the first row of that year that has it.
// A spine chart (data-chart-type="spine" data-rows-from="<selector of tables>") has no table of its own: it reads the
// rows of the section tables on the page (with data-expected-lower/-upper and data-band, and data-section and
// data-scale on their figures) and is hidden until drawn, so without JavaScript those tables are the summary.
// Once the chart is drawn the figure gets data-chart-rendered="true".
(() => {
  'use strict';

  if (typeof window.Chart !== 'function') {
    return; // library missing: the tables already carry everything
  }

  const Chart = window.Chart;
  const ErrorBars = window.ChartErrorBars;
  if (ErrorBars) {
    Chart.register(
      ErrorBars.BarWithErrorBarsController,
      ErrorBars.BarWithErrorBar,
      ErrorBars.LineWithErrorBarsController,
      ErrorBars.PointWithErrorBar,
    );
  }

  // NHS identity palette: blue and warm yellow/orange stay apart for the common colour-vision deficiencies; greys
  // for reference lines. Each series also differs in point style or dash pattern, never in colour alone.
  const colours = {
    organisation: '#005eb8',
    organisationFill: 'rgba(0, 94, 184, 0.75)',
    organisationFaint: 'rgba(0, 94, 184, 0.45)',
    national: '#212b32',
    highlight: '#ed8b00',
    limit95: '#425563',
    limit998: '#768692',
    text: '#212b32',
    grid: '#d8dde0',
  };

  const scales = {
    // format: a score the page gave no text for, at the scale's usual places (Format.DefaultDecimals); places and
    // limit: an end of an interval or a control limit, at Format.BoundDecimals; tick: an axis label.
    percent: {
      min: 0, max: 100, title: 'Per cent', places: 1,
      format: (v) => `${fixed(v, 0)}%`, limit: (v) => `${fixed(v, 1)}%`, tick: (v) => `${tick(v)}%`,
    },
    mean: {
      min: 0, max: 10, title: 'Score out of 10', places: 2,
      format: (v) => fixed(v, 2), limit: (v) => fixed(v, 2), tick: (v) => tick(v),
    },
  };

  // The server's rounding (Format.Number): half away from zero on the shortest decimal that reads back to the value,
  // which is what String() gives, so 8.85 to one place is 8.9 here too (toFixed would give 8.8 from its binary value).
  function fixed(value, places) {
    const text = String(Math.abs(value));
    if (!Number.isFinite(value) || /e/i.test(text)) {
      return value.toFixed(places);
    }
    const [whole, fraction = ''] = text.split('.');
    let digits = BigInt(whole + fraction.slice(0, places).padEnd(places, '0'));
    if (fraction.length > places && fraction.charCodeAt(places) >= 53) {
      digits += 1n; // the first dropped digit is 5 or more
    }
    const padded = digits.toString().padStart(places + 1, '0');
    const number = places ? `${padded.slice(0, -places)}.${padded.slice(-places)}` : padded;
    return value < 0 && digits !== 0n ? `-${number}` : number;
  }

  function tick(value) {
    return Number.isInteger(value) ? String(value) : fixed(value, 1);
  }

  function number(text) {
    if (text === undefined || text === null || String(text).trim() === '') {
      return null;
    }
    const value = Number(text);
    return Number.isFinite(value) ? value : null;
  }

  function text(value) {
    return value === undefined || value === null || String(value).trim() === '' ? null : String(value);
  }

  function readRows(figure) {
    return Array.from(figure.querySelectorAll('tbody tr[data-point]')).map((row) => ({
      label: row.dataset.label ?? '',
      value: number(row.dataset.value),
      lower: number(row.dataset.lower),
      upper: number(row.dataset.upper),
      national: number(row.dataset.national),
      n: number(row.dataset.n),
      highlight: row.dataset.highlight === 'true',
      series: text(row.dataset.series),
      text: text(row.dataset.text),
      lowerText: text(row.dataset.lowerText),
      upperText: text(row.dataset.upperText),
      nationalText: text(row.dataset.nationalText),
    }));
  }

  // The figure as the table writes it; the server's rounding only when a page gives no text.
  function shown(scale, value, written) {
    return written ?? scale.format(value);
  }

  function readLimits(figure) {
    try {
      const limits = JSON.parse(figure.dataset.limits || '[]');
      return Array.isArray(limits)
        ? limits.filter((l) => l && Number.isFinite(l.n)).sort((a, b) => a.n - b.n)
        : [];
    } catch {
      return [];
    }
  }

  // Legend text for the main series; pages may name it (e.g. the organisation) with data-series-label.
  function seriesLabel(figure) {
    return figure.dataset.seriesLabel || 'Score';
  }

  function hasInterval(row) {
    return row.value !== null && row.lower !== null && row.upper !== null;
  }

  function baseOptions() {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: {
          display: true,
          position: 'top',
          labels: {
            usePointStyle: true,
            color: colours.text,
            filter: (item, data) => !data.datasets[item.datasetIndex].hideFromLegend,
            sort: (a, b) => a.datasetIndex - b.datasetIndex,
          },
        },
        tooltip: {
          callbacks: {},
        },
      },
      scales: {},
    };
  }

  function valueAxis(scale) {
    return {
      type: 'linear',
      min: scale.min,
      max: scale.max,
      title: { display: true, text: scale.title, color: colours.text },
      ticks: { color: colours.text, callback: (v) => scale.tick(v) },
      grid: { color: colours.grid },
    };
  }

  function intervalText(scale, raw, axis, row) {
    const min = raw?.[`${axis}Min`];
    const max = raw?.[`${axis}Max`];
    return Number.isFinite(min) && Number.isFinite(max)
      ? ` (95% CI ${row?.lowerText ?? fixed(min, scale.places)} to ${row?.upperText ?? fixed(max, scale.places)})`
      : '';
  }

  // The text of a bar, line or marker: the organisation's own figures, or England's on the England series.
  function pointText(scale, ctx, rows, value) {
    const row = rows[ctx.dataIndex];
    return shown(scale, value, ctx.dataset.isNational ? row?.nationalText : row?.text);
  }

  // One horizontal bar per row with its 95 % confidence interval; England as a separate marked series.
  function comparison(rows, scale, figure) {
    const options = baseOptions();
    options.indexAxis = 'y';
    options.scales = {
      x: ratingAxis(scale, rows.flatMap((r) => [r.value, r.lower, r.upper, r.national])),
      y: { ticks: { color: colours.text, autoSkip: false }, grid: { display: false } },
    };
    options.plugins.tooltip.callbacks.label = (ctx) => {
      const v = ctx.parsed.x;
      if (!Number.isFinite(v)) {
        return `${ctx.dataset.label}: suppressed`;
      }
      const row = ctx.dataset.isNational ? null : rows[ctx.dataIndex];
      return `${ctx.dataset.label}: ${pointText(scale, ctx, rows, v)}${intervalText(scale, ctx.raw, 'x', row)}`;
    };

    const datasets = [
      {
        type: ErrorBars ? 'barWithErrorBars' : 'bar',
        label: seriesLabel(figure),
        indexAxis: 'y',
        // Objects even for suppressed rows: the error-bar controllers cannot parse a bare null.
        data: rows.map((r) => (hasInterval(r) ? { x: r.value, xMin: r.lower, xMax: r.upper } : { x: r.value })),
        backgroundColor: colours.organisationFill,
        borderColor: colours.organisation,
        borderWidth: 1,
        pointStyle: 'rect',
        maxBarThickness: 48,
        errorBarColor: colours.national,
        errorBarWhiskerColor: colours.national,
        errorBarLineWidth: 1.5,
        errorBarWhiskerLineWidth: 1.5,
        errorBarWhiskerRatio: 0.3,
        order: 2,
      },
    ];
    if (rows.some((r) => r.national !== null)) {
      datasets.push({
        type: 'line',
        label: 'England',
        indexAxis: 'y',
        isNational: true,
        data: rows.map((r) => r.national),
        showLine: false,
        pointStyle: 'rectRot',
        pointRadius: 7,
        pointHoverRadius: 8,
        pointBackgroundColor: '#ffffff',
        pointBorderColor: colours.national,
        pointBorderWidth: 2,
        borderColor: colours.national,
        backgroundColor: '#ffffff',
        order: 1,
      });
    }
    return {
      type: ErrorBars ? 'barWithErrorBars' : 'bar',
      data: { labels: rows.map((r) => r.label), datasets },
      options,
    };
  }

  // The organisation over the years, with whiskers where intervals are given; England dashed with another marker,
  // drawn once a year. Rows with data-series (a successor's table with its predecessors' figures) draw one line per
  // organisation, the page's own first, each under its own name, so a predecessor's figures are never joined to the
  // successor's line.
  function trend(rows, scale, figure) {
    const labels = [...new Set(rows.map((r) => r.label))];
    const own = seriesLabel(figure);
    const names = [...new Set(rows.map((r) => r.series ?? own))].sort((a, b) => (a === own ? -1 : b === own ? 1 : 0));
    const options = baseOptions();
    options.scales = {
      x: { ticks: { color: colours.text }, grid: { display: false } },
      y: ratingAxis(scale, rows.flatMap((r) => [r.value, r.lower, r.upper, r.national])),
    };
    options.plugins.tooltip.callbacks.label = (ctx) => {
      const v = ctx.parsed.y;
      const row = ctx.dataset.appRows[ctx.dataIndex];
      if (!Number.isFinite(v)) {
        return `${ctx.dataset.label}: suppressed`;
      }
      const written = ctx.dataset.isNational ? row?.nationalText : row?.text;
      return `${ctx.dataset.label}: ${shown(scale, v, written)}${ctx.dataset.isNational ? '' : intervalText(scale, ctx.raw, 'y', row)}`;
    };
    const datasets = names.map((name, index) => {
      const look = seriesStyles[index % seriesStyles.length];
      const byLabel = labels.map((label) => rows.find((r) => r.label === label && (r.series ?? own) === name) ?? null);
      return {
        type: ErrorBars ? 'lineWithErrorBars' : 'line',
        label: name,
        appRows: byLabel,
        // A year without this organisation is a gap ({ y: null }: the error-bar controller cannot read a bare null).
        data: byLabel.map((r) => (r === null ? { y: null } : hasInterval(r) ? { y: r.value, yMin: r.lower, yMax: r.upper } : { y: r.value })),
        borderColor: look.colour,
        backgroundColor: look.colour,
        borderWidth: name === own ? 3 : 2,
        borderDash: name === own ? [] : [2, 3],
        pointStyle: look.style,
        pointRadius: 5,
        pointHoverRadius: 6,
        errorBarColor: look.colour,
        errorBarWhiskerColor: look.colour,
        errorBarWhiskerSize: 12,
        spanGaps: false,
      };
    });
    const nationalRows = labels.map((label) => rows.find((r) => r.label === label && r.national !== null) ?? null);
    if (nationalRows.some((r) => r !== null)) {
      datasets.push({
        type: 'line',
        label: 'England',
        isNational: true,
        appRows: nationalRows,
        data: nationalRows.map((r) => (r === null ? null : r.national)),
        borderColor: colours.national,
        backgroundColor: '#ffffff',
        borderWidth: 2,
        borderDash: [8, 5],
        pointStyle: 'rectRot',
        pointRadius: 6,
        pointHoverRadius: 7,
        pointBorderColor: colours.national,
        pointBorderWidth: 2,
        spanGaps: false,
      });
    }
    return {
      type: ErrorBars ? 'lineWithErrorBars' : 'line',
      data: { labels, datasets },
      options,
    };
  }

  // Labels the highlighted organisation beside its marker, so it is found without relying on colour or the legend.
  const highlightLabel = {
    id: 'appHighlightLabel',
    afterDatasetsDraw(chart) {
      chart.data.datasets.forEach((dataset, index) => {
        if (!dataset.isHighlight || !chart.isDatasetVisible(index)) {
          return;
        }
        const meta = chart.getDatasetMeta(index);
        meta.data.forEach((point, i) => {
          const raw = dataset.data[i];
          if (!raw || !Number.isFinite(point.x) || !Number.isFinite(point.y)) {
            return;
          }
          const { ctx, chartArea } = chart;
          ctx.save();
          ctx.font = `bold 14px ${Chart.defaults.font.family}`;
          ctx.fillStyle = colours.text;
          ctx.textBaseline = 'bottom';
          const text = raw.label;
          const width = ctx.measureText(text).width;
          const rightAligned = point.x + 12 + width > chartArea.right;
          ctx.textAlign = rightAligned ? 'right' : 'left';
          ctx.fillText(text, rightAligned ? point.x - 12 : point.x + 12, Math.max(point.y - 8, chartArea.top + 16));
          ctx.restore();
        });
      });
    },
  };

  // On 0-10 every rating sits between 8 and 9, so 8.74 and 8.80 would look the same: the rating's axis is zoomed to
  // the figures (in steps of a quarter point) and its title says where it starts, so the zoom is never hidden.
  function ratingAxis(scale, values) {
    const axis = valueAxis(scale);
    const known = values.filter((v) => Number.isFinite(v));
    if (scale !== scales.mean || !known.length) {
      return axis;
    }
    const step = 0.25;
    axis.min = Math.max(scale.min, Math.floor(Math.min(...known) / step) * step - step);
    axis.max = Math.min(scale.max, Math.ceil(Math.max(...known) / step) * step + step);
    if (axis.min > scale.min) {
      axis.title.text = `${scale.title} (axis zoomed: starts at ${tick(axis.min)}, not 0)`;
    }
    return axis;
  }

  // A funnel plot is read around the national line, so zoom to the points and limits (in steps of a tenth of the
  // scale) rather than the whole 0-100 range, never beyond it.
  function funnelAxis(scale, plotted, limits, national) {
    const axis = valueAxis(scale);
    const values = plotted.map((r) => r.value)
      .concat(limits.flatMap((l) => [l.l998, l.u998, l.l95, l.u95]))
      .concat(national === null ? [] : [national])
      .filter((v) => Number.isFinite(v));
    if (values.length) {
      const step = (scale.max - scale.min) / 10;
      axis.min = Math.max(scale.min, Math.floor(Math.min(...values) / step) * step);
      axis.max = Math.min(scale.max, Math.ceil(Math.max(...values) / step) * step);
      if (axis.max <= axis.min) {
        axis.min = scale.min;
        axis.max = scale.max;
      }
    }
    return axis;
  }

  // Every organisation by number of respondents, England's line and the 95 % and 99.8 % control limits around it.
  function funnel(rows, scale, figure) {
    const options = baseOptions();
    const national = number(figure.dataset.national);
    const limits = readLimits(figure);
    const plotted = rows.filter((r) => r.value !== null && r.n !== null);
    const ns = plotted.map((r) => r.n).concat(limits.map((l) => l.n));
    const maxN = ns.length ? Math.max(...ns) : 100;

    options.scales = {
      x: {
        type: 'linear',
        min: 0,
        suggestedMax: maxN * 1.05,
        title: { display: true, text: 'Number of respondents', color: colours.text },
        ticks: { color: colours.text },
        grid: { color: colours.grid },
      },
      y: funnelAxis(scale, plotted, limits, national),
    };
    options.plugins.tooltip.callbacks.label = (ctx) => {
      const raw = ctx.raw ?? {};
      if (ctx.dataset.isLimit) {
        const value = ctx.dataset.text ?? scale.limit(ctx.parsed.y);
        return `${ctx.dataset.label}: ${value} at ${ctx.parsed.x.toLocaleString('en-GB')} respondents`;
      }
      const name = raw.label ? `${raw.label}: ` : '';
      return `${name}${shown(scale, ctx.parsed.y, raw.text)} (${ctx.parsed.x.toLocaleString('en-GB')} respondents)`;
    };

    const point = (r) => ({ x: r.n, y: r.value, label: r.label, text: r.text });
    const datasets = [
      {
        type: 'scatter',
        label: 'Organisations',
        data: plotted.filter((r) => !r.highlight).map(point),
        pointStyle: 'circle',
        pointRadius: 3.5,
        pointHoverRadius: 5,
        backgroundColor: colours.organisationFaint,
        borderColor: colours.organisation,
        borderWidth: 1,
        order: 2,
      },
    ];
    const highlighted = plotted.filter((r) => r.highlight);
    if (highlighted.length) {
      datasets.push({
        type: 'scatter',
        label: highlighted.map((r) => r.label).join(', '),
        data: highlighted.map(point),
        isHighlight: true,
        pointStyle: 'triangle',
        pointRadius: 10,
        pointHoverRadius: 11,
        backgroundColor: colours.highlight,
        borderColor: colours.text,
        borderWidth: 2,
        order: 0,
      });
    }
    if (national !== null) {
      datasets.push({
        type: 'line',
        label: 'England',
        text: text(figure.dataset.nationalText),
        data: [{ x: 0, y: national }, { x: maxN, y: national }],
        borderColor: colours.national,
        backgroundColor: colours.national,
        borderWidth: 2,
        pointRadius: 0,
        pointHoverRadius: 0,
        pointStyle: 'line',
        isLimit: true,
        order: 1,
      });
    }
    const limitLine = (key, label, colour, dash, hideFromLegend) => ({
      type: 'line',
      label,
      data: limits.filter((l) => Number.isFinite(l[key])).map((l) => ({ x: l.n, y: l[key] })),
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 1.5,
      borderDash: dash,
      pointRadius: 0,
      pointHoverRadius: 0,
      pointStyle: 'line',
      tension: 0,
      isLimit: true,
      hideFromLegend,
      order: 1,
    });
    if (limits.length) {
      datasets.push(
        limitLine('u95', '95% limits', colours.limit95, [6, 4], false),
        limitLine('l95', '95% limits (lower)', colours.limit95, [6, 4], true),
        limitLine('u998', '99.8% limits', colours.limit998, [2, 3], false),
        limitLine('l998', '99.8% limits (lower)', colours.limit998, [2, 3], true),
      );
    }
    // Clicking "95% limits" in the legend hides both its lines.
    options.plugins.legend.onClick = (event, item, legend) => {
      const chart = legend.chart;
      const label = chart.data.datasets[item.datasetIndex].label;
      const visible = chart.isDatasetVisible(item.datasetIndex);
      chart.data.datasets.forEach((d, i) => {
        if (i === item.datasetIndex || d.label === `${label} (lower)`) {
          chart.setDatasetVisibility(i, !visible);
        }
      });
      chart.update();
    };
    return { type: 'scatter', data: { datasets }, options, plugins: [highlightLabel] };
  }

  // The spine chart: every scored question on the page in one chart, read from the section tables (data-rows-from),
  // each as its difference from England (0) with the expected range as a bar. The band is told by the marker's shape
  // and the legend's words as well as its colour. The 0-10 rating is drawn at ten times its difference, as stated.
  const bands = [
    { key: 'above', label: 'Above expected range (better)', style: 'triangle', rotation: 0, colour: '#007f3b' },
    { key: 'within', label: 'Within expected range', style: 'circle', rotation: 0, colour: colours.organisation },
    { key: 'below', label: 'Below expected range (worse)', style: 'triangle', rotation: 180, colour: '#d5281b' },
    { key: 'none', label: 'No expected range', style: 'rect', rotation: 0, colour: '#4c6272' },
  ];

  // The survey rated unrounded scores, so a rounded score can sit on or inside a range it was rated outside of (or
  // just outside one it was rated within). The marker goes on the side of the bar the survey rated it, just beside the
  // bar, so the chart never contradicts the published band; its tooltip gives the score as published.
  const besideBar = 0.25;
  function byBand(difference, range, band) {
    if (!range) {
      return difference;
    }
    if (band === 'above' && difference <= range[1]) {
      return range[1] + besideBar;
    }
    if (band === 'below' && difference >= range[0]) {
      return range[0] - besideBar;
    }
    if (band === 'within') {
      return Math.min(Math.max(difference, range[0]), range[1]);
    }
    return difference;
  }

  function spineRows(figure) {
    const rows = [];
    let section = null;
    document.querySelectorAll(`${figure.dataset.rowsFrom} tbody tr[data-point]`).forEach((row) => {
      const source = row.closest('figure');
      const name = source?.dataset.section ?? '';
      if (name !== section) {
        section = name;
        rows.push({ heading: name, label: `§ ${name}` });
      }
      const factor = source?.dataset.scale === 'mean' ? 10 : 1;
      const value = number(row.dataset.value);
      const national = number(row.dataset.national);
      // Zero is England's unrounded score, the centre the expected range is drawn around.
      const centre = number(row.dataset.centre) ?? national;
      const lower = number(row.dataset.expectedLower);
      const upper = number(row.dataset.expectedUpper);
      const band = bands.some((b) => b.key === row.dataset.band) ? row.dataset.band : 'none';
      const known = value !== null && centre !== null;
      const range = known && lower !== null && upper !== null ? [(lower - centre) * factor, (upper - centre) * factor] : null;
      rows.push({
        // The question's short wording beside its number: "Q26" alone means nothing to most readers.
        label: [row.dataset.label, row.dataset.short].filter(Boolean).join(' '),
        value,
        national,
        scale: factor === 10 ? scales.mean : scales.percent,
        band,
        difference: known ? byBand((value - centre) * factor, range, band) : null,
        range,
        expected: lower !== null && upper !== null ? [lower, upper] : null,
        expectedText: text(row.dataset.expectedText),
        text: text(row.dataset.text),
        nationalText: text(row.dataset.nationalText),
      });
    });
    return rows;
  }

  // Section names across the plot, on their own row, so long names never squeeze the axis on a phone.
  const sectionHeadings = {
    id: 'appSectionHeadings',
    afterDatasetsDraw(chart) {
      const rows = chart.config.options.appRows ?? [];
      const { ctx, chartArea } = chart;
      const y = chart.scales.y;
      ctx.save();
      ctx.font = `bold 13px ${Chart.defaults.font.family}`;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      rows.forEach((row, i) => {
        if (row.heading === undefined) {
          return;
        }
        const middle = y.getPixelForValue(i);
        const width = Math.min(ctx.measureText(row.heading).width, chartArea.right - chartArea.left - 8);
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(chartArea.left, middle - 8, width + 8, 16);
        ctx.fillStyle = colours.text;
        ctx.fillText(row.heading, chartArea.left + 4, middle, chartArea.right - chartArea.left - 8);
      });
      ctx.restore();
    },
  };

  function spine(_, __, figure) {
    const rows = spineRows(figure);
    const ends = rows.flatMap((r) => [r.difference, ...(r.range ?? [])]).filter((v) => Number.isFinite(v));
    const reach = Math.max(5, Math.ceil(Math.max(0, ...ends.map(Math.abs)) / 5) * 5);
    const options = baseOptions();
    options.appRows = rows;
    options.indexAxis = 'y';
    options.scales = {
      x: {
        type: 'linear',
        min: -reach,
        max: reach,
        title: { display: true, text: 'Difference from England (percentage points)', color: colours.text },
        ticks: { color: colours.text, callback: (v) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : 'England') },
        grid: {
          color: (ctx) => (ctx.tick?.value === 0 ? colours.national : colours.grid),
          lineWidth: (ctx) => (ctx.tick?.value === 0 ? 2 : 1),
        },
      },
      y: {
        ticks: { color: colours.text, autoSkip: false, font: { size: 12 }, callback: (_v, i) => (rows[i].heading === undefined ? rows[i].label : '') },
        grid: { display: false },
      },
    };
    options.plugins.tooltip.filter = (item) => rows[item.dataIndex]?.heading === undefined;
    options.plugins.tooltip.callbacks.title = (items) => (items.length ? rows[items[0].dataIndex].label : '');
    options.plugins.tooltip.callbacks.label = (ctx) => {
      const row = rows[ctx.dataIndex];
      if (ctx.dataset.isRange) {
        return `Expected range ${row.expectedText ?? `${fixed(row.expected[0], row.scale.places)} to ${fixed(row.expected[1], row.scale.places)}`}`;
      }
      return `${shown(row.scale, row.value, row.text)} against England's ${shown(row.scale, row.national, row.nationalText)}: ${ctx.dataset.label}`;
    };

    const datasets = [
      {
        type: 'bar',
        label: 'Expected range',
        indexAxis: 'y',
        isRange: true,
        data: rows.map((r) => r.range),
        backgroundColor: 'rgba(118, 134, 146, 0.35)',
        borderColor: '#768692',
        borderWidth: 1,
        borderSkipped: false,
        barPercentage: 0.9,
        categoryPercentage: 1,
        pointStyle: 'rect',
        order: 3,
      },
      {
        type: 'line',
        label: 'England',
        indexAxis: 'y',
        data: [],
        borderColor: colours.national,
        borderWidth: 2,
        pointStyle: 'line',
        order: 2,
      },
    ];
    bands.forEach((band) => {
      if (!rows.some((r) => r.difference !== null && r.band === band.key)) {
        return;
      }
      datasets.push({
        type: 'line',
        label: band.label,
        indexAxis: 'y',
        band: band.key,
        data: rows.map((r) => (r.difference !== null && r.band === band.key ? r.difference : null)),
        showLine: false,
        pointStyle: band.style,
        pointRotation: band.rotation,
        pointRadius: band.style === 'triangle' ? 8 : 6, // a triangle fills less of its box than a circle
        pointHoverRadius: band.style === 'triangle' ? 9 : 7,
        pointBackgroundColor: band.colour,
        pointBorderColor: colours.text,
        pointBorderWidth: 1,
        backgroundColor: band.colour,
        borderColor: colours.text,
        order: 1,
      });
    });
    if (!rows.some((r) => r.range)) {
      datasets.shift();
    }
    return { type: 'bar', data: { labels: rows.map((r) => r.label), datasets }, options, plugins: [sectionHeadings] };
  }

  // A dot plot: one row per question, one marker per organisation (the table's columns, th[data-series]), each series
  // with its own shape as well as colour; England a hollow diamond. Read from td[data-value] in column order.
  const seriesStyles = [
    { style: 'circle', colour: colours.organisation },
    { style: 'triangle', colour: colours.highlight },
    { style: 'rect', colour: '#330072' },
    { style: 'star', colour: '#007f3b' },
    { style: 'crossRot', colour: '#ae2573' },
    { style: 'rectRounded', colour: '#8a1538' },
    { style: 'cross', colour: '#425563' },
    { style: 'triangle', colour: '#00a499' },
    { style: 'circle', colour: '#7c2855' },
    { style: 'rect', colour: '#ffb81c' },
  ];

  // Markers of equal value would hide one another on one line, so each organisation sits a little above or below
  // the row's centre (England's diamond in the middle, drawn beneath the others): three organisations at 77% stay
  // three markers. The shift is applied to the drawn points, so the data stay one value per row (null where withheld).
  const spreadMarkers = {
    id: 'appSpreadMarkers',
    afterDatasetsUpdate(chart) {
      const y = chart.scales.y;
      const rowHeight = chart.data.labels.length > 1
        ? Math.abs(y.getPixelForValue(1) - y.getPixelForValue(0))
        : y.height;
      chart.data.datasets.forEach((d, index) => {
        chart.getDatasetMeta(index).data.forEach((element) => {
          element.y += (d.appOffset ?? 0) * rowHeight;
        });
      });
    },
  };

  function dotplot(rows, scale, figure) {
    const heads = Array.from(figure.querySelectorAll('thead th[data-series]'));
    const table = Array.from(figure.querySelectorAll('tbody tr[data-point]'));
    const cells = table.map((tr) => Array.from(tr.querySelectorAll('td[data-value]')));
    const values = cells.map((row) => row.map((td) => number(td.dataset.value)));
    const texts = cells.map((row) => row.map((td) => text(td.dataset.text)));
    const options = baseOptions();
    options.indexAxis = 'y';
    const all = values.flat().filter((v) => v !== null).map((value) => ({ value }));
    options.scales = {
      x: funnelAxis(scale, all, [], null),
      // Half a row of room above the first row and below the last, so their spread markers are not cut off.
      y: { offset: true, ticks: { color: colours.text, autoSkip: false }, grid: { color: colours.grid } },
    };
    options.plugins.tooltip.callbacks.label = (ctx) =>
      `${ctx.dataset.label}: ${shown(scale, ctx.parsed.x, ctx.dataset.appTexts[ctx.dataIndex])}`;
    // One slot per marker across the row, England's in the middle, so no organisation shares England's place.
    const others = heads.filter((th) => th.dataset.national !== 'true').length;
    const slots = others + 1;
    const middle = Math.floor(others / 2);
    const step = 0.8 / slots;
    let next = 0;
    const datasets = heads.map((th, column) => {
      const national = th.dataset.national === 'true';
      const index = national ? null : next++;
      const look = national ? null : seriesStyles[index % seriesStyles.length];
      const slot = national ? middle : index < middle ? index : index + 1;
      return {
        type: 'line',
        label: th.dataset.seriesName || th.dataset.series,
        indexAxis: 'y',
        series: th.dataset.series,
        appOffset: (slot - (slots - 1) / 2) * step,
        data: values.map((row) => row[column] ?? null),
        appTexts: texts.map((row) => row[column] ?? null),
        showLine: false,
        pointStyle: national ? 'rectRot' : look.style,
        pointRadius: national ? 8 : 5,
        pointHoverRadius: national ? 9 : 6,
        pointBackgroundColor: national ? '#ffffff' : look.colour,
        pointBorderColor: national ? colours.national : colours.text,
        pointBorderWidth: national ? 2 : 1,
        backgroundColor: national ? '#ffffff' : look.colour,
        borderColor: national ? colours.national : colours.text,
        order: national ? 2 : 1,
      };
    });
    return { type: 'line', data: { labels: rows.map((r) => r.label), datasets }, options, plugins: [spreadMarkers] };
  }

  // Answers: one stacked bar per organisation (the table's columns), one segment per answer option (its rows), in the
  // questionnaire's order. Positive options are blues with a heavy dark edge, the others greys and oranges with none,
  // and the legend and tooltips say "positive", so the meaning never rests on colour. Tooltips show the table's own
  // text for the cell.
  const positiveShades = ['#003087', '#005eb8', '#41b6e6', '#7fcbf0'];
  const otherShades = ['#ffb81c', '#ed8b00', '#aeb7bd', '#768692', '#425563', '#d8dde0'];

  function answers(_, __, figure) {
    const heads = Array.from(figure.querySelectorAll('thead th[data-series]'));
    const table = Array.from(figure.querySelectorAll('tbody tr[data-point]'));
    const options = baseOptions();
    options.indexAxis = 'y';
    options.scales = {
      x: {
        stacked: true, min: 0, max: 100,
        title: { display: true, text: 'Per cent of respondents', color: colours.text },
        ticks: { color: colours.text, callback: (v) => `${tick(v)}%` },
        grid: { color: colours.grid },
      },
      y: { stacked: true, ticks: { color: colours.text, autoSkip: false }, grid: { display: false } },
    };
    options.plugins.legend.labels.usePointStyle = false; // boxes show each option's edge: heavy for positive, none otherwise
    options.plugins.tooltip.callbacks.label = (ctx) => `${ctx.dataset.label}: ${ctx.dataset.appTexts[ctx.dataIndex]}`;
    let positives = 0;
    let others = 0;
    const datasets = table.map((tr) => {
      const positive = tr.dataset.positive === 'true';
      const colour = positive ? positiveShades[positives++ % positiveShades.length] : otherShades[others++ % otherShades.length];
      const cells = Array.from(tr.querySelectorAll('td[data-value]'));
      return {
        label: positive ? `${tr.dataset.label} (positive)` : tr.dataset.label,
        data: cells.map((td) => number(td.dataset.value)),
        appTexts: cells.map((td) => td.dataset.text ?? ''),
        backgroundColor: colour,
        borderColor: colours.text,
        borderWidth: positive ? 3 : 0,
        borderSkipped: false,
      };
    });
    return { type: 'bar', data: { labels: heads.map((th) => lines(th.dataset.series)), datasets }, options };
  }

  // A long name ("Test Alliance Cancer Alliance") on lines of about 18 characters, so a phone's narrow axis shows all of it.
  function lines(name) {
    return (name ?? '').split(' ').reduce((all, word) => {
      const last = all[all.length - 1];
      if (last !== undefined && (last + ' ' + word).length <= 18) {
        all[all.length - 1] = `${last} ${word}`;
      } else {
        all.push(word);
      }
      return all;
    }, []);
  }

  const builders = { comparison, trend, funnel, spine, dotplot, answers };

  // inequalities.js draws its own dot plots but labels its axis by this same rule.
  window.AppChartText = Object.freeze({ tick });

  // Comparison charts grow with the number of rows so the labels stay readable on a phone.
  function sizeCanvasBox(figure, type, rowCount) {
    const box = figure.querySelector('.app-chart__canvas');
    if (box && type === 'dotplot') {
      // Room in each row for every marker's own slot (see dotplot): at least 6 px between neighbours.
      const series = figure.querySelectorAll('thead th[data-series]').length;
      box.style.height = `${Math.max(200, rowCount * Math.max(30, series * 6) + 110)}px`;
    }
    if (box && type === 'answers') {
      box.style.height = `${Math.max(180, figure.querySelectorAll('thead th[data-series]').length * 60 + 130)}px`;
    }
    if (box && type === 'comparison') {
      const perRow = number(figure.dataset.rowHeight) ?? 36;
      box.style.height = `${Math.max(number(figure.dataset.minHeight) ?? 240, rowCount * perRow + 90)}px`;
    }
  }

  function draw(figure) {
    const type = figure.dataset.chartType;
    const build = builders[type];
    const canvas = figure.querySelector('.app-chart__canvas canvas');
    if (!build || !canvas || figure.dataset.chartRendered === 'true') {
      return;
    }
    const scale = scales[figure.dataset.scale] ?? scales.percent;
    const rows = readRows(figure);
    figure.hidden = false;
    figure.classList.add('app-chart--enhanced');
    sizeCanvasBox(figure, type, rows.length);
    const config = build(rows, scale, figure);
    if (type === 'spine') {
      figure.querySelector('.app-chart__canvas').style.height = `${config.options.appRows.length * 15 + 110}px`;
    }
    new Chart(canvas, config);
    figure.dataset.chartRendered = 'true';
  }

  function drawAll() {
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily || Chart.defaults.font.family;
    Chart.defaults.font.size = 14;
    Chart.defaults.color = colours.text;
    document.querySelectorAll('figure.app-chart[data-chart-type]').forEach((figure) => {
      try {
        draw(figure);
      } catch (error) {
        // One bad chart must not stop the others; its table still shows the figures, and the space kept for the
        // chart is given back.
        figure.classList.remove('app-chart--enhanced');
        figure.classList.add('app-chart--failed');
        if (figure.dataset.rowsFrom) {
          figure.hidden = true; // it has no table of its own: the tables it reads from stand alone
        }
        console.error('Chart could not be drawn', figure.dataset.testid ?? '', error);
      }
    });
  }

  // Printed pages are narrower than the screen: redraw at the print width and back again afterwards.
  function resizeAll() {
    Object.values(Chart.instances).forEach((chart) => chart.resize());
  }
  window.addEventListener('beforeprint', resizeAll);
  window.addEventListener('afterprint', resizeAll);

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
