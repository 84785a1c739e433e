import { useParams } from 'react-router';

/** A record's id from the URL: a positive whole number, or null (the page says "not found"). */
export function parseId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** The `:id` of the current route, as `parseId` reads it. */
export function useIdParam(): number | null {
  return parseId(useParams().id);
}
