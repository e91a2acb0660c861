// Messages and remote monitoring, loaded on demand.
export { Messages } from './Messages';
export { PatientMonitoring } from './PatientMonitoring';
