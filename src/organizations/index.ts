export { OrganizationModel, type Organization } from './organization.model';
export { IndustrialComplexModel, type IndustrialComplex } from './industrial-complex.model';
export { isValidTaxCode, normalizeTaxCode, makeTaxCode } from './tax-code';
export { organizationNamesByIds } from './organization-names';
