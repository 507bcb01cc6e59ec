export type { Organization } from './organization.model';
export type { IndustrialComplex } from './industrial-complex.model';
export { isValidTaxCode, normalizeTaxCode, makeTaxCode } from './tax-code';
export { organizationNamesByIds } from './organization-names';
export {
  organizationProfile,
  organizationHolder,
  organizationExists,
  organizationGenderFacts,
  organizationsGenderFacts,
  organizationChoices,
  industrialComplexChoices,
  industrialComplexExists,
  type OrganizationProfile,
  type OrganizationGenderFacts,
} from './organization-reads';
export {
  findIndustrialComplex,
  findOrganization,
  listIndustrialComplexes,
  listOrganizations,
  saveIndustrialComplex,
  saveOrganization,
  type IndustrialComplexInput,
  type OrganizationInput,
} from './organization-admin.service';
export { organizationSummary, organizationByTaxCode, createRegisteredOrganization, setGenderFacts, type OrganizationSummary, type RegisteredOrganizationInput } from './organization-accounts';
