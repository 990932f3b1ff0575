/**
 * @fileoverview Object names the way the controllers make them, but stable: a ReplicaSet's
 * `pod-template-hash` (FNV-1a of the template, encoded with apimachinery's safe alphabet) and
 * the five-character pod suffixes, derived from the owner's name and the pod's index instead
 * of a random source.
 */

/** apimachinery's `rand` alphabet: no vowels, no confusable digits. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** `SafeEncodeString`: each character mapped into the safe alphabet. */
export function safeEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += ALPHANUMS[text.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** A `pod-template-hash` for a template: the decimal FNV-1a of its JSON, safely encoded (like `ComputeHash`). */
export function templateHash(template: unknown): string {
  return safeEncode(String(fnv32a(JSON.stringify(template ?? null))));
}

/** Five safe characters, stable for a given seed (where the controllers use a random suffix). */
export function podSuffix(seed: string): string {
  let h = fnv32a(seed);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += ALPHANUMS[h % ALPHANUMS.length];
    h = Math.floor(h / ALPHANUMS.length) ^ Math.imul(i + 1, 0x9e3779b1) >>> 0;
    h >>>= 0;
  }
  return out;
}
