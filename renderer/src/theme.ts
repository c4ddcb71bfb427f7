import { createLightTheme, type BrandVariants, type Theme } from '@fluentui/react-components';

/**
 * A sober blue ramp (the usual colour of town-hall paperwork) rather than Fluent's default
 * brand, so the application does not look like an Office add-in. Generated with the Fluent
 * theme designer from #1F4E8C; contrast of brand text on white stays above 4.5:1.
 */
const bleuMairie: BrandVariants = {
  10: '#020306',
  20: '#111A2B',
  30: '#152A4A',
  40: '#183664',
  50: '#1A427E',
  60: '#1F4E8C',
  70: '#2E5C99',
  80: '#3F6BA6',
  90: '#517AB2',
  100: '#648ABE',
  110: '#779ACA',
  120: '#8BAAD5',
  130: '#9FBADF',
  140: '#B4CBE9',
  150: '#C9DCF2',
  160: '#DFEDFB',
};

export const themeRegistre: Theme = createLightTheme(bleuMairie);
