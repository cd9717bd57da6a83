// The cross-engine suite in WebKitGTK (Safari's engine): MiniBrowser under Xvfb, driven through
// WebKitWebDriver.
import { describeEngine } from './suite.mjs';
import { launchWebKit } from './engines.mjs';

describeEngine({ name: 'WebKitGTK', launch: launchWebKit, cannot: {} });
