import { Types } from 'mongoose';
import { recordAudit } from '../audit';
import type { Actor } from '../auth';
import { notFound, validationFailed } from '../errors';
import { IndustrialComplexModel } from './industrial-complex.model';
import { OrganizationModel } from './organization.model';
import { normalizeTaxCode } from './tax-code';

export interface OrganizationInput {
  taxCode: string;
  kind: 'enterprise' | 'ic_operator';
  name: string;
  nameEn?: string;
  address?: string;
  district?: string;
  sectorVsic?: string;
  size?: 'micro' | 'small' | 'medium' | 'large';
  industrialComplexCode?: string;
  leadershipGender?: 'female' | 'male' | 'other' | 'undisclosed';
}

export interface IndustrialComplexInput {
  code: string;
  kind: 'cluster' | 'park';
  name: string;
  nameEn?: string;
  district: string;
  areaHa: number;
  status: 'planned' | 'operating';
  establishedYear?: number;
  operatorName?: string;
  ecoStatus: 'none' | 'pilot' | 'candidate' | 'certified';
  source?: string;
  demo: boolean;
}

const idOrNotFound = (what: string, id: string) => {
  if (!Types.ObjectId.isValid(id)) throw notFound(`${what} ${id}`);
  return new Types.ObjectId(id);
};

/** Empty optional fields are removed rather than stored as empty strings. */
function split<T extends object>(input: T): { $set: Record<string, unknown>; $unset: Record<string, 1> } {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, 1> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === '') $unset[key] = 1;
    else $set[key] = value;
  }
  return { $set, $unset };
}

export async function listOrganizations(q?: string) {
  const all = await OrganizationModel.find().sort({ name: 1 }).limit(2000).lean();
  const needle = q?.trim().toLowerCase();
  return needle ? all.filter((o) => o.name.toLowerCase().includes(needle) || o.taxCode.includes(needle)) : all;
}

export async function findOrganization(id: string) {
  const organization = await OrganizationModel.findById(idOrNotFound('Organization', id)).lean();
  if (!organization) throw notFound(`Organization ${id}`);
  return organization;
}

/** Creates or edits an organization; the tax code is checked (check digit) and must be unique. */
export async function saveOrganization(actor: Actor, id: string | undefined, input: OrganizationInput, now: Date): Promise<string> {
  const taxCode = normalizeTaxCode(input.taxCode);
  if (!taxCode) throw validationFailed([{ field: 'taxCode', message: 'admin.organizations.errors.taxCode' }]);
  const holder = await OrganizationModel.findOne({ taxCode }, { _id: 1 }).lean();
  if (holder && String(holder._id) !== id) throw validationFailed([{ field: 'taxCode', message: 'admin.organizations.errors.taxCodeTaken' }]);
  if (input.industrialComplexCode && !(await IndustrialComplexModel.exists({ code: input.industrialComplexCode }))) {
    throw validationFailed([{ field: 'industrialComplexCode', message: 'admin.organizations.errors.unknownComplex' }]);
  }
  const values = { ...input, taxCode };
  let targetId = id;
  if (id) {
    const existing = await findOrganization(id);
    await OrganizationModel.updateOne({ _id: existing._id }, split(values), { runValidators: true });
  } else {
    const created = await OrganizationModel.create(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')));
    targetId = String(created._id);
  }
  await recordAudit({ at: now, actor, action: id ? 'organization.updated' : 'organization.created', target: { kind: 'organization', id: targetId!, label: input.name }, changedFields: Object.keys(input) });
  return targetId!;
}

export async function listIndustrialComplexes() {
  return IndustrialComplexModel.find().sort({ code: 1 }).limit(2000).lean();
}

export async function findIndustrialComplex(id: string) {
  const complex = await IndustrialComplexModel.findById(idOrNotFound('Industrial complex', id)).lean();
  if (!complex) throw notFound(`Industrial complex ${id}`);
  return complex;
}

export async function saveIndustrialComplex(actor: Actor, id: string | undefined, input: IndustrialComplexInput, now: Date): Promise<string> {
  const holder = await IndustrialComplexModel.findOne({ code: input.code }, { _id: 1 }).lean();
  if (holder && String(holder._id) !== id) throw validationFailed([{ field: 'code', message: 'admin.complexes.errors.codeTaken' }]);
  const { ecoStatus, ...rest } = input;
  const values = { ...rest, 'ecoIndustrialPark.status': ecoStatus };
  let targetId = id;
  if (id) {
    const existing = await findIndustrialComplex(id);
    await IndustrialComplexModel.updateOne({ _id: existing._id }, split(values), { runValidators: true });
  } else {
    const created = await IndustrialComplexModel.create({ ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== '')), ecoIndustrialPark: { status: ecoStatus } });
    targetId = String(created._id);
  }
  await recordAudit({ at: now, actor, action: id ? 'industrial_complex.updated' : 'industrial_complex.created', target: { kind: 'industrial_complex', id: targetId!, label: input.code }, changedFields: Object.keys(input) });
  return targetId!;
}
