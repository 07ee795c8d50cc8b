/**
 * Rounds of the self-assessment on the server, one module per job: what a
 * round is (types), reading (read), submitting a version (submit), the UIM's
 * review (review) and publishing (publish). Routes and pages import from here.
 */
export * from './types';
export { listRounds, getRound } from './read';
export { submitVersion, insertAnswers } from './submit';
export { returnRound, validateRound } from './review';
export { publish, publicationVersion, assessmentRows, type AssessmentRow } from './publish';
export { auditLog, type AuditEntry } from '../audit';
