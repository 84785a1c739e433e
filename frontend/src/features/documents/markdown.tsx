/**
 * A small Markdown renderer for the documents' preview: headings, paragraphs, lists, quotes, rules, bold,
 * italics, code and links. It builds React elements (never HTML strings), so text from a model or an edit
 * cannot inject markup; links keep only http(s) and mailto addresses. Exports are rendered by the server.
 */
import { createElement, Fragment, type ReactNode } from 'react';

type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'quote'; text: string }
  | { type: 'rule' };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s*>\s?(.*)$/;

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', text: paragraph.join(' ') });
    if (list) blocks.push({ type: 'list', ...list });
    if (quote.length) blocks.push({ type: 'quote', text: quote.join(' ') });
    paragraph = [];
    list = null;
    quote = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    const quoted = QUOTE.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1].length, text: heading[2] });
    } else if (RULE.test(line) && !paragraph.length) {
      flush();
      blocks.push({ type: 'rule' });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push((bullet ?? numbered)![1]);
    } else if (quoted) {
      if (!quote.length) flush();
      quote.push(quoted[1]);
    } else if (list && /^\s{2,}/.test(raw)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (list || quote.length) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;
const INLINE = /(\*\*|__)(.+?)\1|(\*|_)(?!\s)(.+?)(?<!\s)\3|`([^`]+)`|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|(\[[^[\]\n]{2,}\])(?!\()/;

/** Bold, italics, code, links and [placeholders] inside a block; everything else is text. */
export function renderInline(text: string, key = 'i'): ReactNode[] {
  const nodes: ReactNode[] = [];
  let rest = text;
  let n = 0;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) {
      nodes.push(rest);
      break;
    }
    if (match.index > 0) nodes.push(rest.slice(0, match.index));
    const k = `${key}-${n++}`;
    if (match[2] !== undefined) nodes.push(<strong key={k}>{renderInline(match[2], k)}</strong>);
    else if (match[4] !== undefined) nodes.push(<em key={k}>{renderInline(match[4], k)}</em>);
    else if (match[5] !== undefined) nodes.push(<code key={k}>{match[5]}</code>);
    else if (match[8] !== undefined) {
      // A placeholder the letter leaves for the user ("[Why Harbor Health: …]"): marked so none goes out unfilled.
      nodes.push(
        <mark key={k} className="placeholder">
          {match[8]}
        </mark>,
      );
    } else if (SAFE_URL.test(match[7])) {
      nodes.push(
        <a key={k} href={match[7]} target="_blank" rel="noopener noreferrer">
          {renderInline(match[6], k)}
        </a>,
      );
    } else nodes.push(<Fragment key={k}>{renderInline(match[6], k)}</Fragment>);
    rest = rest.slice(match.index + match[0].length);
  }
  return nodes;
}

interface MarkdownProps {
  children: string;
  /** The level a `#` heading becomes, so the preview keeps the page's outline (never past h6). */
  topHeading?: number;
}

/** Markdown as safe React elements, styled like the job descriptions (`.prose`). */
export function Markdown({ children, topHeading = 3 }: MarkdownProps) {
  const blocks = parseBlocks(children);
  const top = Math.min(...blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.level : 6)), 6);
  return (
    <div className="prose">
      {blocks.map((block, i) => {
        const key = `b${i}`;
        switch (block.type) {
          case 'heading':
            return createElement(`h${Math.min(6, topHeading + block.level - top)}`, { key }, renderInline(block.text, key));
          case 'paragraph':
            return <p key={key}>{renderInline(block.text, key)}</p>;
          case 'quote':
            return <blockquote key={key}>{renderInline(block.text, key)}</blockquote>;
          case 'rule':
            return <hr key={key} />;
          case 'list': {
            const items = block.items.map((item, j) => <li key={j}>{renderInline(item, `${key}-${j}`)}</li>);
            return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
          }
        }
      })}
    </div>
  );
}
