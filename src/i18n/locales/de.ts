
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's9b2ae4ebc285d69b': `No data source.`,
'saa23095711789132': `Set the endpoint attribute, the dataSource property, or place this element inside &lt;ai-usage-provider&gt;.`,
's0dd6e0d677b86cee': str`Something went wrong: ${0}`,
'sad65264d44677cf0': `Something went wrong.`,
's2c8189544e3ea679': `Retry`,
    };
  