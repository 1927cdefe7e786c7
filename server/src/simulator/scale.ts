import { ordinalsOf, pvcNames } from './identity';
import { planScale } from './plans';
import type { StatefulSetSettings } from './readStatefulSet';
import type { ScaleImpact } from './types';

/**
 * The set, created as written, then scaled to `to` replicas: the pods the controller creates or
 * deletes and the PVCs left afterwards, and after the set's deletion.
 *
 * The controller never deletes a claim itself; it sets ownerReferences and the garbage
 * collector deletes a claim once its owner is gone (stateful_set_utils.go
 * updateClaimOwnerRefForSetAndPod, called when a pod's claims are created and for every
 * condemned pod). Under whenDeleted: Delete every claim the set made gets the set as owner;
 * with whenScaled: Retain a scaled-down pod's claims keep that owner, so the set's deletion
 * deletes them too. With whenScaled: Delete a condemned pod's claims get the pod as owner
 * instead, and go with the pod. Claims made before the set (or by an older policy) are not
 * modelled.
 */
export function scaleImpact(settings: StatefulSetSettings, to: number): ScaleImpact {
  const from = settings.simulatedReplicas;
  const context = {
    statefulSet: { name: settings.name },
    ordinalStart: settings.ordinalStart,
    podManagementPolicy: settings.podManagementPolicy,
    minReadySeconds: settings.minReadySeconds,
  };
  const plan = planScale(context, from, to);
  const pods = (action: 'create' | 'delete'): string[] => plan.filter((step) => step.action === action).flatMap((step) => step.pods);
  const [creates, deletes] = [pods('create'), pods('delete')];
  const target = from + creates.length - deletes.length;
  const claimsOf = (count: number): string[] =>
    ordinalsOf({ ordinalStart: settings.ordinalStart, simulatedReplicas: count })
      .flatMap((ordinal) => pvcNames(settings.claimTemplateNames, settings.name, ordinal));
  // whenScaled: Delete leaves the claims of the pods that remain; Retain those of every pod that ever ran.
  const pvcsAfter = claimsOf(settings.whenScaled === 'Delete' ? target : Math.max(from, target));
  return {
    from,
    to: target,
    plan,
    creates,
    deletes,
    pvcsAfter,
    pvcsAfterThenSetDeletion: settings.whenDeleted === 'Delete' ? [] : pvcsAfter,
  };
}
