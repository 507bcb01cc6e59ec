import type { WorkflowType } from '../../workflows/workflow-types';
import { ECO_CRITERIA, EPR_RECYCLING_RATES, GRID_EMISSION_FACTORS, type EcoCertificateKind } from '../applications/calculators';
import type { PetitionTopic } from '../dialogue';

/**
 * What the demo history files, quarter by quarter (oldest first): every figure is invented demo data. The
 * filers are the demo organizations of hai-phong.data.ts, by tax code; amounts differ per quarter so each PGI
 * trend moves, and a few dossiers are refused, late or sent back for supplementation. EPR confirmations are
 * valid for a year: those that ran out before the present expire in the history, and the index counts each
 * expiry against the quarter it happened in.
 */
export interface DossierSpec {
  type: WorkflowType;
  filer: string;
  title: string;
  data: (on: { year: number; date: string }) => Record<string, unknown>;
  /** Working days after the quarter's first working day on which the dossier is opened and submitted. */
  day: number;
  ending: 'approve' | 'reject';
  /** The officer's supplementation reason; the applicant uploads a corrected document and resubmits. */
  supplement?: string;
  /** Decided after the statutory limit: the deadline passes first, so the decision carries form 04. */
  late?: boolean;
  /** A site inspection before the recommendation (eco-industrial parks). */
  inspection?: boolean;
  /** A consulted agency that never answers: its opinion lapses at the deadline. */
  lapsedAgency?: string;
}

export interface PetitionSpec {
  filer: string;
  topic: PetitionTopic;
  text: string;
  day: number;
  /** Working days from receipt to the answer; absent: still open (assigned, or only received if `unassigned`). */
  answerAfter?: number;
  unassigned?: boolean;
  close?: boolean;
}

const BUSINESS = '0220010130'; // the demo business user's company (Nhựa PET Đình Vũ)
const IC_OPERATOR = '0220011913'; // the demo IC operator (Tràng Duệ)
const BAO_BI = '0220010003';
const THEP = '0220010275';
const SOLAR = '0220010412';
const DIEN_TU = '0220010684';
const XI_MANG = '0220010821';
const DAU_NHOT = '0220010966';
const LOP_XE = '0220011092';
const AC_QUY = '0220011374';
const GIAY = '0220011504';
const THUC_PHAM = '0220011649';
const NHOM = '0220011783';

type Line = readonly [productCode: string, tonnes: number];

/** The reporting year, within the years the recycling-rate table covers (a later year could not be computed, so not filed). */
const eprYear = (year: number) => Math.min(year, ...EPR_RECYCLING_RATES.map((r) => (r.effectiveTo ? Number(r.effectiveTo.slice(0, 4)) : year)));

const epr = (role: 'producer' | 'importer', revenueBn: number, method: 'recycle' | 'contribute', lines: readonly Line[]) =>
  ({ year }: { year: number }) => ({
    reportingYear: eprYear(year),
    role,
    previousYearAmountVnd: revenueBn * 1_000_000_000,
    complianceMethod: method,
    productLines: lines.map(([productCode, tonnes]) => ({ productCode, placedOnMarketKg: tonnes * 1000 })),
  });

/** Rooftop solar selling 8 % of its output (within every cap), or never exporting. */
const solar = (site: string, capacityKw: number, gridConnection: 'grid_surplus_sale' | 'grid_no_export' = 'grid_surplus_sale') => () => {
  const annualOutputKwh = capacityKw * 1150;
  return {
    siteAddress: `${site}, Hải Phòng (demo)`,
    ownerKind: 'organisation',
    capacityKw,
    gridConnection,
    annualOutputKwh,
    surplusSoldKwh: gridConnection === 'grid_surplus_sale' ? Math.round(annualOutputKwh * 0.08) : 0,
  };
};

/** The newest data year with an official (or carried-forward) grid factor: an inventory of a later year cannot be computed yet. */
const LATEST_FACTOR_YEAR = Math.max(...GRID_EMISSION_FACTORS.map((f) => f.year));

const ghg = (facilityName: string, sectorCode: string, electricityMwh: number, coalTonnes: number, reductionTargetTco2e: number, measures: readonly string[]) =>
  ({ year }: { year: number }) => ({
    facilityName,
    contactPerson: 'Phạm Thu Trang (demo)',
    sectorCode,
    dataYear: Math.min(year - 1, LATEST_FACTOR_YEAR),
    operationalBoundary: 'Toàn bộ nhà máy trong hàng rào dự án (demo)',
    electricityMwh,
    fuelLines: [{ fuelCode: 'bituminous_coal', quantity: coalTonnes }],
    annualEnergyToe: Math.round(electricityMwh * 0.086 + coalTonnes * 0.6),
    annualWasteTonnes: Math.round(coalTonnes * 0.12),
    reductionTargetTco2e,
    reductionMeasures: [...measures],
  });

