import { describe, expect, it } from 'vitest';
import { demoteHeadings } from './description';
import { descriptionForEditing } from './jobForm';

describe('demoteHeadings', () => {
  it('shifts pasted headings under the page outline (top one becomes h3)', () => {
    expect(demoteHeadings('<h1>About</h1><p>x</p><h2>Role</h2>')).toBe('<h3>About</h3><p>x</p><h4>Role</h4>');
    expect(demoteHeadings('<h5>Only</h5>')).toBe('<h3>Only</h3>');
    expect(demoteHeadings('<h1>a</h1><h6>b</h6>')).toBe('<h3>a</h3><h6>b</h6>');
    expect(demoteHeadings('<p>No headings, <strong>hr</strong><hr></p>')).toBe('<p>No headings, <strong>hr</strong><hr></p>');
  });
});

describe('descriptionForEditing', () => {
  it('edits plain text when the HTML is only paragraphs, else the HTML', () => {
    expect(descriptionForEditing({ description_html: '<p>One</p><p>Two<br>lines</p>', description_text: 'One\n\nTwo\nlines' })).toBe(
      'One\n\nTwo\nlines',
    );
    expect(descriptionForEditing({ description_html: '<ul><li>A</li></ul>', description_text: '- A' })).toBe('<ul><li>A</li></ul>');
  });
});
