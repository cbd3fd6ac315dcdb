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
  },
  initialGlobals: { theme: 'light', width: 'wide' },
  decorators: [(story, context) => withTheme(story, (context.globals.theme as Theme) ?? 'light', context.globals.width === 'narrow' ? 360 : undefined)],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
  },
};

export default preview;
