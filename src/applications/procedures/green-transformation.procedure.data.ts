import { ALWAYS, NO_FEE_KNOWN, defaultValue, document, verifiedValue, when } from './procedure-data.helpers';
import type { ProcedureDefinition } from './procedure-catalogue.types';

const DOMAIN = 'Project domain notes (DOMAIN.md §4), from Decree 35/2022/ND-CP Art 40';
const PARK = when('certificateKind', 'eco_industrial_park');

/**
 * Facts: certificateKind ('eco_industrial_park' | 'eco_enterprise').
 * Modelled as three consecutive stages: the board forwards the dossier to the consulted agencies (3 working
 * days), the agencies give opinions (15 days), then appraisal (40 days). The decree's "days" for opinions and
 * appraisal are read as working days here, which is unverified; the total is their sum.
 */
export const GREEN_TRANSFORMATION_PROCEDURE: ProcedureDefinition = {
  applicationType: 'green_transformation',
  version: '2025.1',
  name_vi: 'Chứng nhận khu công nghiệp sinh thái / doanh nghiệp sinh thái (ý kiến của Sở Công Thương)',
  name_en: 'Eco-industrial-park / eco-enterprise certification (with DOIT opinion)',
  effectiveFrom: '2022-07-15',
  source: DOMAIN,
  legalBasis: 'Decree 35/2022/ND-CP Arts 37 and 40; forms in Circular 05/2025',
  verified: false,
  timeLimitWorkingDays: defaultValue(58, 'Sum of the three stages (3 + 15 + 40), read as working days.'),
  completenessCheckWorkingDays: defaultValue(3, 'Completeness check assumed to match the 3-day forwarding limit.'),
  clockModeOnSupplementation: defaultValue('restart', 'General one-stop rule: the limit counts from a complete dossier.'),
  onlineService: defaultValue('partial', 'Recognition includes an appraisal council and a site visit with the applicant: assumed partly online until the DOIT list of its 21 partly online procedures says otherwise.'),
  dvcqg: { procedureCode: defaultValue<string | null>(null, 'Look it up in the National Database on Administrative Procedures (csdl.dichvucong.gov.vn) for the DOIT of Hai Phong and set it here.'), fieldCode: defaultValue<string | null>(null, 'Look it up in the National Database on Administrative Procedures (csdl.dichvucong.gov.vn) for the DOIT of Hai Phong and set it here.') },
  stages: [
    {
      code: 'forward_to_agencies',
      name_vi: 'Chuyển hồ sơ lấy ý kiến các cơ quan',
      name_en: 'Forward the dossier to the consulted agencies',
      limitWorkingDays: verifiedValue(3, DOMAIN),
    },
    {
      code: 'agency_opinions',
      name_vi: 'Các cơ quan cho ý kiến',
      name_en: 'Agencies give their opinions',
      limitWorkingDays: { value: 15, source: DOMAIN, verified: false, note: '"15 days" read as working days.' },
    },
    {
      code: 'appraisal',
      name_vi: 'Thẩm định và quyết định',
      name_en: 'Appraisal and decision',
      limitWorkingDays: { value: 40, source: DOMAIN, verified: false, note: '"40 days" read as working days.' },
    },
  ],
  documents: [
    document('certification_request_form', { vi: 'Văn bản đề nghị chứng nhận (mẫu Thông tư 05/2025)', en: 'Certification request (Circular 05/2025 form)' }, ALWAYS),
    document('criteria_fulfilment_report', { vi: 'Báo cáo đánh giá đáp ứng tiêu chí', en: 'Report on fulfilment of the criteria' }, ALWAYS),
    document('environmental_permit_copy', { vi: 'Bản sao giấy phép môi trường', en: 'Copy of the environmental permit' }, ALWAYS),
    document('park_establishment_decision', { vi: 'Quyết định thành lập / chủ trương đầu tư khu công nghiệp', en: 'Industrial-park establishment or investment decision' }, PARK, {
      vi: 'Chứng nhận khu công nghiệp sinh thái',
      en: 'Eco-industrial-park certificate',
    }),
    document('symbiosis_evidence', { vi: 'Tài liệu chứng minh liên kết cộng sinh công nghiệp', en: 'Evidence of industrial-symbiosis links' }, PARK, {
      vi: 'Chứng nhận khu công nghiệp sinh thái',
      en: 'Eco-industrial-park certificate',
    }),
    document('enterprise_registration', { vi: 'Giấy chứng nhận đăng ký doanh nghiệp', en: 'Business registration certificate' }, when('certificateKind', 'eco_enterprise'), {
      vi: 'Chứng nhận doanh nghiệp sinh thái',
      en: 'Eco-enterprise certificate',
    }),
  ],
  fees: NO_FEE_KNOWN,
};
