import { describe, expect, it } from 'vitest';
import { activeFilterCount, effectiveSort, parseJobSearch, toApiQuery, toSearchParams } from './jobSearch';

describe('job search in the URL', () => {
  it('parses, ignoring what is invalid', () => {
    const search = parseJobSearch(
      new URLSearchParams('q=react&remote=remote&remote=bogus&remote=hybrid&salary_min=50000&posted_since=2025-01-02&tracked=false&sort=-salary&page=3'),
    );
    expect(search).toEqual({
      q: 'react',
      company: '',
      location: '',
      remote: ['remote', 'hybrid'],
      salaryMin: 50000,
      postedSince: '2025-01-02',
      tracked: 'false',
      sort: '-salary',
      page: 3,
    });
    expect(parseJobSearch(new URLSearchParams('sort=fastest&page=-2&posted_since=yesterday&tracked=maybe'))).toMatchObject({
      sort: '',
      page: 1,
      postedSince: '',
      tracked: '',
    });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    const search = parseJobSearch(new URLSearchParams('q=go&company=Acme&remote=onsite&page=2'));
    expect(toSearchParams(search).toString()).toBe('q=go&company=Acme&remote=onsite&page=2');
    expect(toSearchParams(parseJobSearch(new URLSearchParams())).toString()).toBe('');
  });

  it('becomes the API query', () => {
    const search = parseJobSearch(new URLSearchParams('q=%20c%2B%2B%20&remote=remote&salary_min=1000&tracked=true'));
    expect(toApiQuery(search, 20)).toEqual({ page: 1, size: 20, q: 'c++', remote: ['remote'], salary_min: 1000, tracked: true });
  });

  it('counts filters and knows the default sort', () => {
    expect(activeFilterCount(parseJobSearch(new URLSearchParams('sort=title&page=2')))).toBe(0);
    expect(activeFilterCount(parseJobSearch(new URLSearchParams('q=x&location=Oslo&tracked=true')))).toBe(3);
    expect(effectiveSort({ q: 'x', sort: '' })).toBe('relevance');
    expect(effectiveSort({ q: '', sort: '' })).toBe('-posted_at');
    expect(effectiveSort({ q: 'x', sort: 'company' })).toBe('company');
  });
});
