export { startRegistration, completeRegistration, decide, type AccountDeps, type RegistrationInput, type RegistrationOutcome } from './registration.service';
export { requestPasswordReset, checkResetLink, resetPassword } from './password-reset.service';
export { invite, readInvitation, acceptInvitation, changeMember, organizationMembers, type Member } from './membership.service';
export { pendingRequests } from './account-request';
export { ACCOUNT_MAIL_JOB, accountMailJobHandler, queueAccountMail } from './account-mail';
export { profileOf, updateProfile, updateGenderFacts, confirmEmailChange, type ProfileInput } from './profile.service';
export { startSignOn, finishSignOn, type SignOnOutcome } from './single-sign-on';
