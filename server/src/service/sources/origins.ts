import type { FileRange, ManifestDocument, RelatedRange, Span } from '../model';

export type { FileRange, RelatedRange } from '../model';

/** Where something in a source's objects was written: the place to report it, and the others. */
export interface Origin {
  primary: FileRange;
  related: RelatedRange[];
  /** Other places that get the finding too, pointing back at the primary (the values line that set the value). */
  echoes?: RelatedRange[];
}

/**
 * A source's record of who wrote what. Rules read the objects a source yields (a chart's
 * rendered documents, an overlay's build); for a span of one of those documents, its origin
 * map names the file ranges that wrote it. A plain file needs none: it is its own record.
 */
export interface OriginMap {
  /** The origin of `span` (offsets in `document.text`); undefined when nothing the user wrote can be named. */
  originOf(document: ManifestDocument, span: Span): Origin | undefined;
}
