import { Schema, model, trusted, Types } from 'mongoose';
import { insertIfAbsent } from '../db';

/**
 * A verified registration waiting for a decision: a new organization (the DOIT decides, unless registrations
 * are approved automatically) or a person joining an organization that exists (its administrator decides).
 * `_id` is the verification token's id, so opening the link twice makes one request. The decision is a record
 * of its own, inserted once: two administrators deciding together cannot both win.
 */
const accountRequestSchema = new Schema(
  {
    _id: String,
    kind: { type: String, enum: ['new_organization', 'join'], required: true },
    /** Allocated at verification, so approving twice creates nothing twice. */
    organizationId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    organization: { type: Schema.Types.Mixed, default: {} },
    person: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    ip: String,
  },
  { versionKey: false, minimize: false },
);
export const AccountRequestModel = model('AccountRequest', accountRequestSchema, 'account_requests');

const decisionSchema = new Schema(
  {
    _id: String,
    outcome: { type: String, enum: ['approved', 'refused'], required: true },
    memberRole: String,
    reason: String,
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
export const AccountRequestDecisionModel = model('AccountRequestDecision', decisionSchema, 'account_request_decisions');

export interface RegisteredPerson {
  name: string;
  position?: string;
  email: string;
  phone?: string;
  locale: 'vi' | 'en';
  passwordHash: string;
}

export interface RegisteredOrganization {
  taxCode: string;
  name: string;
  kind: 'enterprise' | 'ic_operator';
  province: string;
  commune: string;
  address: string;
  phone?: string;
  leadershipGender?: string;
  employeesByGender?: { female?: number; male?: number; other?: number };
}

export interface AccountRequestRecord {
  _id: string;
  kind: 'new_organization' | 'join';
  organizationId: Types.ObjectId;
  userId: Types.ObjectId;
  organization: Partial<RegisteredOrganization>;
  person: RegisteredPerson;
  createdAt: Date;
  ip?: string;
}

export interface AccountRequestDecision {
  _id: string;
  outcome: 'approved' | 'refused';
  memberRole?: string;
  reason?: string;
  by: string;
  at: Date;
}

export const newIds = () => ({ organizationId: new Types.ObjectId(), userId: new Types.ObjectId() });

export async function recordRequest(request: AccountRequestRecord): Promise<AccountRequestRecord> {
  await insertIfAbsent(AccountRequestModel, { ...request });
  return (await AccountRequestModel.findById(request._id).lean<AccountRequestRecord>())!;
}

/** Decides once: the first decision stands and is answered to every caller. */
export async function decideOnce(decision: AccountRequestDecision): Promise<AccountRequestDecision> {
  await insertIfAbsent(AccountRequestDecisionModel, { ...decision });
  return (await AccountRequestDecisionModel.findById(decision._id).lean<AccountRequestDecision>())!;
}

export const decisionOf = (requestId: string) => AccountRequestDecisionModel.findById(requestId).lean<AccountRequestDecision>();

/** Requests without a decision, oldest first, of one kind (and, for joins, one organization). */
export async function pendingRequests(filter: { kind: 'new_organization' | 'join'; organizationId?: string }): Promise<AccountRequestRecord[]> {
  const requests = await AccountRequestModel.find({ kind: filter.kind, ...(filter.organizationId ? { organizationId: new Types.ObjectId(filter.organizationId) } : {}) })
    .sort({ createdAt: 1 })
    .limit(500)
    .lean<AccountRequestRecord[]>();
  const decided = new Set((await AccountRequestDecisionModel.find({ _id: trusted({ $in: requests.map((r) => r._id) }) }, { _id: 1 }).lean<{ _id: string }[]>()).map((d) => d._id));
  return requests.filter((request) => !decided.has(request._id));
}

export const requestById = (id: string) => AccountRequestModel.findById(id).lean<AccountRequestRecord>();
