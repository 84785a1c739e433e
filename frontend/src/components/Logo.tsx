interface LogoProps {
  size?: number;
}

/** Small product mark (decorative: always next to the product name). */
export function Logo({ size = 28 }: LogoProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false" className="no-shrink">
      <rect width="64" height="64" rx="14" fill="var(--mantine-color-brand-7)" />
      <path
        d="M20 40l8-16 8 10 8-14"
        fill="none"
        stroke="#fff"
        strokeWidth="5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
