import { parseAhead } from '../../service/languageService';
import type { Settings } from '../../service/settings';
import type { OpenFile } from '../openFiles';
import { earlyDiagnostics, type EarlyDiagnosticsDeps } from './earlyDiagnostics';
import { inSlices } from './inSlices';

/** Opening a file larger than this parses it a slice at a time, answering other requests in between. */
export const slicedFrom = 256 * 1024;

/** What opening a large file needs from the server: early diagnostics' needs, plus the settings. */
export type LargeFileDeps = EarlyDiagnosticsDeps & { settings(): Settings };

/**
 * The large-file unit behind one call. Before a file's first check (or while part of it is
 * still unparsed) it publishes early diagnostics shared with a worker thread (above 1 MB),
 * then parses the rest in slices. Resolves false when the file changed or closed meanwhile.
 * An edit of a parsed file never comes here: the scheduler asks `needsOpening` first.
 */
export function largeFileOpen(deps: LargeFileDeps): {
  needsOpening(file: OpenFile, checkedBefore: boolean): boolean;
  open(uri: string, file: OpenFile, version: number, early: boolean): Promise<boolean>;
} {
  const publishEarly = earlyDiagnostics(deps);
  return {
    needsOpening: (file, checkedBefore) => !checkedBefore || file.store.unparsedLength >= slicedFrom,
    async open(uri, file, version, early) {
      if (early) await publishEarly(uri, file, version);
      if (file.store.unparsedLength < slicedFrom) return deps.isCurrent(uri, file, version);
      return inSlices(parseAhead(file.store, deps.settings()), () => deps.isCurrent(uri, file, version));
    },
  };
}
