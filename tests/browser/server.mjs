// Local test server on 127.0.0.1: the demo article made from the shared seed article, the same
// page under strict Content-Security-Policy headers, and small pages for extraction rules.
// Every page string is escaped: nothing from the corpus is inserted as markup.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const SHARED = process.env.BACKSTORY_SHARED ?? path.resolve(import.meta.dirname, '../../../shared');

export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** The seed article as a news page: headline, "Also read" links, paragraphs. */
export function demoArticle() {
  const lines = fs.readFileSync(path.join(SHARED, 'corpus/seed-article.txt'), 'utf8')
    .split('\n').map((l) => l.trim()).filter(Boolean);
  const [headline, ...rest] = lines;
  const body = rest.map((line) => {
    const also = line.match(/^Also read: (.*)$/);
    return also
      ? `<p class="also">Also read: <a href="/related?title=${encodeURIComponent(also[1])}">${escapeHtml(also[1])}</a></p>`
      : `<p>${escapeHtml(line)}</p>`;
  }).join('\n      ');
  return page(headline, `
    <header class="site"><span class="brand">The Demo Ledger</span></header>
    <article>
      <h1>${escapeHtml(headline)}</h1>
      <p class="byline">By Staff Writer · Demo article for Backstory</p>
      ${body}
    </article>`);
}

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>${body}
</body>
</html>
`;
}

const STYLE = `
body { font: 18px/1.6 Georgia, serif; margin: 0; background: #fbfaf7; color: #222; }
header.site { padding: 10px 24px; border-bottom: 1px solid #ddd; font: 600 15px system-ui, sans-serif; }
article { max-width: 680px; margin: 24px auto; padding: 0 20px; }
h1 { font-size: 30px; line-height: 1.25; }
.byline, .also { font: 14px system-ui, sans-serif; color: #666; }
body.dark { background: #15171c; color: #d8dbe2; }
body.dark a { color: #9ab8ff; }
`;

/** Extraction rules: inline elements join a name, skipped elements are not text. */
export function extractionPage() {
  return page('Extraction rules', `
    <article>
      <p id="split">Talks were led by <a href="/a">Abbas</a> Araghchi in <b>Mos</b>cow.</p>
      <p id="hidden" style="display:none">Natanz is hidden here.</p>
      <textarea id="typed">Fordow typed by a reader</textarea>
      <pre><code>let Reuters = 1;</code></pre>
      <div contenteditable="true">Esfahan being edited</div>
      <p id="visible">The IAEA reported on Fordow and Natanz.</p>
      <nav style="display:none"><ul><li>Tehran</li><li><a href="/b">Esfahan</a> news</li></ul>
        <div><p>Reuters and Ali Khamenei</p></div></nav>
      <section style="content-visibility:hidden"><p>Officials in Washington</p></section>
      <div><div style="display:none"><p><span>Ali Khamenei</span></p></div>
        <p id="after-hidden">Vladimir Putin spoke in Tehran.</p></div>
      <form action="/search">Letters from Iran. <input name="id"><input name="tagName"><input name="getAttribute">
        <input name="checkVisibility">
        <p>Comments about Israel are welcome.</p></form>
    </article>`);
}

/** A page that changes after load: text appended by a timer and, like an infinite scroll,
 * when the reader scrolls; tests remove and change text themselves. */
export function dynamicPage() {
  return page('Live updates', `
    <article id="live">
      <p id="first">Officials in Moscow met on Monday.</p>
    </article>
    <div style="height: 3000px"></div>
    <script>
      setTimeout(() => {
        const p = document.createElement('p');
        p.id = 'late';
        p.textContent = 'Later, Vladimir Putin spoke about Tehran.';
        document.getElementById('live').append(p);
      }, 800);
      addEventListener('scroll', () => {
        const p = document.createElement('p');
        p.id = 'scrolled';
        p.textContent = 'Further down, Emmanuel Macron visited Kyiv.';
        document.getElementById('live').append(p);
      }, { once: true });
    </script>`);
}

/** About 1 MB of article text in one page, with a name only in its last paragraph. */
export function hugePage() {
  const seed = fs.readFileSync(path.join(SHARED, 'corpus/seed-article.txt'), 'utf8')
    .split('\n').map((l) => l.trim()).filter(Boolean).map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  const copies = Math.ceil((1 << 20) / seed.length);
  return page('A very long page', `<article>${seed.repeat(copies)}
    <p id="last">Finally, Daniel Quennstadt met Sergei Lavrov in Ankara.</p></article>`);
}

/** About 100,000 DOM nodes: every word in an element of its own. */
export function manyNodesPage() {
  const paragraph = '<p><span>Officials</span> <span>in</span> <b>Mos</b><b>cow</b> <span>met</span> <span>on</span> <span>Monday.</span></p>';
  return page('Many nodes', `<article>${paragraph.repeat(7000)}
    <p id="last"><span>Finally,</span> <span>Sergei</span> <span>Lavrov</span> <span>went</span> <span>to</span> <span>Ankara.</span></p></article>`);
}

/** The reading-experience page: a known person, places, a name the knowledge base lacks,
 * "Also read" links, a name far down (cards flip above it) and one at the right edge.
 * `dark` paints the page dark, for the card's dark mode; `longTail` adds a place only the
 * full knowledge (kb.bin, not kb-hot.bin) knows. */
export function readingPage({ dark = false, longTail = false } = {}) {
  return page('Araghchi back in Tehran after Moscow talks', `
    <article${dark ? ' class="dark"' : ''}>
      <h1>Araghchi back in Tehran after Moscow talks</h1>
      <p>Iranian Foreign Minister Abbas Araghchi arrived in Tehran on Monday after talks in Moscow.</p>
      <p>Araghchi said the talks were useful, according to Daniel Quennstadt, a spokesman for the Nordic Mediation Office.</p>
      <p>Quennstadt added that a second round could follow in Tehran.</p>
      ${longTail ? '<p>Araghchi later spoke to students in Stamford.</p>' : ''}
      <p class="also">Also read: <a href="/related?title=lavrov">Araghchi meets Lavrov as markets brace</a></p>
      <p class="also">Also read: <a href="/related?title=oil">Oil prices steady in Asia</a></p>
      <div style="height: 1600px"></div>
      <p id="right" style="text-align: right">Inspectors may return to Natanz.</p>
      <p id="bottom">The last word went to Vladimir Putin.</p>
    </article>`).replace('<body>', dark ? '<body class="dark">' : '<body>');
}

/** Names of the real-page corpus (read from ../shared, never copied into the repository). */
export function corpusPages() {
  const dir = path.join(SHARED, 'corpus/pages');
  return fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, 'source.html'))).sort();
}

export function corpusSource(name) {
  // Browsers drop a byte-order mark when they decode a response; so does this.
  return fs.readFileSync(path.join(SHARED, 'corpus/pages', name, 'source.html'), 'utf8').replace(/^\uFEFF/, '');
}

export function startServer() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
    const csp = url.searchParams.get('csp');
    if (csp === 'self') headers['Content-Security-Policy'] = "script-src 'self'";
    if (csp === 'none') headers['Content-Security-Policy'] = "script-src 'none'";
    let body;
    if (url.pathname === '/' || url.pathname === '/demo') body = demoArticle();
    else if (url.pathname === '/extraction') body = extractionPage();
    else if (url.pathname === '/dynamic') body = dynamicPage();
    else if (url.pathname === '/huge') body = hugePage();
    else if (url.pathname === '/many-nodes') body = manyNodesPage();
    else if (url.pathname === '/reading') body = readingPage({
      dark: url.searchParams.has('dark'), longTail: url.searchParams.has('long-tail'),
    });
    else if (url.pathname.startsWith('/corpus/')) {
      const name = decodeURIComponent(url.pathname.split('/')[2] ?? '');
      if (!corpusPages().includes(name)) {
        res.writeHead(404, headers);
        res.end(page('Not found', '<p>Not found</p>'));
        return;
      }
      body = fs.readFileSync(path.join(SHARED, 'corpus/pages', name, 'source.html'));
    }
    else if (url.pathname === '/related') body = page('Related', `<p>${escapeHtml(url.searchParams.get('title') ?? '')}</p>`);
    else if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    } else if (url.pathname === '/peer/core.wasm') {
      // The extension's own module (the build's pkg/ mirror), for the start-up bench's peer.
      res.writeHead(200, { 'Content-Type': 'application/wasm', 'Cache-Control': 'no-store' });
      res.end(fs.readFileSync(path.resolve(import.meta.dirname, '../../pkg/backstory_bg.wasm')));
      return;
    } else if (url.pathname === '/style.css') {
      res.writeHead(200, { 'Content-Type': 'text/css' });
      res.end(STYLE);
      return;
    } else {
      res.writeHead(404, headers);
      res.end(page('Not found', '<p>Not found</p>'));
      return;
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, port, origin: `http://127.0.0.1:${port}`, altOrigin: `http://localhost:${port}` });
    });
  });
}
