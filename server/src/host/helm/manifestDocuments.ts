import type { RenderedDocument } from './renderTypes';

const header = '---\n# Source: ';

/**
 * Cuts `helm template`'s output at the `---\n# Source: NAME\n` line pairs it writes before
 * every document. A template cannot forge one: Helm splits each template's output at
 * its `---` lines and prints every part after a header of its own, so a `# Source:` line
 * of the template's comes after Helm's, never right after a `---` that starts a part.
 */
export function documentsOf(manifest: string): RenderedDocument[] {
  const starts: number[] = [];
  for (let at = manifest.startsWith(header) ? 0 : manifest.indexOf('\n' + header); at >= 0; at = manifest.indexOf('\n' + header, at + 1)) {
    starts.push(at === 0 && manifest.startsWith(header) ? 0 : at + 1);
  }
  const documents: RenderedDocument[] = [];
  starts.forEach((start, i) => {
    const nameStart = start + header.length;
    const lineEnd = manifest.indexOf('\n', nameStart);
    const end = starts[i + 1] ?? manifest.length;
    const offset = lineEnd < 0 || lineEnd > end ? end : lineEnd + 1;
    documents.push({ source: manifest.slice(nameStart, lineEnd < 0 || lineEnd > end ? end : lineEnd), text: manifest.slice(offset, end), offset });
  });
  return documents;
}
