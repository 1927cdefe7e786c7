import { parentPort, workerData } from 'node:worker_threads';
import { localeOf, setLocale } from '../../messages';
import { checkPart, parsePart, type ParsedPart } from '../../service/languageService';
import type { FromWorker, ToWorker } from './partWorkerMessages';

// The entry of dist/partWorker.js: a worker thread of the language server that parses and checks part of a large file.
const parts = new Map<number, ParsedPart>();
setLocale(localeOf((workerData as { locale?: string } | null)?.locale)); // the server's language, for the findings' messages

function answer(message: ToWorker): FromWorker | undefined {
  switch (message.kind) {
    case 'parse': {
      const part = parsePart(message.uri, message.text, message.settings);
      parts.set(message.id, part);
      return { id: message.id, services: part.services };
    }
    case 'check': {
      const part = parts.get(message.id);
      parts.delete(message.id);
      return part ? { id: message.id, findings: checkPart(part, message.fileServices, message.workspace) } : { id: message.id, error: 'no such part' };
    }
    case 'drop':
      parts.delete(message.id);
      return undefined;
  }
}

parentPort?.on('message', (message: ToWorker) => {
  let response: FromWorker | undefined;
  try {
    response = answer(message);
  } catch (error) {
    parts.delete(message.id);
    response = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  if (response) parentPort?.postMessage(response);
});
