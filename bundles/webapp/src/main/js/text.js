// Texts from the catalogue arrive as plain text, HTML fragments (the seed's descriptions) or Markdown
// (instructions). None is ever put into the page as HTML: HTML is reduced to its text, and Markdown is turned
// into elements built here, so nothing in a text can run.
import { h } from 'preact';

const BLOCKS = new Set(['P', 'DIV', 'BR', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'BLOCKQUOTE', 'PRE']);

/** The text of s, with HTML tags dropped and block ends kept as line breaks. */
export function plain(s) {
  if (!s) return '';
  if (!/<[a-zA-Z!/]/.test(s)) return s;
  // DOMParser builds an inert document: its scripts never run and its images never load.
  const doc = new DOMParser().parseFromString(s, 'text/html');
  let out = '';
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) out += c.nodeValue;
      else if (c.nodeType === 1) {
        if (c.tagName === 'SCRIPT' || c.tagName === 'STYLE') continue;
        if (c.tagName === 'LI') out += '\n- ';
        walk(c);
        if (BLOCKS.has(c.tagName)) out += '\n';
      }
    }
  };
  walk(doc.body);
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

/** Inline Markdown: **bold**, *italic*, `code` and [links](http…); everything else is text. */
function inline(text) {
  const out = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  let m;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1]) out.push(h('strong', null, m[1]));
    else if (m[2]) out.push(h('em', null, m[2]));
    else if (m[3]) out.push(h('code', null, m[3]));
    else if (/^(https?:\/\/|\/)/.test(m[5])) out.push(h('a', { href: m[5], rel: 'noopener noreferrer' }, m[4]));
    else out.push(m[4]);
    last = re.lastIndex;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Markdown (after plain()) as elements: headings from level `level` down, lists, paragraphs. */
export function Markdown({ text, level = 3 }) {
  const lines = plain(text || '').split('\n');
  const blocks = [];
  let para = [];
  let list = null;
  const flush = () => {
    if (para.length) blocks.push(h('p', null, inline(para.join(' '))));
    para = [];
    if (list) blocks.push(h(list.ordered ? 'ol' : 'ul', null, list.items.map((i) => h('li', null, inline(i)))));
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trim();
    let m;
    if (!line) { flush(); continue; }
    if ((m = line.match(/^(#{1,6})\s+(.*)$/))) {
      flush();
      blocks.push(h('h' + Math.min(6, level + m[1].length - 1), null, inline(m[2])));
    } else if ((m = line.match(/^([-*+]|\d+[.)])\s+(.*)$/))) {
      const ordered = /\d/.test(m[1]);
      if (para.length || (list && list.ordered !== ordered)) flush();
      if (!list) list = { ordered, items: [] };
      list.items.push(m[2]);
    } else {
      if (list) flush();
      para.push(line);
    }
  }
  flush();
  return h('div', { class: 'markdown' }, blocks);
}
