import { notFound } from '../errors';
import { APPLICANTS, currentActor, type RouteDefinition } from '../http/route-table';
import { FORM_FILE_NAMES, ONE_STOP_FORMS, oneStopFormContent, renderOneStopForm, type OneStopForm } from './one-stop-forms';

const isOneStopForm = (value: string): value is OneStopForm => (ONE_STOP_FORMS as readonly string[]).includes(value);


/** The one-stop forms of a dossier as PDF, for its applicant and for staff (404 until the step happened). */
export function oneStopFormRoutes(): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/api/v1/applications/:id/forms/:form',
      allow: [...APPLICANTS, 'officer', 'leader'],
      docs: { summary: 'A one-stop form of the dossier as PDF (receipt: form 01, refusal: form 03, apology: form 04)', tag: 'applications' },
      async handler(req, res) {
        const form = String(req.params.form);
        if (!isOneStopForm(form)) throw notFound(`Form ${form}`);
        const content = await oneStopFormContent(currentActor(req), String(req.params.id), form);
        const pdf = await renderOneStopForm(content);
        res.type('application/pdf').set('Content-Disposition', `attachment; filename="${FORM_FILE_NAMES[form]}.pdf"`).set('Cache-Control', 'no-store').send(pdf);
      },
    },
  ];
}
