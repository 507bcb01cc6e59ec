/**
 * Which fields a facility's GHG inventory draft still lacks before the province can review it. A missing
 * field is reported with a vi/en label so one supplementation request can list everything at once.
 */
import type { GhgLegalTables } from './ghg-factors.data';
import { DEFAULT_GHG_LEGAL_TABLES } from './ghg-factors.data';
import type { LocalizedText } from './legal-value';

export interface GhgInventoryDraft {
  readonly facilityName?: string;
  readonly taxCode?: string;
  readonly sectorCode?: string;
  readonly dataYear?: number;
  readonly operationalBoundary?: string;
  readonly electricityMwh?: number;
  readonly fuelLines?: readonly { readonly fuelCode?: string; readonly quantity?: number }[];
  readonly contactPerson?: string;
}

export interface MissingInventoryField {
  readonly field: string;
  readonly label: LocalizedText;
}

export interface InventoryCompleteness {
  readonly complete: boolean;
  readonly missing: readonly MissingInventoryField[];
}

const LABELS: Record<string, LocalizedText> = {
  facilityName: { vi: 'Tên cơ sở', en: 'Facility name' },
  taxCode: { vi: 'Mã số thuế', en: 'Tax code' },
  sectorCode: { vi: 'Lĩnh vực (theo Quyết định 13/2024/QĐ-TTg)', en: 'Sector (per Decision 13/2024/QD-TTg)' },
  dataYear: { vi: 'Năm số liệu', en: 'Data year' },
  operationalBoundary: { vi: 'Phạm vi kiểm kê', en: 'Operational boundary' },
  electricityMwh: { vi: 'Điện năng tiêu thụ (MWh)', en: 'Electricity consumed (MWh)' },
  contactPerson: { vi: 'Người liên hệ', en: 'Contact person' },
};

const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
const isMissingNumber = (value: number | undefined): boolean =>
  value === undefined || !Number.isFinite(value) || value < 0;

export function checkGhgInventoryCompleteness(
  draft: GhgInventoryDraft,
  tables: GhgLegalTables = DEFAULT_GHG_LEGAL_TABLES,
): InventoryCompleteness {
  const missing: MissingInventoryField[] = [];
  const add = (field: string, label: LocalizedText) => missing.push({ field, label });
  for (const field of ['facilityName', 'taxCode', 'sectorCode', 'operationalBoundary', 'contactPerson'] as const) {
    if (isBlank(draft[field])) add(field, LABELS[field]!);
  }
  if (draft.dataYear === undefined || !Number.isInteger(draft.dataYear)) add('dataYear', LABELS['dataYear']!);
  // Zero electricity is a valid answer (e.g. fully self-generated); only an absent or invalid one is missing.
  if (isMissingNumber(draft.electricityMwh)) add('electricityMwh', LABELS['electricityMwh']!);
  const knownFuels = new Set(tables.fuelEmissionFactors.map((f) => f.fuelCode));
  (draft.fuelLines ?? []).forEach((line, index) => {
    if (isBlank(line.fuelCode) || !knownFuels.has(line.fuelCode ?? '')) {
      add(`fuelLines[${index}].fuelCode`, { vi: `Loại nhiên liệu (dòng ${index + 1})`, en: `Fuel type (line ${index + 1})` });
    }
    if (isMissingNumber(line.quantity)) {
      add(`fuelLines[${index}].quantity`, { vi: `Lượng nhiên liệu (dòng ${index + 1})`, en: `Fuel quantity (line ${index + 1})` });
    }
  });
  return { complete: missing.length === 0, missing };
}
