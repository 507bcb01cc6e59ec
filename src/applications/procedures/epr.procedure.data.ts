import { ALWAYS, NO_FEE_KNOWN, allOf, defaultValue, document, when, whenOneOf } from './procedure-data.helpers';
import type { ProcedureDefinition } from './procedure-catalogue.types';

const RECYCLES = when('complianceMethod', 'recycle');

/** Facts: complianceMethod ('recycle' | 'contribute'), recyclingArrangement, role, claimsExportExclusion. */
export const EPR_PROCEDURE: ProcedureDefinition = {
  applicationType: 'epr',
  version: '2025.1',
  name_vi: 'Tiếp nhận hồ sơ thực hiện trách nhiệm tái chế của nhà sản xuất, nhập khẩu (cấp tỉnh)',
  name_en: 'Provincial dossier on producer/importer recycling responsibility (EPR)',
  effectiveFrom: '2025-01-06',
  source: 'Project domain notes (DOMAIN.md §1, §5)',
  legalBasis: 'Law on Environmental Protection 2020 Arts 54–55; Decree 08/2022/ND-CP Arts 77–86; Decree 05/2025/ND-CP',
  verified: false,
  note: 'National filings go to the national EPR portal; this is the provincial dossier the DOIT keeps.',
  timeLimitWorkingDays: defaultValue(15, 'No provincial review limit found: labelled default (DOMAIN.md §5).'),
  completenessCheckWorkingDays: defaultValue(3, 'General completeness-check limit unverified; same as rooftop solar.'),
  clockModeOnSupplementation: defaultValue('restart', 'General one-stop rule: the limit counts from a complete dossier.'),
  onlineService: defaultValue('full', 'Filed, documented and answered in this system; no fee or counter step. Check against the DOIT list of 111 fully online procedures.'),
  dvcqg: { procedureCode: defaultValue<string | null>(null, 'Look it up in the National Database on Administrative Procedures (csdl.dichvucong.gov.vn) for the DOIT of Hai Phong and set it here.'), fieldCode: defaultValue<string | null>(null, 'Look it up in the National Database on Administrative Procedures (csdl.dichvucong.gov.vn) for the DOIT of Hai Phong and set it here.') },
  stages: [],
  documents: [
    document('epr_registration_form', { vi: 'Bản đăng ký, kê khai thực hiện trách nhiệm tái chế', en: 'EPR registration and declaration form' }, ALWAYS),
    document('product_volume_statement', { vi: 'Bảng kê khối lượng sản phẩm, bao bì đưa ra thị trường', en: 'Statement of product and packaging volumes placed on the market' }, ALWAYS),
    document('business_registration', { vi: 'Giấy chứng nhận đăng ký doanh nghiệp', en: 'Business registration certificate' }, ALWAYS),
    document('recycling_plan', { vi: 'Kế hoạch tái chế', en: 'Recycling plan' }, RECYCLES, {
      vi: 'Khi chọn hình thức tự tổ chức tái chế',
      en: 'When the chosen compliance method is recycling',
    }),
    document('recycling_contract', { vi: 'Hợp đồng tái chế hoặc ủy quyền tổ chức trung gian', en: 'Recycling contract or mandate to an authorised organisation' },
      allOf(RECYCLES, whenOneOf('recyclingArrangement', ['contract', 'authorised_organisation'])), {
        vi: 'Khi tái chế qua hợp đồng hoặc qua tổ chức được ủy quyền',
        en: 'When recycling by contract or through an authorised organisation',
      }),
    document('contribution_proof', { vi: 'Chứng từ nộp tiền đóng góp vào Quỹ Bảo vệ môi trường Việt Nam', en: 'Proof of contribution to the Viet Nam Environmental Protection Fund' },
      when('complianceMethod', 'contribute'), {
        vi: 'Khi chọn hình thức đóng góp tài chính',
        en: 'When the chosen compliance method is a financial contribution',
      }),
    document('import_customs_declarations', { vi: 'Tờ khai hải quan hàng nhập khẩu', en: 'Import customs declarations' }, when('role', 'importer'), {
      vi: 'Khi là nhà nhập khẩu',
      en: 'When the applicant is an importer',
    }),
    document('export_customs_declarations', { vi: 'Tờ khai hải quan hàng xuất khẩu', en: 'Export customs declarations' }, when('claimsExportExclusion', true), {
      vi: 'Khi đề nghị loại trừ khối lượng xuất khẩu',
      en: 'When exported volumes are excluded',
    }),
  ],
  fees: NO_FEE_KNOWN,
};
