/** IANA time zones known to this browser, plus any extra value that must stay selectable. */
export function timezoneOptions(...extra: (string | undefined | null)[]): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = []; // very old browsers: offer only the extra values and UTC
  }
  const set = new Set(zones);
  for (const zone of extra) if (zone) set.add(zone);
  if (!set.has('UTC')) set.add('UTC');
  return [...set].sort((a, b) => a.localeCompare(b));
}
