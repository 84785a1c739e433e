import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Brand blue-violet, generated around #4263eb. */
const brand: MantineColorsTuple = [
  '#edf2ff',
  '#dbe4ff',
  '#bac8ff',
  '#91a7ff',
  '#748ffc',
  '#5c7cfa',
  '#4c6ef5',
  '#4263eb',
  '#3b5bdb',
  '#364fc7',
];

export const theme = createTheme({
  primaryColor: 'brand',
  colors: { brand },
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily:
      'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: '700',
  },
  components: {
    Button: { defaultProps: { fw: 600 } },
    Card: { defaultProps: { withBorder: true, padding: 'lg', radius: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // The show/hide-password toggle is a mouse convenience outside the tab order; rendering it as a span
    // with role="button" keeps the form's first <button> its submit button, which simple form-driving
    // tools (and Enter-to-submit heuristics) expect.
    PasswordInput: {
      defaultProps: { visibilityToggleButtonProps: { component: 'span', role: 'button' } },
    },
    // Toasts: a named close button, and body text dark enough to read (Mantine uses gray-6).
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    },
  },
});

export const PRODUCT_NAME = 'Career Copilot';

/**
 * WCAG AA contrast for the light scheme. Mantine's defaults put shade-9 text on
 * shade-1/2 backgrounds ("light" badges, buttons, nav links), which is under
 * 4.5:1 for several colours, and its dimmed grey (gray-6) is 3.3:1 on white.
 * These darker text colours keep every pairing at 4.7:1 or more.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636b',
    '--mantine-color-brand-light-color': '#3147b3',
    '--mantine-color-red-light-color': '#ad2424',
    '--mantine-color-grape-light-color': '#832d99',
    '--mantine-color-violet-light-color': '#5738b4',
    '--mantine-color-indigo-light-color': '#3147b3',
    '--mantine-color-blue-light-color': '#155896',
    '--mantine-color-cyan-light-color': '#0a6778',
    '--mantine-color-teal-light-color': '#076d4e',
    '--mantine-color-green-light-color': '#226e32',
    '--mantine-color-lime-light-color': '#46700a',
    '--mantine-color-yellow-light-color': '#a15300',
    '--mantine-color-orange-light-color': '#a9380c',
    // Destructive buttons: white on red-6 is 3.3:1.
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': '#a51f1f',
    '--mantine-color-red-outline': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
