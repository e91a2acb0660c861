export function walkSources(dir: string): string[];
export function extractFile(file: string): { found: { id: string; line: number }[]; problems: { line: number; text: string; why: string }[] };
export function lintFile(file: string): { line: number; text: string; why: string }[];
export const USER_ATTRS: Set<string>;
