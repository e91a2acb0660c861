// The physiotherapist workspace, loaded on demand.
export { Caseload } from './Caseload';
export { PatientDetail } from './PatientDetail';
export { ProgramBuilder } from './ProgramBuilder';
export { InvitePatient } from './InvitePatient';
export { Alerts } from './Alerts';
export { TwoFactor } from './TwoFactor';
