import { VIETNAM_UTC_OFFSET_MINUTES } from '../calendar';
import type { NationalDossier, NationalStep } from '../applications';

/**
 * The two records the National Public Service Portal (DVCQG) takes, built from a dossier as it stood after one
 * progress step. Pure; the contract (field names, formats, code lists) is docs/DVCQG.md, as public integrations
 * describe it (unverified).
 */

/** `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh, the portal's one date format. */
export function portalTime(instant: Date): string {
  const local = new Date(instant.getTime() + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  return local.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** What the records need besides the dossier: names and codes from the catalogue, the holder and the files. */
export interface RecordContext {
  unitName: string;
  procedure: { procedureCode: string; fieldCode: string; name: string };
  holder: { name: string; taxCode: string; email?: string; phone?: string };
  documents: { id: string; name: string }[];
  certificate?: { number: string; title: string; verifyUrl: string };
  /** Words the records carry in Vietnamese (the portal's language). */
  wording: { eventLabel: (event: string) => string; roleTitle: (role: string) => string; applicantUnit: string; system: string };
}

/** Business (2): every holder here is an enterprise or an industrial complex operator. */
const BUSINESS = '2';
/** Filed online (2): the system takes dossiers only through its own pages and API. */
const ONLINE = '2';

export interface DossierRecord {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  ChuHoSo: string;
  LoaiDoiTuong: string;
  MaDoiTuong: string;
  Email?: string;
  SoDienThoai?: string;
  TrichYeuHoSo: string;
  NgayTiepNhan: string;
  NgayHenTra: string;
  TrangThaiHoSo: string;
  NgayTra?: string;
  HinhThuc: string;
  NgayKetThucXuLy?: string;
  DonViXuLy: string;
  DanhSachLePhi: { TenPhiLePhi: string; MaPhiLePhi: string; Gia: number }[];
  DanhSachHoSoBoSung: { NgayYeuCauBoSung: string; NgayNopBoSung?: string }[];
  TaiLieuNop: { TepDinhKemId: string; TenTepDinhKem: string }[];
  DanhSachGiayToKetQua: { MaGiayTo: string; TenGiayTo: string; DuongDanTepTin: string }[];
}

export interface ProgressRecord {
  MaHoSo: string;
  NguoiXuLy: string;
  ChucDanh: string;
  ThoiDiemXuLy: string;
  PhongBanXuLy: string;
  NoiDungXuLy: string;
  TrangThai: string;
  NgayBatDau: string;
  NgayKetThucTheoQuyDinh?: string;
}

/** The dossier as the portal stores it, with the status the step left it in (`DongBoHoSoMC`). */
export function dossierRecord(dossier: NationalDossier, step: NationalStep, context: RecordContext): DossierRecord {
  const decided = step.status >= 9;
  const returned = step.status === 10 && dossier.returnedAt;
  return {
    MaHoSo: dossier.nationalCode,
    MaTTHC: context.procedure.procedureCode,
    TenTTHC: context.procedure.name,
    MaLinhVuc: context.procedure.fieldCode,
    ChuHoSo: context.holder.name,
    LoaiDoiTuong: BUSINESS,
    MaDoiTuong: context.holder.taxCode,
    ...(context.holder.email ? { Email: context.holder.email } : {}),
    ...(context.holder.phone ? { SoDienThoai: context.holder.phone } : {}),
    TrichYeuHoSo: dossier.title,
    NgayTiepNhan: portalTime(dossier.receivedAt),
    NgayHenTra: portalTime(dossier.appointmentAt ?? dossier.receivedAt),
    TrangThaiHoSo: String(step.status),
    ...(returned ? { NgayTra: portalTime(dossier.returnedAt!) } : {}),
    HinhThuc: ONLINE,
    ...(decided && dossier.decidedAt ? { NgayKetThucXuLy: portalTime(dossier.decidedAt) } : {}),
    DonViXuLy: context.unitName,
    DanhSachLePhi: [],
    DanhSachHoSoBoSung: dossier.supplementations.map((s) => ({ NgayYeuCauBoSung: portalTime(s.requestedAt), ...(s.resubmittedAt ? { NgayNopBoSung: portalTime(s.resubmittedAt) } : {}) })),
    TaiLieuNop: context.documents.map((d) => ({ TepDinhKemId: d.id, TenTepDinhKem: d.name })),
    DanhSachGiayToKetQua: decided && context.certificate ? [{ MaGiayTo: context.certificate.number, TenGiayTo: context.certificate.title, DuongDanTepTin: context.certificate.verifyUrl }] : [],
  };
}

/**
 * One progress step (`CapNhatTienDoHoSoMC`). The content is the step's public name only: an officer's comment
 * may be an internal note, and the portal is read by the applicant.
 */
export function progressRecord(dossier: NationalDossier, step: NationalStep, context: RecordContext): ProgressRecord {
  const byApplicant = step.actor.role === 'business' || step.actor.role === 'ic_operator';
  const bySystem = step.actor.kind === 'system';
  return {
    MaHoSo: dossier.nationalCode,
    NguoiXuLy: bySystem ? context.wording.system : (step.actor.name ?? context.wording.roleTitle(step.actor.role)),
    ChucDanh: context.wording.roleTitle(bySystem ? 'system' : step.actor.role),
    ThoiDiemXuLy: portalTime(step.at),
    PhongBanXuLy: byApplicant ? context.wording.applicantUnit : context.unitName,
    NoiDungXuLy: context.wording.eventLabel(step.event),
    TrangThai: String(step.status),
    NgayBatDau: portalTime(step.at),
    ...(dossier.dueAt ? { NgayKetThucTheoQuyDinh: portalTime(dossier.dueAt) } : {}),
  };
}
