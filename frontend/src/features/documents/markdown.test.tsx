import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown, parseBlocks } from './markdown';

describe('Markdown', () => {
  it('reads headings, paragraphs, lists, quotes and rules', () => {
    expect(parseBlocks('# Title\n\nOne\nline\n\n- a\n- b\n\n1. x\n\n> said\n\n---')).toEqual([
      { type: 'heading', level: 1, text: 'Title' },
      { type: 'paragraph', text: 'One line' },
      { type: 'list', ordered: false, items: ['a', 'b'] },
      { type: 'list', ordered: true, items: ['x'] },
      { type: 'quote', text: 'said' },
      { type: 'rule' },
    ]);
  });

  it('renders text, never markup, and keeps only safe links', () => {
    const { container } = render(
      <Markdown>{'## Hi <img src=x onerror=alert(1)>\n\n[site](https://example.com) [bad](javascript:alert(1)) **b** _i_ `c`'}</Markdown>,
    );
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Hi <img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: 'site' })).toHaveAttribute('href', 'https://example.com');
    expect(screen.queryByRole('link', { name: 'bad' })).toBeNull();
    expect(container.querySelector('p')).toHaveTextContent('site bad b i c');
    expect(screen.getByText('b').tagName).toBe('STRONG');
    expect(screen.getByText('i').tagName).toBe('EM');
    expect(screen.getByText('c').tagName).toBe('CODE');
  });
});
