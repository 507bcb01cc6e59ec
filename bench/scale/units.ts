import { BSON, ObjectId, type Db, type Document } from 'mongodb';

/**
 * Collections that belong to the installation, not to one dossier or petition: never copied per unit.
 * Everything else is searched for records that name a template (its id, or its code), so a collection a
 * later change adds (a read model, a projection) is copied with its dossier without touching this file.
 */
/** Change notes of the live directories are one installation's last minutes of writes, never a unit's record. */
const isInstallationCollection = (name: string) => INSTALLATION_COLLECTIONS.has(name) || name.startsWith('live_changes_');
const INSTALLATION_COLLECTIONS = new Set([
  'users', 'organizations', 'industrialcomplexes', 'sessions', 'accesstokens', 'loginattempts', 'accountchanges',
  'seedmarkers', 'sequenceclaims', 'sequencehints', 'holidayentries', 'dialogueconferences', 'dialogueexports',
  'pgiperiodcloses', 'pgiperiodreopens', 'mailpreferences',
]);

export const ROOT_COLLECTIONS = { dossier: 'applications', petition: 'petitions' } as const;
export type UnitKind = keyof typeof ROOT_COLLECTIONS;

/** A template dossier or petition with every record that names it, as relaxed EJSON text per collection. */
export interface Unit {
  kind: UnitKind;
  rootId: string;
  code: string;
  organizationId: string;
  /** The dossier's state ('' for a petition): open dossiers are copied apart from closed ones. */
  state: string;
  /** The earliest pending job of the unit: a copy is never shifted so far back that it falls due. */
  earliestPendingJob?: Date;
  /** Ids of the unit's own records (ObjectId hex, or a UUID), replaced in every copy. */
  ownIds: string[];
  records: Record<string, string[]>;
}

export const OBJECT_ID = /^[0-9a-f]{24}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const QUOTED_UUID = /"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g;

const text = (doc: Document) => BSON.EJSON.stringify(doc, { relaxed: true });

/** Reads every record of the (small) template database once and groups it by the dossier or petition it names. */
export async function collectUnits(db: Db): Promise<Unit[]> {
  const collections = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((name) => !isInstallationCollection(name));
  const all = new Map<string, Document[]>();
  for (const name of collections) all.set(name, await db.collection(name).find().toArray());
  const claimed = new Set<string>();

  const units: Unit[] = [];
  for (const [kind, rootCollection] of Object.entries(ROOT_COLLECTIONS) as [UnitKind, string][]) {
    for (const root of all.get(rootCollection) ?? []) {
      const rootId = String(root._id);
      const keys = new Set([rootId, String(root.code)]);
      const records: Record<string, string[]> = { [rootCollection]: [text(root)] };
      // Two rounds: records naming the dossier (documents, certificates), then records naming those (audit entries).
      for (let round = 0; round < 2; round++) {
        for (const [name, docs] of all) {
          if (name === rootCollection) continue;
          for (const doc of docs) {
            const key = `${name}/${String(doc._id)}`;
            if (claimed.has(key)) continue;
            const serialized = text(doc);
            if (![...keys].some((k) => serialized.includes(k))) continue;
            claimed.add(key);
            (records[name] ??= []).push(serialized);
            if (doc._id instanceof ObjectId) keys.add(doc._id.toHexString());
            // UUIDs (audit entry ids, upload storage keys) are unique per record too.
            for (const uuid of serialized.match(QUOTED_UUID) ?? []) keys.add(uuid.slice(1, -1));
          }
        }
      }
      const pending = (records.scheduler_jobs ?? []).map((t) => BSON.EJSON.parse(t) as Document).filter((j) => j.status === 'pending').map((j) => j.dueAt as Date);
      units.push({
        kind,
        rootId,
        code: String(root.code),
        organizationId: String(root.organizationId),
        state: kind === 'dossier' ? String(root.state) : '',
        earliestPendingJob: pending.length > 0 ? new Date(Math.min(...pending.map((d) => d.getTime()))) : undefined,
        ownIds: [...keys].filter((k) => OBJECT_ID.test(k) || UUID.test(k)),
        records,
      });
    }
  }
  return units;
}
