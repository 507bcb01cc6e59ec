import { WORKFLOW_TYPES } from '../../workflows/workflow-types';
import { findProcedure } from '../applications/procedures';
import { localDateOf } from '../calendar';
import { certificateDirectory } from './certificate-directory';
import { effectiveStatus } from './certificate.service';
import type { CertificateRecord } from './certificate.model';

/**
 * The register as open data (docs/OPEN-DATA.md): every certificate ever issued, valid, expired or revoked, with
 * what identifies it and its status, and nothing about people (holders are organizations; no dossier data, no
 * signer, no reasons). The field names and their meaning are the published schema: change them only with a new
 * schema version.
 */
export const OPEN_DATA_SCHEMA_VERSION = '1.0';
export const OPEN_DATA_FIELDS = ['number', 'type', 'typeName', 'holderName', 'issuedOn', 'expiresOn', 'status', 'revokedOn', 'verificationUrl'] as const;
export type OpenCertificate = Record<(typeof OPEN_DATA_FIELDS)[number], string | null>;

const dateOf = (value: Date | string | undefined | null) => (value ? localDateOf(new Date(value)) : null);

function openRecord(certificate: CertificateRecord, now: Date, baseUrl: string): OpenCertificate {
  return {
    number: certificate.number,
    type: certificate.type,
    typeName: (WORKFLOW_TYPES as readonly string[]).includes(certificate.type) ? findProcedure(certificate.type).name_vi : certificate.type,
    holderName: certificate.holderName,
    issuedOn: dateOf(certificate.issuedAt),
    expiresOn: dateOf(certificate.expiresAt),
    status: effectiveStatus(certificate, now),
    revokedOn: dateOf(certificate.revokedAt),
    verificationUrl: `${baseUrl}/certificates/verify?code=${encodeURIComponent(certificate.verificationCode)}`,
  };
}

/** Every certificate, oldest first (a stable order: a new one is appended), as open records. */
export async function openCertificates(now: Date, baseUrl: string): Promise<OpenCertificate[]> {
  const all = [...(await certificateDirectory()).all()].sort((a, b) => new Date(a.issuedAt).getTime() - new Date(b.issuedAt).getTime() || a.number.localeCompare(b.number));
  return all.map((certificate) => openRecord(certificate, now, baseUrl));
}

/** RFC 4180 CSV with a header row, UTF-8 with a byte-order mark so spreadsheet programs read the diacritics. */
export function openCertificatesCsv(records: readonly OpenCertificate[]): string {
  const cell = (value: string | null) => (value === null ? '' : /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `\uFEFF${[OPEN_DATA_FIELDS.join(','), ...records.map((record) => OPEN_DATA_FIELDS.map((field) => cell(record[field])).join(','))].join('\r\n')}\r\n`;
}

/** The schema as data (JSON Schema 2020-12 for one item), served at /open-data/schema and described in docs/OPEN-DATA.md. */
export const OPEN_DATA_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Giấy chứng nhận, xác nhận do Sở Công Thương thành phố Hải Phòng cấp',
  version: OPEN_DATA_SCHEMA_VERSION,
  type: 'object',
  required: [...OPEN_DATA_FIELDS],
  properties: {
    number: { type: 'string', description: 'Số giấy chứng nhận (certificate number), e.g. 00012/2026/GCN-SCT-EPR' },
    type: { type: 'string', enum: [...WORKFLOW_TYPES], description: 'Thủ tục (procedure code)' },
    typeName: { type: 'string', description: 'Tên thủ tục (procedure name, Vietnamese)' },
    holderName: { type: 'string', description: 'Tổ chức được cấp (holder: an enterprise or industrial-complex operator)' },
    issuedOn: { type: 'string', format: 'date', description: 'Ngày cấp (issue date, Asia/Ho_Chi_Minh)' },
    expiresOn: { type: ['string', 'null'], format: 'date', description: 'Ngày hết hiệu lực; null: không thời hạn (expiry date; null: no expiry)' },
    status: { type: 'string', enum: ['valid', 'expired', 'revoked'], description: 'Tình trạng hôm nay (status today)' },
    revokedOn: { type: ['string', 'null'], format: 'date', description: 'Ngày thu hồi (revocation date)' },
    verificationUrl: { type: 'string', format: 'uri', description: 'Trang tra cứu công khai (public verification page)' },
  },
} as const;