/** Evidence meeting every criterion the checklist asks of this kind (percentages 10 points above the minimum). */
export function evidenceMeetingAll(kind: EcoCertificateKind): Record<string, boolean | number> {
  return Object.fromEntries(
    ECO_CRITERIA.filter((c) => c.appliesTo.includes(kind)).map((c) => [c.id, c.measure.kind === 'yes_no' ? true : Math.min(100, c.measure.min + 10)]),
  );
}

const eco = (certificateKind: EcoCertificateKind, transformationPlanSummary: string) => ({ date }: { date: string }) => ({
  certificateKind,
  evidence: evidenceMeetingAll(certificateKind),
  transformationPlanSummary,
  assessmentDate: date,
});

const REFUSED_GHG = 'Hệ số phát thải của lò nung tự khai không có nguồn; kế hoạch giảm phát thải thiếu lộ trình (demo).';
const REFUSED_EPR = 'Khối lượng nhập khẩu kê khai không khớp tờ khai hải quan; đề nghị nộp lại hồ sơ mới (demo).';

export const DOSSIER_PLAN: readonly (readonly DossierSpec[])[] = [
  [
    { type: 'epr', filer: BUSINESS, title: 'EPR bao bì PET', data: epr('producer', 180, 'recycle', [['packaging_rigid_pet', 380], ['packaging_rigid_hdpe_ldpe_pp_ps', 60]]), day: 4, ending: 'approve' },
    { type: 'renewable_energy', filer: SOLAR, title: 'Điện mặt trời mái nhà xưởng An Thọ', data: solar('Nhà xưởng CCN An Thọ, An Lão', 320), day: 12, ending: 'approve' },
    { type: 'emissions_reduction', filer: THEP, title: 'Kiểm kê KNK và kế hoạch giảm phát thải nhà máy thép', data: ghg('Nhà máy thép Cửa Hoạt', 'C2410', 9000, 1500, 1200, ['Thu hồi nhiệt khí thải lò', 'Biến tần cho quạt và bơm']), day: 20, ending: 'approve' },
  ],
  [
    { type: 'green_transformation', filer: DIEN_TU, title: 'Công nhận doanh nghiệp sinh thái', data: eco('eco_enterprise', 'Giảm 15 % điện năng, tuần hoàn 40 % nước thải, trao đổi phế liệu nhựa với doanh nghiệp lân cận (demo).'), day: 3, ending: 'approve' },
    { type: 'epr', filer: DAU_NHOT, title: 'EPR dầu nhớt — đóng góp tài chính', data: epr('producer', 95, 'contribute', [['lubricant_oil', 900]]), day: 10, ending: 'approve', supplement: 'Bảng kê khối lượng dầu nhớt đưa ra thị trường chưa có chữ ký người đại diện (demo).' },
    { type: 'emissions_reduction', filer: XI_MANG, title: 'Kế hoạch giảm phát thải nhà máy xi măng', data: ghg('Nhà máy xi măng Tiên Lãng', 'C2394', 14000, 42000, 2600, ['Đồng xử lý chất thải thay than']), day: 33, ending: 'reject' },
  ],
  [
    { type: 'epr', filer: LOP_XE, title: 'EPR săm lốp', data: epr('producer', 240, 'recycle', [['tyre', 1200]]), day: 5, ending: 'approve', late: true },
    { type: 'renewable_energy', filer: THEP, title: 'Điện mặt trời mái nhà xưởng cán thép', data: solar('Nhà xưởng CCN Cửa Hoạt – Quân Thắng, Vĩnh Bảo', 850), day: 14, ending: 'approve' },
    { type: 'epr', filer: AC_QUY, title: 'EPR ắc quy chì nhập khẩu', data: epr('importer', 60, 'contribute', [['battery_lead_acid', 300]]), day: 35, ending: 'reject' },
  ],
  [
    { type: 'green_transformation', filer: IC_OPERATOR, title: 'Công nhận khu công nghiệp sinh thái CCN Tràng Duệ', data: eco('eco_industrial_park', 'Trạm xử lý nước thải tập trung có quan trắc tự động; mạng cộng sinh hơi nước và phế liệu giữa 12 doanh nghiệp (demo).'), day: 2, ending: 'approve', inspection: true, lapsedAgency: 'doc' },
    { type: 'epr', filer: BUSINESS, title: 'EPR bao bì PET', data: epr('producer', 210, 'recycle', [['packaging_rigid_pet', 450], ['packaging_paper_carton', 90]]), day: 8, ending: 'approve' },
    { type: 'renewable_energy', filer: XI_MANG, title: 'Điện mặt trời mái nhà kho clinker (không phát lên lưới)', data: solar('Kho clinker CCN Quang Phục, Tiên Lãng', 1200, 'grid_no_export'), day: 16, ending: 'approve' },
  ],
  [
    { type: 'epr', filer: NHOM, title: 'EPR bao bì nhôm', data: epr('producer', 150, 'recycle', [['packaging_aluminium', 210]]), day: 3, ending: 'approve' },
    { type: 'renewable_energy', filer: DIEN_TU, title: 'Điện mặt trời mái nhà xưởng SMT', data: solar('Nhà xưởng KCN Nam Cầu Kiền, Thủy Nguyên', 600), day: 9, ending: 'approve', supplement: 'Sơ đồ một sợi chưa thể hiện thiết bị chống phát ngược lên lưới (demo).' },
    { type: 'emissions_reduction', filer: THEP, title: 'Báo cáo kiểm kê KNK và kế hoạch giảm phát thải năm tiếp theo', data: ghg('Nhà máy thép Cửa Hoạt', 'C2410', 8600, 1350, 1800, ['Thu hồi nhiệt khí thải lò', 'Điện mặt trời mái nhà']), day: 18, ending: 'approve', late: true },
  ],
  [
    { type: 'green_transformation', filer: BAO_BI, title: 'Công nhận doanh nghiệp sinh thái', data: eco('eco_enterprise', 'Chuyển 60 % nguyên liệu sang giấy tái chế, lắp điện mặt trời mái nhà, thu gom bao bì sau sử dụng (demo).'), day: 2, ending: 'approve' },
    { type: 'epr', filer: BAO_BI, title: 'EPR bao bì giấy', data: epr('producer', 70, 'recycle', [['packaging_paper_carton', 300], ['packaging_mixed_paper', 55]]), day: 10, ending: 'approve' },
    { type: 'epr', filer: LOP_XE, title: 'EPR săm lốp — kỳ tiếp theo', data: epr('producer', 260, 'recycle', [['tyre', 1350]]), day: 12, ending: 'approve' },
    { type: 'emissions_reduction', filer: XI_MANG, title: 'Kế hoạch giảm phát thải nhà máy xi măng (nộp lại)', data: ghg('Nhà máy xi măng Tiên Lãng', 'C2394', 13500, 39000, 3500, ['Đồng xử lý chất thải thay than', 'Phát điện nhiệt dư']), day: 25, ending: 'approve' },
  ],
];

