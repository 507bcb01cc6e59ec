import { UserModel } from './user.model';

/** Officers a dossier can be assigned to (active ones), by name. MongoDB: the { role } index; FerretDB scans users. */
export async function assignableOfficers() {
  const officers = await UserModel.find({ role: 'officer', active: true }, { name: 1, email: 1 }).sort({ name: 1 }).lean();
  return officers.map((o) => ({ id: String(o._id), name: o.name, email: o.email }));
}
