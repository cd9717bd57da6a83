// The cross-engine suite in Firefox ESR (Gecko), headless, driven through Marionette.
import { describeEngine } from './suite.mjs';
import { launchFirefox } from './engines.mjs';

describeEngine({ name: 'Firefox ESR', launch: launchFirefox, cannot: {} });