export const REJECTION_REASONS: Partial<Record<WorkflowType, string>> = {
  emissions_reduction: REFUSED_GHG,
  epr: REFUSED_EPR,
};

const petition = (filer: string, topic: PetitionTopic, day: number, text: string, answerAfter?: number, close = false): PetitionSpec => ({ filer, topic, day, text, answerAfter, close });

export const PETITION_PLAN: readonly (readonly PetitionSpec[])[] = [
  [
    petition(BAO_BI, 'epr', 6, 'Đề nghị hướng dẫn cách tính khối lượng bao bì khi một phần hàng được xuất khẩu (demo).', 9, true),
    petition(THEP, 'infrastructure', 18, 'Đề nghị nâng cấp tuyến đường vào CCN Cửa Hoạt – Quân Thắng cho xe tải nặng (demo).', 21),
  ],
  [
    petition(SOLAR, 'renewable_energy', 5, 'Đề nghị làm rõ mức trần sản lượng điện dư được bán cho tổ chức sau Nghị định 58/2025 (demo).', 7, true),
    petition(DAU_NHOT, 'epr', 30, 'Đề nghị công bố định mức chi phí tái chế Fs chính thức cho dầu nhớt (demo).', 16),
  ],
  [
    petition(XI_MANG, 'emissions', 4, 'Đề nghị hướng dẫn hệ số phát thải cho nhiên liệu thay thế từ chất thải (demo).', 12, true),
    petition(GIAY, 'green_transformation', 28, 'Đề nghị hỗ trợ chi phí đánh giá sản xuất sạch hơn cho doanh nghiệp vừa (demo).', 10),
  ],
  [
    petition(IC_OPERATOR, 'infrastructure', 3, 'Đề nghị hỗ trợ vốn đầu tư trạm quan trắc nước thải tự động cho CCN Tràng Duệ (demo).', 14, true),
    petition(BUSINESS, 'renewable_energy', 20, 'Đề nghị rút ngắn thời gian thỏa thuận đấu nối với công ty điện lực (demo).', 6),
  ],
  [
    petition(NHOM, 'epr', 5, 'Đề nghị thống nhất mã sản phẩm bao bì nhôm giữa cổng EPR quốc gia và hệ thống của Sở (demo).', 3, true),
    petition(AC_QUY, 'epr', 30, 'Đề nghị xem xét lại hồ sơ EPR ắc quy bị từ chối sau khi đã bổ sung tờ khai hải quan (demo).', 11),
  ],
  [
    petition(BAO_BI, 'green_transformation', 6, 'Đề nghị tổ chức tập huấn về tiêu chí doanh nghiệp sinh thái cho các CCN (demo).', 5),
    petition(THEP, 'emissions', 20, 'Đề nghị hướng dẫn nộp báo cáo kiểm kê khí nhà kính năm 2025 khi chưa có hệ số lưới điện chính thức (demo).'),
    { ...petition(THUC_PHAM, 'other', 38, 'Đề nghị công khai danh sách đơn vị tư vấn lắp đặt điện mặt trời đạt chuẩn (demo).'), unassigned: true },
  ],
];
