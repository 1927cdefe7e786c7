import type { DeclaredSettings, PreviewResult, StatefulSetRef, WhatIf } from '../../../protocol/protocol';
import { simulate } from '../simulator';
import type { ServiceInfo } from './workspace/serviceLookup';
import type { WorkspaceIndex } from './workspace/workspaceIndex';
import { servicesOf } from './workspace/servicesOf';
import type { CheckedFile } from './languageService';
import type { KubeObject, ManifestDocument } from './model';
import { field, isStatefulSet } from './rules/read';
import type { Settings } from './settings';
import type { BaselineLookup } from './baseline/baselineLookup';
import { rolloutImpact } from './baseline/rolloutImpact';
import { blockedBy } from './previewBlockers';
import { gateOn, gatesInForce, targetVersion } from './versions/gates';

interface Located {
  object: KubeObject;
  document: ManifestDocument;
  ref: StatefulSetRef;
}

function statefulSetsOf(file: CheckedFile, settings: Settings): Located[] {
  return file.documents.flatMap((document) => document.objects.filter(isStatefulSet).map((object) => ({
    object,
    document,
    ref: {
      name: object.name ?? '(unnamed)',
      namespace: object.namespace ?? settings.defaultNamespace,
      line: file.lines.positionAt(document.offset + document.toChunkOffset(object.node.range?.[0] ?? 0)).line,
    },
  })));
}

/** The Service as the simulator reads it: what our index knows of it. */
function serviceValue(service: ServiceInfo | undefined): unknown {
  if (!service) return undefined;
  return {
    metadata: { name: service.name, namespace: service.namespace },
    spec: { clusterIP: service.headless ? 'None' : '', ...(service.selector ? { selector: service.selector } : {}) },
  };
}

export interface PreviewTarget {
  /** Whole-file offset of the cursor. */
  offset?: number;
  name?: string;
  whatIf?: WhatIf;
  baseline?: BaselineLookup | undefined;
}

/** What the StatefulSet under the cursor (or named) will create: the data of the preview and `sts preview`. */
export function previewOf(uri: string, file: CheckedFile, settings: Settings, index: WorkspaceIndex, target: PreviewTarget): PreviewResult {
  const all = statefulSetsOf(file, settings);
  const { offset, name } = target;
  const chosen = all.find((s) => name !== undefined && s.ref.name === name)
    ?? all.find((s) => offset !== undefined && s.document.offset <= offset && offset <= s.document.offset + s.document.text.length)
    ?? all[0];
  if (!chosen) return null;
  const serviceName = field(chosen.object.value, 'spec', 'serviceName');
  const lookup = index.lookupFor(uri, servicesOf(uri, file.documents, settings.defaultNamespace));
  const service = typeof serviceName === 'string' ? lookup.find(chosen.ref.namespace, serviceName) : undefined;
  const deployed = target.baseline?.find(chosen.object.kind, chosen.ref.namespace, chosen.ref.name);
  const input = {
    statefulSet: chosen.object.value,
    service: serviceValue(service),
    clusterDomain: settings.clusterDomain,
    defaultNamespace: settings.defaultNamespace,
    featureGates: gatesInForce(settings),
  };
  const simulation = simulate({ ...input, ...(target.whatIf ? { whatIf: target.whatIf } : {}) });
  const whatIfUsed = target.whatIf !== undefined && Object.keys(target.whatIf).length > 0;
  const blocked = blockedBy(file, chosen.document);
  return {
    uri,
    statefulSet: chosen.ref,
    others: all.filter((s) => s !== chosen).map((s) => s.ref),
    simulation,
    clusterDomain: settings.clusterDomain,
    maxUnavailableGate: gateOn(settings, 'MaxUnavailableStatefulSet'),
    kubernetesVersion: targetVersion(settings),
    featureGates: gatesInForce(settings),
    // A manifest the API server refuses changes nothing in the cluster: no impact to describe.
    impact: deployed && !blocked ? rolloutImpact(deployed.value, chosen.object.value, settings) : null,
    blocked,
    declared: declaredOf(whatIfUsed ? simulate(input) : simulation),
  };
}

function declaredOf({ replicas, partition, podManagementPolicy, maxUnavailable }: DeclaredSettings): DeclaredSettings {
  return { replicas, partition, podManagementPolicy, maxUnavailable };
}
