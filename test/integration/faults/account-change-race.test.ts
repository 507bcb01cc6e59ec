import { Types } from 'mongoose';
import { changeRole, setActive, hashPassword, type Actor } from '../../../src/auth';
import { useTestDatabase } from '../../support/test-database';
import { UserModel } from '../../../src/auth/user.model';

const ROUNDS = 50;

/**
 * Two administrators change one account at the same moment, one its role and one its active flag. On FerretDB
 * two plain updates of one document race (each rewrites the whole document), so a deactivation could come
 * undone. Through the account change log both changes must hold, every round.
 */
describe('fault: two administrators changing one account', () => {
  useTestDatabase();
  const adminA: Actor = { kind: 'user', userId: String(new Types.ObjectId()), role: 'admin', name: 'Quản trị A' };
  const adminB: Actor = { kind: 'user', userId: String(new Types.ObjectId()), role: 'admin', name: 'Quản trị B' };

  it(`when a role change and a deactivation race ${ROUNDS} times, then both hold every time`, async () => {
    const passwordHash = await hashPassword('Test-Password-123');
    let lost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const user = await UserModel.create({ email: `race-${round}-${new Types.ObjectId()}@test.example.vn`, name: 'Cán bộ', role: 'officer', passwordHash });
      const id = String(user._id);
      await Promise.all([changeRole(adminA, id, 'leader', new Date()), setActive(adminB, id, false, new Date())]);
      const after = await UserModel.findById(id).lean();
      if (after?.role !== 'leader' || after.active !== false) lost++;
    }
    process.stdout.write(`account change race: ${JSON.stringify({ rounds: ROUNDS, lostChanges: lost })}\n`);
    expect(lost).toBe(0);
  });
});
