import type { EntityManager } from '@mikro-orm/postgresql';
import { replaceQualityFlags, type QualityFlag } from '../../../core/ingest/quality-flags.js';
import { euros } from '../rules/claim.reconcile.js';
import { disputedRenunciations } from '../data/figures.js';

/** A renounced grant whose renunciation day no file gives. */
export const RENUNCIATION_DATE_UNKNOWN = 'GRANT_RENUNCIATION_DATE_UNKNOWN';
/** A grant whose dated observations disagree (a status date a later file contradicts). */
export const STATUS_CONFLICT = 'GRANT_STATUS_CONFLICT';

/**
 * One flag per renounced grant whose renunciation day is not known (no status date) or
 * disputed (a file published after the status date still lists it as funded), on the
 * comune where its body is: between its last observation as active and its first as
 * renounced, as-of figures give it apart as uncertain. Recomputed by the seed and after
 * every grant import, in the caller's transaction.
 */
export async function refreshGrantStateFlags(em: EntityManager): Promise<number> {
  const rows = await disputedRenunciations(em);
  const flags: QualityFlag[] = rows.map((r) => {
    const what = `The measure-${r.measure} grant of ${euros(r.amount)} EUR to ${r.body}`;
    const seen = r.last_active
      ? `still funded in the file published on ${r.last_active}`
      : `funded on ${r.funded_on}`;
    const renounced = r.observed_on
      ? `renounced in the file of ${r.observed_on}`
      : 'renounced in the current file (its publication day is not known)';
    const conflict = r.status_on !== null;
    return {
      code: conflict ? STATUS_CONFLICT : RENUNCIATION_DATE_UNKNOWN,
      entity: `PnrrGrant:${r.pk}`,
      comune: r.comune,
      dataset: r.dataset_id,
      sourceNote: r.source_note,
      message: conflict
        ? `${what} is renounced as of ${r.status_on} by the current file, yet the file published on ${r.last_active} still lists it as funded: its state between ${r.status_on} and the first file showing it renounced is not known, and as-of figures give it apart (uncertainAmount).`
        : `${what} was renounced on a day no file gives: ${seen}, ${renounced}. As-of figures between those days give it apart as uncertain (uncertainAmount), neither counted nor left out.`,
    };
  });
  await replaceQualityFlags(em, 'pnrr', flags, [RENUNCIATION_DATE_UNKNOWN, STATUS_CONFLICT]);
  return flags.length;
}
