import { createTheme } from '@mantine/core';

const systemSans =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";

/** Every field is required unless it says otherwise (GOV.UK style), so no asterisks in labels. */
const noAsterisk = { defaultProps: { withAsterisk: false } };

/** Shade 8 of Mantine blue keeps white-on-blue and blue-on-white text above the WCAG AA 4.5:1 ratio. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: systemSans,
  headings: { fontFamily: systemSans },
  defaultRadius: 'sm',
  components: {
    TextInput: noAsterisk,
    NativeSelect: noAsterisk,
  },
});
