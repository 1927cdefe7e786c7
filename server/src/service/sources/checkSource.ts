import type { BaselineLookup } from '../baseline/baselineLookup';
import { checkDocument } from '../checkDocuments';
import type { Finding, ManifestDocument } from '../model';
import type { Lines } from '../parse/lineIndex';
import { settingsFingerprint, type Settings } from '../settings';
import type { ServiceInfo } from '../workspace/serviceLookup';
import { servicesOf } from '../workspace/servicesOf';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { OriginMap } from './origins';
import { t } from '../../messages';

/**
 * What a source other than a plain file yields: Kubernetes objects, as the documents of a
 * stream the user never edits (a chart's rendered templates, an overlay's build), and the
 * record of which file ranges wrote them.
 */
export interface SourceObjects {
  /** A name for the stream, e.g. `helm:file:///charts/db`: its Services are indexed under it. */
  uri: string;
  documents: readonly ManifestDocument[];
  origins: OriginMap;
  /** Line indexes of the files the origins name, to turn their offsets into positions. */
  linesOf(uri: string): Lines | undefined;
}

/** A source's findings, each in the file that wrote it (offsets of that file's text). */
export interface SourceFindings {
  byUri: Map<string, Finding[]>;
  /** The stream's own Services, for the workspace index. */
  services: ServiceInfo[];
  /** Each placed finding's document and finding as the rules reported it there (for fixes). */
  renderedOf: WeakMap<Finding, { document: ManifestDocument; finding: Finding }>;
}

function add(byUri: Map<string, Finding[]>, uri: string, finding: Finding): void {
  const list = byUri.get(uri);
  if (list) list.push(finding);
  else byUri.set(uri, [finding]);
}

/**
 * Runs every rule over a source's documents (their own Services first, then the workspace's)
 * and puts each finding where the origin map says it was written. The same template line
 * can write many documents (a `range`): its finding is reported once.
 */
export function checkSource(source: SourceObjects, settings: Settings, index: WorkspaceIndex, baseline?: BaselineLookup): SourceFindings {
  const services = servicesOf(source.uri, source.documents, settings.defaultNamespace);
  const links = { services: index.lookupFor(source.uri, services), baseline };
  const key = settingsFingerprint(settings);
  const byUri = new Map<string, Finding[]>();
  const renderedOf = new WeakMap<Finding, { document: ManifestDocument; finding: Finding }>();
  const seen = new Set<string>();
  for (const document of source.documents) {
    for (const finding of checkDocument(document, settings, links, key)) {
      const origin = source.origins.originOf(document, finding);
      if (!origin) continue;
      const { uri, start, end } = origin.primary;
      const id = `${uri}\n${start}\n${end}\n${finding.rule}\n${finding.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const placed: Finding = { ...finding, start, end, ...(origin.related.length > 0 ? { related: origin.related } : {}) };
      add(byUri, uri, placed);
      renderedOf.set(placed, { document, finding });
      for (const echo of origin.echoes ?? []) {
        const back = { uri, start, end, message: t('sources.reportedHere') };
        const echoed: Finding = { ...finding, start: echo.start, end: echo.end, message: t('sources.echo', { message: finding.message, echo: echo.message }), related: [back] };
        add(byUri, echo.uri, echoed);
        renderedOf.set(echoed, { document, finding });
      }
    }
  }
  return { byUri, services, renderedOf };
}
