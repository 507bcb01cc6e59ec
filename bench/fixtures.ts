import { createHash } from 'node:crypto';

/**
 * Documents shaped and sized like the real ones (a SCHEDULE_INSPECTION log entry is about 1.5 KB of JSON, a
 * dossier about 4.5 KB), because on FerretDB/SQLite an insert or update costs roughly in proportion to the
 * JSON it rewrites: a baseline with tiny documents would flatter itself.
 */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function snapshot(at: string, scheduledFor: string) {
  return {
    status: 'active',
    value: 'inspection',
    context: {
      submittedFacts: { obligationComputed: true, complianceMethod: 'recycle', requiredDocumentsMissing: [] },
      firstSubmittedAt: at,
      submittedAt: at,
      acceptedAt: at,
      supplementation: { rounds: 0, lastReasons: [], lastRequestedAt: null },
      overdue: false,
      overdueAt: null,
      warnedAt: null,
      dueAt: null,
      consultation: null,
      inspection: { scheduledAt: at, scheduledFor, recordedAt: null, findings: null, passed: null },
      recommendation: null,
      reviewReturns: { count: 0, lastReasons: [] },
      decision: null,
      closure: null,
    },
  };
}

const DEADLINES = {
  supplementations: [],
  overdue: false,
  receivedAt: '2026-11-02T03:00:00.000Z',
  limitWorkingDays: 15,
  clockMode: 'restart',
  originalDueAt: '2026-11-23T16:59:59.999Z',
  currentDueAt: '2026-11-23T16:59:59.999Z',
  warningAt: '2026-11-19T16:59:59.999Z',
};

/** What the dossier caches after the event: the `$set` of the cache update. */
export function cacheAfter(at: string, scheduledFor: string, sequence: number, hash: string) {
  return { state: 'inspection', snapshot: snapshot(at, scheduledFor), deadlines: DEADLINES, submittedAt: DEADLINES.receivedAt, sequence, lastHash: hash };
}

export function logEntry(dossierId: string, sequence: number, event: Record<string, unknown>, at: string) {
  const prevHash = sha256(`${dossierId}:${sequence - 1}`);
  const scheduledFor = String(event.scheduledFor ?? '2026-12-01');
  return {
    _id: `${dossierId}:${String(sequence).padStart(6, '0')}`,
    dossierId,
    sequence,
    event: { ...event, at },
    actor: { kind: 'user', userId: '6b04a38f984aa57549560b86', name: 'Nguyễn Văn Cán Bộ', role: 'officer' },
    from: 'inspection',
    to: 'inspection',
    at: new Date(at),
    after: { state: 'inspection', snapshot: snapshot(at, scheduledFor), deadlines: DEADLINES, submittedAt: DEADLINES.receivedAt },
    outbox: [],
    prevHash,
    hash: sha256(`${prevHash}${sequence}`),
  };
}

/** A dossier as created: the cache fields plus the computed figures with their factors and legal basis. */
export function dossierDocument(id: string, index: number) {
  const factor = (code: string, value: number) => ({
    code,
    name: { vi: `Hệ số ${code} – Bao bì PET cứng`, en: `Factor ${code} – Rigid PET packaging` },
    value,
    unit: '%',
    source: 'Project domain notes (DOMAIN.md §1), compiled from public law portals and news',
    legalBasis: 'Decree 08/2022/ND-CP Art 78 and Annex XXII (first 3-year period), amended by Decree 05/2025/ND-CP',
    verified: true,
  });
  return {
    _id: id,
    code: `HP-EPR-2026-${String(index + 1).padStart(6, '0')}`,
    title: `EPR bao bì PET 2026 (${index})`,
    workflow: { id: 'epr@v1', version: 1 },
    ...cacheAfter('2026-11-02T03:00:00.000Z', '2026-12-01', 3, sha256(id)),
    results: {
      eprObligation: {
        calculator: 'epr-obligation',
        inputs: { reportingYear: 2026, role: 'producer', previousYearAmountVnd: 50_000_000_000, productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: 500_000 }] },
        formula: { vi: 'Khối lượng tái chế bắt buộc = R × V; Đóng góp tài chính F = R × V × Fs', en: 'Mandatory recycling mass = R × V; Financial contribution F = R × V × Fs' },
        factors: [factor('epr_exemption_threshold', 30), factor('epr_rate', 22), factor('epr_fs', 4), factor('epr_min', 10)],
        result: { totalRecyclingObligationKg: 110_000, totalContributionVnd: 440_000_000 },
      },
    },
  };
}
