import ExcelJS from 'exceljs';
import type { Actor } from '../auth';
import { AppError } from '../errors';
import { organizationProfile } from '../organizations';
import { describeApplication } from './application.service';
import type { EprObligationResult } from './calculators/epr-obligation.calculator';
import type { CalculationRecord } from './calculators/legal-value';

/**
 * What an EPR producer or importer files on the national EPR portal of the Ministry of Agriculture and Environment
 * (Decree 08/2022 Art. 87; forms of Circular 07/2025: 01 recycling plan registration, 02 results report), prepared
 * from its dossier here: the province keeps its dossier, the national filing is the producer's. The shape is
 * documented in docs/EPR-EXPORT.md; the portal's own field names are not published where we could read them, so
 * this is our shape, versioned.
 */
export const EPR_EXPORT_SCHEMA = { name: 'hp-green/epr-portal-export', version: 1 } as const;

export interface EprPortalExport {
  schema: typeof EPR_EXPORT_SCHEMA;
  generatedAt: string;
  dossier: { code: string; nationalCode?: string; state: string; decidedAt?: string };
  producer: { taxCode: string; name: string; role: 'producer' | 'importer' };
  registration: {
    form: '01';
    reportingYear: number;
    complianceMethod: 'recycle' | 'contribute';
    previousYearAmountVnd: number;
    exempt: boolean;
    products: {
      productCode: string;
      name: { vi: string; en: string };
      placedOnMarketKg: number;
      exportedKg: number;
      obligated: boolean;
      ratePercent: number | null;
      recyclingObligationKg: number;
      recyclingCostNormVndPerKg: number | null;
      contributionVnd: number;
      explanation: { vi: string; en: string };
    }[];
    totals: { recyclingObligationKg: number; contributionVnd: number };
  };
  resultsReport: {
    form: '02';
    reportingYear: number;
    /** Achieved recycling is the producer's to report: left empty here, one line per obligated product. */
    lines: { productCode: string; recyclingObligationKg: number; achievedKg: null; recycler: null }[];
  };
  calculation: { formula: { vi: string; en: string }; legalBasis: readonly string[]; usesUnverifiedValues: boolean; factors: { name: { vi: string; en: string }; value: number; unit: string; source: string; verified: boolean }[] };
}

type EprData = { reportingYear?: number; role?: 'producer' | 'importer'; complianceMethod?: 'recycle' | 'contribute'; previousYearAmountVnd?: number; productLines?: { productCode: string; placedOnMarketKg: number; exportedKg?: number }[] };

export async function eprPortalExport(actor: Actor, dossierId: string, now: Date): Promise<EprPortalExport> {
  const dossier = await describeApplication(actor, dossierId, now);
  if (dossier.type !== 'epr') throw new AppError('not_found', 'Not an EPR dossier', { detail: 'The EPR portal export exists for EPR dossiers only.' });
  const record = dossier.results.eprObligation as CalculationRecord<unknown, EprObligationResult> | undefined;
  const data = dossier.data as EprData;
  if (!record || data.reportingYear === undefined || !data.role) {
    throw new AppError('conflict', 'Obligation not computed', { detail: 'The obligation is computed once the reporting year, role, previous year amount and products are filled in.', extensions: { reason: 'obligation_not_computed' } });
  }
  const organization = await organizationProfile(dossier.organizationId);
  const result = record.result;
  const lines = data.productLines ?? [];
  return {
    schema: EPR_EXPORT_SCHEMA,
    generatedAt: now.toISOString(),
    dossier: { code: dossier.code, ...(dossier.nationalCode ? { nationalCode: dossier.nationalCode } : {}), state: dossier.state, ...(dossier.decidedAt ? { decidedAt: new Date(dossier.decidedAt).toISOString() } : {}) },
    producer: { taxCode: organization?.taxCode ?? '', name: organization?.name ?? '', role: data.role },
    registration: {
      form: '01',
      reportingYear: data.reportingYear,
      complianceMethod: data.complianceMethod ?? 'recycle',
      previousYearAmountVnd: data.previousYearAmountVnd ?? 0,
      exempt: result.exempt,
      products: result.lines.map((line, i) => ({
        productCode: line.productCode,
        name: { vi: line.name.vi, en: line.name.en },
        placedOnMarketKg: lines[i]?.placedOnMarketKg ?? line.massSubjectKg,
        exportedKg: lines[i]?.exportedKg ?? 0,
        obligated: line.obligated,
        ratePercent: line.ratePercent,
        recyclingObligationKg: line.recyclingObligationKg,
        recyclingCostNormVndPerKg: line.recyclingCostNormVndPerKg,
        contributionVnd: line.contributionVnd,
        explanation: { vi: line.explanation.vi, en: line.explanation.en },
      })),
      totals: { recyclingObligationKg: result.totalRecyclingObligationKg, contributionVnd: result.totalContributionVnd },
    },
    resultsReport: {
      form: '02',
      reportingYear: data.reportingYear,
      lines: result.lines.filter((l) => l.obligated).map((l) => ({ productCode: l.productCode, recyclingObligationKg: l.recyclingObligationKg, achievedKg: null, recycler: null })),
    },
    calculation: {
      formula: { vi: record.formula.vi, en: record.formula.en },
      legalBasis: record.legalBasis,
      usesUnverifiedValues: record.usesUnverifiedValues,
      factors: record.factors.map((f) => ({ name: { vi: f.name.vi, en: f.name.en }, value: f.value, unit: f.unit, source: f.source, verified: f.verified })),
    },
  };
}

