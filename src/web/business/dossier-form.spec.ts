import { ECO_CRITERIA, EPR_PRODUCTS, FUEL_EMISSION_FACTORS, type LocalizedText } from '../../applications/calculators';
import type { WorkflowType } from '../../../workflows/workflow-types';

/**
 * What the application form asks for, per dossier type, step by step. Field names are the keys of the
 * type's zod data schema (src/applications/dossier-types), so a zod issue at `data.x` lands on input `x`;
 * row fields are `<list>.<row>.<column>` and evidence fields `evidence.<criterion>`.
 */
export interface Option {
  value: string;
  /** A data-driven label (product, fuel); otherwise the page translates `business.options.<field>.<value>`. */
  label?: LocalizedText;
}

export interface FieldSpec {
  name: string;
  /** `year` is four digits, not a number: no thousands separator, no decimal hint. */
  kind: 'text' | 'textarea' | 'year' | 'integer' | 'number' | 'select' | 'date' | 'lines' | 'yes_no';
  options?: readonly Option[];
  unit?: string;
  /** A label from data (criteria); otherwise `business.fields.<name>`. */
  label?: LocalizedText;
  note?: LocalizedText;
  /** Needed before the dossier can be submitted (its calculation or completeness check reads it); a draft saves without it. */
  required?: boolean;
}

export interface RowsSpec {
  name: string;
  kind: 'rows';
  columns: readonly FieldSpec[];
  maxRows: number;
}

export interface StepSpec {
  key: string;
  fields: readonly (FieldSpec | RowsSpec)[];
}

const choices = (...values: string[]): Option[] => values.map((value) => ({ value }));

const PRODUCT_OPTIONS: Option[] = EPR_PRODUCTS.map((p) => ({ value: p.productCode, label: { vi: p.name_vi, en: p.name_en } }));
const FUEL_OPTIONS: Option[] = FUEL_EMISSION_FACTORS.map((f) => ({ value: f.fuelCode, label: { vi: `${f.name_vi} (${f.activityUnit})`, en: `${f.name_en} (${f.activityUnit})` } }));
const PARK_ONLY: LocalizedText = { vi: 'Chỉ áp dụng cho khu công nghiệp sinh thái', en: 'Applies to eco-industrial parks only' };

const EVIDENCE_FIELDS: FieldSpec[] = ECO_CRITERIA.map((criterion) => ({
  name: `evidence.${criterion.id}`,
  kind: criterion.measure.kind === 'percent_at_least' ? 'number' : 'yes_no',
  unit: criterion.measure.kind === 'percent_at_least' ? '%' : undefined,
  label: { vi: criterion.name_vi, en: criterion.name_en },
  note: criterion.appliesTo.includes('eco_enterprise') ? undefined : PARK_ONLY,
}));

export const FORM_STEPS: Record<WorkflowType, readonly StepSpec[]> = {
  epr: [
    {
      key: 'obligation',
      fields: [
        { name: 'reportingYear', kind: 'year', required: true },
        { name: 'role', kind: 'select', options: choices('producer', 'importer'), required: true },
        { name: 'previousYearAmountVnd', kind: 'integer', unit: 'VND', required: true },
        { name: 'complianceMethod', kind: 'select', options: choices('recycle', 'contribute'), required: true },
      ],
    },
    {
      key: 'productLines',
      fields: [
        {
          name: 'productLines',
          kind: 'rows',
          maxRows: 200,
          columns: [
            { name: 'productCode', kind: 'select', options: PRODUCT_OPTIONS, required: true },
            { name: 'placedOnMarketKg', kind: 'number', unit: 'kg', required: true },
            { name: 'exportedKg', kind: 'number', unit: 'kg' },
          ],
        },
      ],
    },
  ],
  renewable_energy: [
    {
      key: 'site',
      fields: [
        { name: 'siteAddress', kind: 'text' },
        { name: 'ownerKind', kind: 'select', options: choices('household', 'organisation'), required: true },
      ],
    },
    {
      key: 'system',
      fields: [
        { name: 'capacityKw', kind: 'number', unit: 'kW', required: true },
        { name: 'gridConnection', kind: 'select', options: choices('off_grid', 'grid_no_export', 'grid_surplus_sale'), required: true },
        { name: 'annualOutputKwh', kind: 'number', unit: 'kWh' },
        { name: 'surplusSoldKwh', kind: 'number', unit: 'kWh' },
      ],
    },
  ],
  emissions_reduction: [
    {
      key: 'facility',
      fields: [
        { name: 'facilityName', kind: 'text', required: true },
        { name: 'contactPerson', kind: 'text', required: true },
        { name: 'sectorCode', kind: 'text', required: true },
        { name: 'dataYear', kind: 'year', required: true },
        { name: 'operationalBoundary', kind: 'textarea', required: true },
      ],
    },
    {
      key: 'activity',
      fields: [
        { name: 'electricityMwh', kind: 'number', unit: 'MWh', required: true },
        {
          name: 'fuelLines',
          kind: 'rows',
          maxRows: 100,
          columns: [
            { name: 'fuelCode', kind: 'select', options: FUEL_OPTIONS, required: true },
            { name: 'quantity', kind: 'number', required: true },
          ],
        },
        { name: 'annualEnergyToe', kind: 'number', unit: 'TOE' },
        { name: 'annualWasteTonnes', kind: 'number', unit: 't' },
      ],
    },
    {
      key: 'reduction',
      fields: [
        { name: 'reductionTargetTco2e', kind: 'number', unit: 'tCO2e' },
        { name: 'reductionMeasures', kind: 'lines' },
      ],
    },
  ],
  green_transformation: [
    {
      key: 'certificate',
      fields: [
        { name: 'certificateKind', kind: 'select', options: choices('eco_industrial_park', 'eco_enterprise'), required: true },
        { name: 'assessmentDate', kind: 'date', required: true },
        { name: 'transformationPlanSummary', kind: 'textarea' },
      ],
    },
    { key: 'evidence', fields: EVIDENCE_FIELDS },
  ],
};

/** Every field of a type, rows flattened to their column specs (for parsing and re-rendering). */
export function fieldsOf(type: WorkflowType): (FieldSpec | RowsSpec)[] {
  return FORM_STEPS[type].flatMap((step) => step.fields);
}
