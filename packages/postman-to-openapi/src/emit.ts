import { stringify } from 'yaml';
import type { JsonObject } from './types.js';

/**
 * Serialise a document as YAML: no anchors/aliases, no line folding, stable output. Strings that a
 * YAML 1.1 reader would take for something else (`no`, `on`, `2024-01-01`) are quoted, so every
 * tool reads the same values.
 */
export function toYaml(doc: JsonObject): string {
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0, indent: 2, compat: 'yaml-1.1' });
}
