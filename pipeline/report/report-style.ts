// The report's stylesheet (`report/report.css`, one file every page links)
// and the index's one script, inline and allowed by its hash. Plain CSS:
// logical properties, so that right-to-left lines lay out as they should;
// long words and URLs wrap anywhere rather than widen the page; text and
// its background at WCAG AA contrast or better, in light and dark; a
// visible focus ring. The script only sorts and filters rows the page
// already holds: without it, every article is listed. Pure.

export const reportStylesheet = `/* copydesk report */
:root {
  color-scheme: light dark;
  --text: #1b1b1b;
  --muted: #4d4d4d;
  --bg: #ffffff;
  --panel: #f4f5f7;
  --line: #d0d4da;
  --link: #0b4f96;
  --focus: #1a5fd0;
  --error: #a1141a;
  --error-bg: #fdecec;
  --warning: #6e4600;
  --warning-bg: #fff4d6;
  --info: #24527f;
  --info-bg: #e9f1fa;
  --dropped-bg: #f6e9e9;
  --aside-bg: #eef3ea;
  --headline: #0d3b66;
  --yes: #1d5e20;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e9e9e9;
    --muted: #c2c2c2;
    --bg: #14161a;
    --panel: #1e2127;
    --line: #3a3f47;
    --link: #9cc4ff;
    --focus: #9cc4ff;
    --error: #ff9d97;
    --error-bg: #3a1a1b;
    --warning: #ffd27a;
    --warning-bg: #36290f;
    --info: #a9d0ff;
    --info-bg: #192a3d;
    --dropped-bg: #33201f;
    --aside-bg: #1f2b1d;
    --headline: #b7d5ff;
    --yes: #9be29f;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto;
  padding: 1rem;
  max-width: 90rem;
  background: var(--bg);
  color: var(--text);
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Noto Sans Arabic", sans-serif;
  overflow-wrap: anywhere;
}
a { color: var(--link); }
a:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible,
pre:focus-visible, .table-wrap:focus-visible, summary:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
}
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono", monospace; font-size: 0.9em; }
.skip { position: absolute; inset-inline-start: -100rem; }
.skip:focus { position: static; display: inline-block; margin-block-end: 0.5rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; color: var(--headline); }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-block-end: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
.deck { font-size: 1.1rem; margin: 0 0 0.5rem; color: var(--muted); }
.note { color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0.5rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; min-width: 0; }
.counts .count { display: inline-block; padding: 0 0.5rem; border-radius: 1rem; margin-inline-end: 0.25rem; }
.count.error, .level.error { background: var(--error-bg); color: var(--error); }
.count.warning, .level.warning { background: var(--warning-bg); color: var(--warning); }
.count.info, .level.info { background: var(--info-bg); color: var(--info); }
.run { color: var(--muted); }
.toc ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; list-style: none; margin: 0.5rem 0; }
ul.messages { list-style: none; padding: 0; margin: 0.25rem 0; }
.message { border-inline-start: 4px solid var(--info); padding: 0.25rem 0.5rem; margin: 0.25rem 0; background: var(--panel); }
.message.error { border-inline-start-color: var(--error); }
.message.warning { border-inline-start-color: var(--warning); }
.message .level { font-weight: 600; padding: 0 0.35rem; border-radius: 0.25rem; font-size: 0.85em; }
.message .rule { color: var(--muted); }
.message .fix { margin: 0.25rem 0 0; }
.fix-label { font-weight: 600; }

/* The source, line by line */
.legend { display: flex; flex-wrap: wrap; gap: 0.35rem; list-style: none; padding: 0; }
.role-tag { padding: 0 0.5rem; border: 1px solid var(--line); border-inline-start-width: 4px; border-radius: 0.25rem; }
.role-tag.role-dropped { text-decoration: line-through; background: var(--dropped-bg); }
.role-tag.role-note, .role-tag.role-summary, .role-tag.role-caption, .role-tag.role-credit { background: var(--aside-bg); }
ol.source { list-style: none; padding: 0; margin: 0; border-block-start: 1px solid var(--line); }
.line {
  display: grid;
  grid-template-columns: 3.5rem 12rem minmax(0, 1fr);
  gap: 0 0.75rem;
  padding: 0.2rem 0.25rem;
  border-block-end: 1px solid var(--line);
  border-inline-start: 4px solid transparent;
}
.line:target { outline: 3px solid var(--focus); outline-offset: -3px; }
.line.blank { min-height: 1.2rem; padding-block: 0; }
.line .ln { text-align: end; color: var(--muted); font-variant-numeric: tabular-nums; text-decoration: none; }
.line .ln:hover, .line .ln:focus-visible { text-decoration: underline; }
.line .what { color: var(--muted); font-size: 0.85rem; padding-block-start: 0.15rem; }
.line .text { white-space: pre-wrap; unicode-bidi: plaintext; min-width: 0; }
.line > .messages { grid-column: 2 / -1; font-size: 0.9rem; }
.role-masthead { border-inline-start-color: #8a6fb0; }
.role-headline { border-inline-start-color: var(--headline); }
.line.role-headline .text { font-weight: 700; font-size: 1.15rem; }
.role-subheadline { border-inline-start-color: #4a7fb0; }
.line.role-subheadline .text { font-weight: 600; }
.role-byline { border-inline-start-color: #2f7d6d; }
.line.role-byline .text { font-style: italic; }
.role-dateline { border-inline-start-color: #b06f1d; }
.role-body { border-inline-start-color: var(--line); }
.line.aside { margin-inline-start: 2rem; background: var(--aside-bg); border-inline-start-style: dashed; }
.role-note, .role-summary, .role-caption, .role-credit { border-inline-start-color: #5c8a3a; }
.line.dropped { background: var(--dropped-bg); }
.role-dropped { border-inline-start-color: var(--error); }
del { text-decoration-thickness: 2px; color: var(--muted); }
.segment { border: 1px dashed var(--line); border-radius: 0.25rem; padding: 0 0.25rem; }
.segment.role-dropped, .segment.role-note, .segment.role-caption, .segment.role-credit, .segment.role-summary { background: var(--aside-bg); }
.segment-label { font-size: 0.8rem; color: var(--muted); }
.control { border: 1px solid var(--error); color: var(--error); padding: 0 0.1rem; }

/* Previews */
.previews { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 1rem; }
.preview { margin: 0; padding: 0.75rem; border: 1px solid var(--line); border-radius: 0.5rem; background: var(--panel); min-width: 0; }
.preview figcaption { font-weight: 600; margin-block-end: 0.5rem; }
.result { display: flex; gap: 0.75rem; align-items: flex-start; }
.result-text { flex: 1; min-width: 0; }
.result p { margin: 0.1rem 0; }
.result-site { font-size: 0.85rem; }
.result-name { display: block; font-weight: 600; }
.result-url { color: var(--muted); }
.result-title { color: var(--link); font-size: 1.2rem; line-height: 1.3; }
.result-date { color: var(--muted); }
.image-box {
  display: flex; flex-direction: column; justify-content: center; gap: 0.25rem;
  border: 2px dashed var(--line); border-radius: 0.5rem; padding: 0.5rem;
  font-size: 0.8rem; color: var(--muted); background: var(--bg);
}
.image-box.thumbnail { width: 6.5rem; min-height: 6.5rem; flex: none; }
.image-box.card-image { min-height: 9rem; border-radius: 0.5rem 0.5rem 0 0; }
.image-label { font-weight: 600; }
.card { border: 1px solid var(--line); border-radius: 0.5rem; background: var(--bg); overflow: hidden; }
.social-card.small .card { display: flex; }
.social-card.small .card-text { flex: 1; }
.card-text { padding: 0.5rem 0.75rem; min-width: 0; }
.card-text p { margin: 0.15rem 0; }
.card-host { color: var(--muted); font-size: 0.85rem; text-transform: uppercase; }
.card-title { font-weight: 700; }
.card-description { color: var(--muted); }
.gaps p { margin: 0.5rem 0 0; font-weight: 600; }
.gaps ul { margin: 0.25rem 0; padding-inline-start: 1.25rem; }

/* Outputs side by side */
.outputs { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 1rem; }
.output { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.5rem 0.75rem; min-width: 0; background: var(--panel); }
.output h3 { margin-block-start: 0.25rem; }
.validation .status { font-weight: 700; padding: 0 0.35rem; border-radius: 0.25rem; }
.validation.valid .status { color: var(--yes); }
.validation.invalid .status { background: var(--error-bg); color: var(--error); }
.validation.partial .status { background: var(--warning-bg); color: var(--warning); }
.validation.unchecked .status { background: var(--info-bg); color: var(--info); }
.checks { list-style: none; padding: 0; margin: 0.25rem 0; font-size: 0.9rem; }
.checks .mark { display: inline-block; min-width: 2rem; font-weight: 600; }
.checks .ok .mark { color: var(--yes); }
.checks .not-ok .mark { color: var(--error); }
.output pre {
  margin: 0.5rem 0 0; padding: 0.5rem; max-height: 32rem; overflow: auto;
  white-space: pre-wrap; overflow-wrap: anywhere;
  background: var(--bg); border: 1px solid var(--line); border-radius: 0.25rem;
}

/* The index */
.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 0.5rem 0; }
.filters .field { margin: 0; display: flex; flex-direction: column; }
.filters label { font-weight: 600; font-size: 0.9rem; }
.filters select, .filters input { font: inherit; padding: 0.25rem; max-width: 100%; color: var(--text); background: var(--bg); border: 1px solid var(--muted); border-radius: 0.25rem; }
.shown { margin: 0; color: var(--muted); }
.table-wrap { overflow-x: auto; }
/* Cells size to their words: \`anywhere\` would let a column shrink to a letter. */
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; overflow-wrap: break-word; }
td.date, td.rules code, td.files code { white-space: nowrap; }
caption { text-align: start; color: var(--muted); padding: 0.25rem 0; }
th, td { text-align: start; vertical-align: top; padding: 0.35rem 0.5rem; border-block-end: 1px solid var(--line); }
thead th { position: sticky; top: 0; background: var(--bg); white-space: nowrap; }
thead th button { font: inherit; font-weight: 700; color: var(--link); background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
tbody th { font-weight: 400; min-width: 16rem; }
tbody th a { font-weight: 600; }
.num { text-align: end; font-variant-numeric: tabular-nums; }
td.has-error { color: var(--error); font-weight: 700; }
td.has-warning { color: var(--warning); font-weight: 700; }
td.zero { color: var(--muted); }
td.yes { color: var(--yes); }
td.no { color: var(--muted); }
tr.failed th { border-inline-start: 4px solid var(--error); }
.path { color: var(--muted); font-size: 0.85em; }
.rules code { display: inline-block; }
.build-file { margin-block-end: 1rem; }

@media (max-width: 44rem) {
  body { padding: 0.5rem; }
  .line { grid-template-columns: 2.75rem minmax(0, 1fr); }
  .line .what { grid-column: 2; }
  .line .text { grid-column: 1 / -1; padding-inline-start: 0.5rem; }
  .line > .messages { grid-column: 1 / -1; }
  .line.aside { margin-inline-start: 0.75rem; }
  .line.blank .what { display: none; }
  table, thead, tbody, tr, th, td, caption { display: block; }
  thead tr { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
  thead th { position: static; border: 0; padding: 0; }
  tbody tr { border: 1px solid var(--line); border-radius: 0.5rem; margin: 0.5rem 0; padding: 0.25rem; }
  tbody td, tbody th { border: 0; padding: 0.1rem 0.25rem; min-width: 0; text-align: start; }
  tbody td::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
  .num { text-align: start; }
}
`

