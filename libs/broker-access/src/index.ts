export { BrokerPrincipals } from './broker-principals.js';
