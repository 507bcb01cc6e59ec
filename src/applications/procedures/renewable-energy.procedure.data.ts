import { ALWAYS, NO_FEE_KNOWN, allOf, defaultValue, document, verifiedValue, when, whenAtLeast, whenOneOf } from './procedure-data.helpers';
import type { ProcedureDefinition } from './procedure-catalogue.types';

const DOMAIN = 'Project domain notes (DOMAIN.md §3), compiled from public law portals';
const SELLS_SURPLUS = when('gridConnection', 'grid_surplus_sale');
const sellsSurplus = { vi: 'Khi bán điện dư lên lưới', en: 'When surplus is sold to the grid' };

/** Facts: gridConnection ('off_grid' | 'grid_no_export' | 'grid_surplus_sale'), capacityKw, ownerKind. */
export const RENEWABLE_ENERGY_PROCEDURE: ProcedureDefinition = {
  applicationType: 'renewable_energy',
  version: '2024.1',
  name_vi: 'Đăng ký/thông báo phát triển điện mặt trời mái nhà tự sản xuất, tự tiêu thụ',
  name_en: 'Registration/notification of self-produced, self-consumed rooftop solar',
  effectiveFrom: '2024-10-22',
  source: DOMAIN,
  legalBasis: 'Decree 135/2024/ND-CP, amended by Decree 58/2025/ND-CP',
  verified: true,
  timeLimitWorkingDays: verifiedValue(10, DOMAIN),
  completenessCheckWorkingDays: verifiedValue(3, DOMAIN),
  clockModeOnSupplementation: defaultValue('restart', 'General one-stop rule: the limit counts from a complete dossier.'),
  onlineService: defaultValue('full', 'Filed, documented and answered in this system; the site inspection needs no counter visit. Check against the DOIT list of 111 fully online procedures.'),
  dvcqg: { procedureCode: defaultValue<string | null>(null, 'Look it up in the National Database on Administrative Procedures (csdl.dichvucong.gov.vn) for the DOIT of Hai Phong and set it here.'), fieldCode: defaultValue<string | null>(null, 'Look it up in the National Database on Administrative Procedures (csdl.dichvucong.gov.vn) for the DOIT of Hai Phong and set it here.') },
  stages: [],
  documents: [
    document('notification_form', { vi: 'Văn bản thông báo', en: 'Notification form' }, whenOneOf('gridConnection', ['off_grid', 'grid_no_export']), {
      vi: 'Hệ thống không nối lưới hoặc không phát lên lưới',
      en: 'Off-grid or never-exporting system',
    }),
    document('registration_form', { vi: 'Văn bản đăng ký bán điện dư', en: 'Surplus-sale registration form' }, SELLS_SURPLUS, sellsSurplus),
    document('system_technical_design', { vi: 'Hồ sơ thiết kế kỹ thuật, sơ đồ một sợi', en: 'Technical design and single-line diagram' }, SELLS_SURPLUS, sellsSurplus),
    document('equipment_certificates', { vi: 'Chứng nhận chất lượng tấm pin, biến tần', en: 'Quality certificates for panels and inverters' }, SELLS_SURPLUS, sellsSurplus),
    document('site_use_rights', { vi: 'Giấy tờ hợp pháp về quyền sử dụng công trình, mái nhà', en: 'Proof of lawful use of the building/roof' }, SELLS_SURPLUS, sellsSurplus),
    document('fire_safety_documents', { vi: 'Hồ sơ phòng cháy chữa cháy', en: 'Fire-safety documents' }, allOf(SELLS_SURPLUS, when('ownerKind', 'organisation')), {
      vi: 'Tổ chức bán điện dư (mặc định, chưa xác minh)',
      en: 'Organisation selling surplus (default, unverified)',
    }),
    document('power_plan_conformity', { vi: 'Văn bản xác nhận phù hợp quy hoạch điện', en: 'Confirmation of conformity with the power plan' }, allOf(SELLS_SURPLUS, whenAtLeast('capacityKw', 1000)), {
      vi: 'Công suất từ 1.000 kW trở lên và bán điện dư',
      en: 'Capacity of 1,000 kW or more selling surplus',
    }),
    document('electricity_licence', { vi: 'Giấy phép hoạt động điện lực (hoặc hồ sơ đề nghị cấp)', en: 'Electricity licence (or its application)' }, allOf(SELLS_SURPLUS, whenAtLeast('capacityKw', 1000)), {
      vi: 'Công suất từ 1.000 kW trở lên và bán điện dư',
      en: 'Capacity of 1,000 kW or more selling surplus',
    }),
    document('applicant_identity', { vi: 'Giấy tờ pháp lý của tổ chức, cá nhân', en: 'Legal identity of the applicant' }, ALWAYS),
  ],
  fees: NO_FEE_KNOWN,
};
