import { OrganizationModel } from './organization.model';

/** Names of the organizations with these ids, read by `_id` one by one (see userNamesByIds for why). */
export async function organizationNamesByIds(ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f]{24}$/.test(id));
  const organizations = await Promise.all(unique.map((id) => OrganizationModel.findById(id, { name: 1 }).lean()));
  return new Map(organizations.filter((o) => o !== null).map((o) => [String(o._id), o.name]));
}
