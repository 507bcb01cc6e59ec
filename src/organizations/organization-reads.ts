import { shortLived } from '../db';
import { trusted, Types } from 'mongoose';
import { IndustrialComplexModel } from './industrial-complex.model';
import { OrganizationModel } from './organization.model';

/** What other rooms show or compute of an organization: its name, tax code and district (by `_id`). */
export interface OrganizationProfile {
  _id: Types.ObjectId;
  name: string;
  taxCode: string;
  district?: string | null;
}

export async function organizationProfile(id: unknown): Promise<OrganizationProfile | null> {
  return OrganizationModel.findById(id, { name: 1, taxCode: 1, district: 1 }).lean<OrganizationProfile>();
}

/** Who the National Public Service Portal names as a dossier's holder: name, tax code and contact (by `_id`). */
export async function organizationHolder(id: unknown): Promise<{ name: string; taxCode: string; email?: string; phone?: string } | null> {
  const found = await OrganizationModel.findById(id, { name: 1, taxCode: 1, contact: 1 }).lean<{ name: string; taxCode: string; contact?: { email?: string; phone?: string } }>();
  if (!found) return null;
  return { name: found.name, taxCode: found.taxCode, ...(found.contact?.email ? { email: found.contact.email } : {}), ...(found.contact?.phone ? { phone: found.contact.phone } : {}) };
}

export async function organizationExists(id: string): Promise<boolean> {
  return Types.ObjectId.isValid(id) && (await OrganizationModel.exists({ _id: id })) !== null;
}

/** The optional gender facts the Provincial Green Index disaggregates by (DOMAIN §8: never mandatory). */
export interface OrganizationGenderFacts {
  leadershipGender?: string | null;
  employeesByGender?: { female?: number | null; male?: number | null; other?: number | null } | null;
}
const GENDER_FIELDS = { leadershipGender: 1, employeesByGender: 1 } as const;

export async function organizationGenderFacts(id: unknown): Promise<OrganizationGenderFacts | null> {
  return OrganizationModel.findById(id, GENDER_FIELDS).lean<OrganizationGenderFacts>();
}

/**
 * The same for many organizations (or all), by id. Above this many ids a whole-collection read beats `$in`:
 * FerretDB 1.24 checks `$in` against each document in its own process.
 */
const IN_LIMIT = 500;
export async function organizationsGenderFacts(ids: string[] | 'all'): Promise<Map<string, OrganizationGenderFacts>> {
  const filter = ids === 'all' || ids.length > IN_LIMIT ? {} : { _id: trusted({ $in: ids }) };
  const organizations = await OrganizationModel.find(filter, GENDER_FIELDS).lean<(OrganizationGenderFacts & { _id: unknown })[]>();
  return new Map(organizations.map((organization) => [String(organization._id), organization]));
}

/** Every organization by name, for a choice on a form (at most 2,000, like the admin list). */
export async function organizationChoices(): Promise<{ id: string; name: string; taxCode: string }[]> {
  const organizations = await OrganizationModel.find({}, { name: 1, taxCode: 1 }).sort({ name: 1 }).limit(2000).lean();
  return organizations.map((o) => ({ id: String(o._id), name: o.name, taxCode: o.taxCode }));
}

/** Every industrial complex by code, for a filter on a page. */
/** The industrial complexes for filters and forms (kept 60 s: the list changes with a provincial decision). */
export const industrialComplexChoices = shortLived(60_000, async (): Promise<{ code: string; name: string }[]> => {
  const complexes = await IndustrialComplexModel.find({}, { code: 1, name: 1 }).sort({ code: 1 }).lean();
  return complexes.map((c) => ({ code: c.code, name: c.name }));
});

/** Whether a code names a registered industrial park or cluster (the dossier form offers only those). */
export async function industrialComplexExists(code: string): Promise<boolean> {
  return (await industrialComplexChoices()).some((complex) => complex.code === code) || (await IndustrialComplexModel.exists({ code })) !== null;
}
