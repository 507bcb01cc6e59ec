import { shortLived } from '../db';
import { Types } from 'mongoose';
import { UserModel } from './user.model';

/** Officers a dossier can be assigned to (active ones), by name. MongoDB: the { role } index; FerretDB scans users. */
/** Offered for assignment (kept 30 s: an assignment itself checks the officer by `_id`, activeOfficerId). */
export const assignableOfficers = shortLived(30_000, async () => {
  const officers = await UserModel.find({ role: 'officer', active: true }, { name: 1, email: 1 }).sort({ name: 1 }).lean();
  return officers.map((o) => ({ id: String(o._id), name: o.name, email: o.email }));
});

/** The id of an active officer with this id (by `_id`), or null: whom a dossier may be assigned to. */
export async function activeOfficerId(id: string): Promise<string | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  const officer = await UserModel.findOne({ _id: id, role: 'officer', active: true }, { _id: 1 }).lean();
  return officer ? String(officer._id) : null;
}
