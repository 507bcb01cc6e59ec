import { trusted } from 'mongoose';
import { scheduleJob, type JobHandler } from '../jobs';
import { DigestItemModel, type DigestItemRecord } from './digest-item.model';
import { digestDayFor, digestInstant } from './digest-schedule';
import { copyFor } from './mail-copy';
import { resolveUsers } from './recipients';
import { findSentMail, mailErrorCode, sendOnce, type MailDeps } from './send-once';

export const DIGEST_JOB = 'mail-digest';

/** One job per local day, keyed by the day, so every instance may call this at start and it is booked once. */
export async function scheduleDailyDigest(now: Date): Promise<void> {
  const day = digestDayFor(now);
  await scheduleJob({ key: `${DIGEST_JOB}:${day}`, name: DIGEST_JOB, dueAt: digestInstant(day), payload: { day } });
}

const markDigested = (ids: readonly string[], day: string) => DigestItemModel.updateMany({ _id: trusted({ $in: ids }) }, { $set: { digestedOn: day } });

/**
 * Sends each user one digest of the items due by `day` that no digest carried yet (an item queued late for
 * an earlier day rides along). The digest is named `digest:<day>` per recipient, so a retry sends it once;
 * the items it carried are stored with its `sent_mail` record, and a retry that finds the record marks
 * exactly those, never an item that arrived after the mail went out. Returns the number of digests sent.
 */
export async function sendDigests(day: string, deps: MailDeps): Promise<number> {
  const pending = await DigestItemModel.find({ digestedOn: '', digestDay: trusted({ $lte: day }) }).sort({ queuedAt: 1, _id: 1 }).lean<DigestItemRecord[]>();
  const byUser = new Map<string, DigestItemRecord[]>();
  for (const item of pending) byUser.set(item.userId, [...(byUser.get(item.userId) ?? []), item]);
  const users = new Map((await resolveUsers([...byUser.keys()])).map((user) => [user.userId, user]));
  const deliveryKey = `digest:${day}`;
  let sent = 0;
  const failures: string[] = [];
  for (const [userId, items] of byUser) {
    const recipient = users.get(userId);
    // A user who left or was deactivated gets nothing; the items are closed so they do not wait forever.
    if (!recipient) {
      await markDigested(items.map((item) => item._id), day);
      continue;
    }
    try {
      const recorded = await findSentMail(deliveryKey, recipient.address);
      const itemIds = recorded?.itemIds ?? items.map((item) => item._id);
      if (!recorded) {
        const content = copyFor(recipient.locale).digest({ recipientName: recipient.name, day, items });
        if ((await sendOnce(deps, { deliveryKey, template: 'digest', recipient, content, itemIds })) === 'sent') sent++;
      }
      await markDigested(itemIds, day);
    } catch (error) {
      failures.push(mailErrorCode(error));
    }
  }
  if (failures.length > 0) throw new Error(`${failures.length} digest(s) not sent (${[...new Set(failures)].join(', ')}); will retry`);
  return sent;
}

/** Sends the day's digests, then books the next day's job (its key makes that once, even on a retry). */
export function digestJobHandler(deps: MailDeps): JobHandler {
  return async (job) => {
    const { day } = job.payload as { day: string };
    await sendDigests(day, deps);
    await scheduleDailyDigest(digestInstant(day));
  };
}
