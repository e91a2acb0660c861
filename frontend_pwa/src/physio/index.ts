export { Alerts } from './Alerts';
