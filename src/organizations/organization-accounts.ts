import { Types } from 'mongoose';
import { insertIfAbsent } from '../db';
import { OrganizationModel } from './organization.model';

/** An organization as the account journeys need it. */
export interface OrganizationSummary {
  id: string;
  name: string;
  kind: 'enterprise' | 'ic_operator';
  taxCode: string;
}

const summaryOf = (o: { _id: unknown; name: string; kind: string; taxCode: string }): OrganizationSummary => ({ id: String(o._id), name: o.name, kind: o.kind === 'ic_operator' ? 'ic_operator' : 'enterprise', taxCode: o.taxCode });

export async function organizationSummary(id: string): Promise<OrganizationSummary | undefined> {
  const organization = Types.ObjectId.isValid(id) ? await OrganizationModel.findById(id, { name: 1, kind: 1, taxCode: 1 }).lean() : null;
  return organization ? summaryOf(organization) : undefined;
}

export async function organizationByTaxCode(taxCode: string): Promise<OrganizationSummary | undefined> {
  const organization = await OrganizationModel.findOne({ taxCode }, { name: 1, kind: 1, taxCode: 1 }).lean();
  return organization ? summaryOf(organization) : undefined;
}

export interface RegisteredOrganizationInput {
  id: Types.ObjectId;
  taxCode: string;
  kind: 'enterprise' | 'ic_operator';
  name: string;
  address: string;
  district: string;
  contact: { name: string; email: string; phone?: string };
  leadershipGender?: string;
  employeesByGender?: { female?: number; male?: number; other?: number };
}

/**
 * Creates a registered organization with an id chosen ahead. Answers false when another organization holds
 * the tax code (its unique key), true when this one exists.
 */
export async function createRegisteredOrganization(input: RegisteredOrganizationInput): Promise<boolean> {
  const { id, ...fields } = input;
  await insertIfAbsent(OrganizationModel, { _id: id, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) });
  return (await OrganizationModel.exists({ _id: id })) !== null;
}

/**
 * The organization's own administrator keeps its optional gender figures (the PGI disaggregates by them).
 * Only these fields are set; the DOIT's edits of the rest go through the administration pages.
 */
export async function setGenderFacts(id: string, facts: { leadershipGender?: string; employeesByGender?: { female?: number; male?: number } }): Promise<void> {
  const set: Record<string, unknown> = {};
  const unset: Record<string, 1> = {};
  if (facts.leadershipGender) set.leadershipGender = facts.leadershipGender;
  else unset.leadershipGender = 1;
  const counts = facts.employeesByGender;
  if (counts && (counts.female !== undefined || counts.male !== undefined)) set.employeesByGender = Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== undefined));
  else unset.employeesByGender = 1;
  await OrganizationModel.updateOne({ _id: new Types.ObjectId(id) }, { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) }, { runValidators: true });
}
