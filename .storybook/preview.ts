import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { withTheme, type Theme } from '../stories/support/theme.js';
import '../src/index.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Light, dark, or both side by side',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'both', title: 'Light and dark' },
        ],
        dynamicTitle: true,
      },
    },
    width: {
      description: 'Container width',
      toolbar: {
        title: 'Width',
        icon: 'grow',
        items: [
          { value: 'wide', title: 'Wide (fills the frame)' },
          { value: 'narrow', title: 'Narrow (360 px)' },
        ],
        dynamicTitle: true,
      },
    },
    language: {
      description: "The host page's language (its lang attribute): the elements speak it",
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en-GB', title: 'English', right: 'en' },
          { value: 'sv-SE', title: 'Svenska', right: 'sv' },
          { value: 'de-DE', title: 'Deutsch', right: 'de' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: "The host page's direction (its dir attribute)",
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', width: 'wide', language: 'en-GB', direction: 'ltr' },
  decorators: [
    (story, { globals }) =>
      withTheme(story, (globals.theme as Theme) ?? 'light', {
        width: globals.width === 'narrow' ? 360 : undefined,
        lang: (globals.language as string | undefined) ?? 'en-GB',
        dir: globals.direction === 'rtl' ? 'rtl' : 'ltr',
      }),
  ],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
};

export default preview;