/**
 * The index's script: sort by a column (its button), filter by level,
 * rule, folder and text. Inline, allowed by its SHA-256 in the page's
 * Content-Security-Policy and nothing else.
 */
export const indexScript = `(() => {
  const table = document.getElementById('articles-table');
  const form = document.getElementById('filters');
  if (!table || !form) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const shown = document.getElementById('shown');
  const field = (name) => form.elements.namedItem(name);
  form.hidden = false;
  const apply = () => {
    const level = field('level').value;
    const rule = field('rule').value;
    const folder = field('folder').value;
    const text = field('text').value.trim().toLowerCase();
    let count = 0;
    for (const row of rows) {
      const levels = row.dataset.levels ? row.dataset.levels.split(' ') : [];
      const ok =
        (level === '' || (level === 'clean' ? !levels.includes('error') && !levels.includes('warning') : levels.includes(level))) &&
        (rule === '' || row.dataset.rules.split(' ').includes(rule)) &&
        (folder === '' || row.dataset.folder === folder) &&
        (text === '' || row.textContent.toLowerCase().includes(text));
      row.hidden = !ok;
      if (ok) count++;
    }
    shown.textContent = count + ' of ' + rows.length + ' articles shown';
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const button of table.tHead.querySelectorAll('button')) {
    button.addEventListener('click', () => {
      const th = button.closest('th');
      const index = th.cellIndex;
      const numeric = th.dataset.type === 'number';
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of table.tHead.querySelectorAll('th[aria-sort]')) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const key = (row) => {
        const cell = row.cells[index];
        const value = cell.dataset.sort ?? cell.textContent.trim();
        return numeric ? Number(value) : value;
      };
      rows.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const order = numeric ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  }
  apply();
})();
`
