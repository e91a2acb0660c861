import type { Plugin } from 'vite';
export function uprightCatalogs(): Plugin;
export function readCatalog(lang: string): Record<string, string>;
export function compileCatalog(catalog: Record<string, string>, only?: Set<string>): Record<string, unknown>;
export function msgKey(message: string): string;
