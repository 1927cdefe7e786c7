import type { Problem } from './workbench';

/** Filters over the Problems panel's entries, for our diagnostics (source "statefulset"). */
export const ours = (p: Problem): boolean => p.source === 'statefulset';
export const inFile = (file: string) => (p: Problem): boolean => p.file === file && ours(p);
export const withCode = (file: string, code: string) => (p: Problem): boolean => inFile(file)(p) && p.code === code;
export const codesIn = (problems: Problem[], file: string): string[] => problems.filter(inFile(file)).map((p) => p.code ?? '?').sort();