/** The same as a workbook: form 01, form 02 (achieved figures left for the producer) and how it was computed. */
export async function eprPortalWorkbook(data: EprPortalExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sở Công Thương Hải Phòng';
  const reg = workbook.addWorksheet('Mau01-DangKy');
  reg.addRow(['Mẫu 01 – Đăng ký kế hoạch tái chế (Thông tư 07/2025)']);
  reg.addRow(['Mã số thuế', data.producer.taxCode]);
  reg.addRow(['Tên tổ chức', data.producer.name]);
  reg.addRow(['Vai trò', data.producer.role === 'producer' ? 'Nhà sản xuất' : 'Nhà nhập khẩu']);
  reg.addRow(['Năm báo cáo', data.registration.reportingYear]);
  reg.addRow(['Hồ sơ', data.dossier.nationalCode ?? data.dossier.code]);
  reg.addRow([]);
  reg.addRow(['Mã sản phẩm', 'Sản phẩm, bao bì', 'Khối lượng đưa ra thị trường (kg)', 'Khối lượng xuất khẩu (kg)', 'Tỷ lệ tái chế bắt buộc (%)', 'Khối lượng tái chế bắt buộc (kg)', 'Định mức chi phí tái chế (đồng/kg)', 'Đóng góp tài chính (đồng)']);
  for (const p of data.registration.products) reg.addRow([p.productCode, p.name.vi, p.placedOnMarketKg, p.exportedKg, p.ratePercent, p.recyclingObligationKg, p.recyclingCostNormVndPerKg, p.contributionVnd]);
  reg.addRow(['Tổng', '', '', '', '', data.registration.totals.recyclingObligationKg, '', data.registration.totals.contributionVnd]);
  const results = workbook.addWorksheet('Mau02-BaoCao');
  results.addRow(['Mẫu 02 – Báo cáo kết quả tái chế (Thông tư 07/2025): điền khối lượng đã tái chế và đơn vị tái chế']);
  results.addRow(['Mã sản phẩm', 'Khối lượng tái chế bắt buộc (kg)', 'Khối lượng đã tái chế (kg)', 'Đơn vị tái chế']);
  for (const l of data.resultsReport.lines) results.addRow([l.productCode, l.recyclingObligationKg, null, null]);
  const how = workbook.addWorksheet('CachTinh');
  how.addRow(['Công thức', data.calculation.formula.vi]);
  how.addRow(['Căn cứ pháp lý', data.calculation.legalBasis.join('; ')]);
  how.addRow(['Có giá trị chưa xác minh', data.calculation.usesUnverifiedValues ? 'Có' : 'Không']);
  how.addRow([]);
  how.addRow(['Hệ số', 'Giá trị', 'Đơn vị', 'Nguồn', 'Đã xác minh']);
  for (const f of data.calculation.factors) how.addRow([f.name.vi, f.value, f.unit, f.source, f.verified ? 'Có' : 'Không']);
  for (const p of data.registration.products) how.addRow([p.name.vi, p.explanation.vi]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
