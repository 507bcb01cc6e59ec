/**
 * The one-stop forms (Circular 01/2018/TT-VPCP) a dossier's applicant takes away, as PDF: receipt and
 * appointment (01), refusal to receive (03), apology and new appointment (04). Mount `oneStopFormRoutes()`.
 */
export { oneStopFormRoutes } from './one-stop-forms.routes';
export { availableForms, oneStopFormAttachment, ONE_STOP_FORMS, type OneStopForm } from './one-stop-forms';
