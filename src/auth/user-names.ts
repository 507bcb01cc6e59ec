import { UserModel } from './user.model';

/**
 * Names of the users with these ids. Read one by one by `_id` (the one lookup FerretDB serves from an index;
 * a `$in` would decode the whole collection), so the cost follows the page, not the number of users.
 */
export async function userNamesByIds(ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f]{24}$/.test(id));
  const users = await Promise.all(unique.map((id) => UserModel.findById(id, { name: 1 }).lean()));
  return new Map(users.filter((user) => user !== null).map((user) => [String(user._id), user.name]));
}
