import type { Request } from 'express';
import { certificateDirectory, listCertificates } from '../../certificates';
import { issuedDocumentOf } from '../../issued-documents';
import { notFound } from '../../errors';
import { currentActor, type RouteDefinition } from '../../http/route-table';
import { obligationCalendar } from './obligation-calendar';
import { APPLICANT_PAGES } from './page-helpers';
import { verificationQrSvg } from './verification-qr';

/**
 * Where anyone checks a certificate: printed on the certificate page and in its QR code. Built from the
 * configured BASE_URL (app.locals.baseUrl), never from the request's Host header, which a client chooses.
 */
const verificationUrl = (req: Request, code: string) => `${String(req.app.locals.baseUrl ?? '')}/certificates/verify?code=${encodeURIComponent(code)}`;

/** The organization's certificates (a printable page each) and its obligation calendar. */
export function certificatePages(deps: { now: () => Date }): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/my/certificates',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const { items } = await listCertificates(currentActor(req), deps.now());
        res.render('business/certificates', { title: res.locals.t('business.certificates.title'), certificates: items });
      },
    },
    {
      method: 'get',
      path: '/my/certificates/:key',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const key = String(req.params.key).trim();
        const { items } = await listCertificates(currentActor(req), deps.now());
        // Only the organization's own certificates are listed, so another's looks missing.
        const certificate = items.find((c) => c.number === key || c.verificationCode === key.toUpperCase());
        if (!certificate) throw notFound('Certificate');
        const verifyUrl = verificationUrl(req, certificate.verificationCode);
        const record = (await certificateDirectory()).find('code', certificate.verificationCode);
        const signed = record ? await issuedDocumentOf('certificate', String(record.dossierId)) : undefined;
        res.render('business/certificate', {
          signed,
          dossierId: record ? String(record.dossierId) : undefined,
          title: `${res.locals.t('business.certificates.certificate')} ${certificate.number}`,
          certificate,
          verifyUrl,
          verifyQr: await verificationQrSvg(verifyUrl),
        });
      },
    },
    {
      method: 'get',
      path: '/my/calendar',
      allow: APPLICANT_PAGES,
      async handler(req, res) {
        const { items } = await listCertificates(currentActor(req), deps.now());
        res.render('business/calendar', { title: res.locals.t('business.calendar.title'), entries: obligationCalendar(deps.now(), items) });
      },
    },
  ];
}
