/**
 * The server sanitises descriptions (nh3), but a pasted posting may carry its
 * own headings from <h1> on. Under the page's h1 and the "Description" h2 they
 * are shifted so the highest one becomes an h3 (never past h6): the page keeps
 * one h1 and an outline without skipped levels.
 */
export function demoteHeadings(html: string, top = 3): string {
  const levels = [...html.matchAll(/<h([1-6])(?=[\s>])/gi)].map((match) => Number(match[1]));
  if (levels.length === 0) return html;
  const shift = top - Math.min(...levels);
  if (shift === 0) return html;
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_match, slash: string, level: string) => {
    return `<${slash}h${Math.min(6, Math.max(top, Number(level) + shift))}`;
  });
}
