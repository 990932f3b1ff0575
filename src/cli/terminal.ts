/**
 * @fileoverview Text for a terminal: colors when wanted, and escaping of what comes from the
 * manifests. A container name or an annotation value could hold escape sequences that move
 * the cursor, rewrite earlier lines or set the window title; they are printed as visible
 * escapes (`\x1b`) instead. Bidirectional overrides ("Trojan source") are escaped the same way.
 */

/** C0 and C1 controls, DEL, and the Unicode bidirectional controls. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces control characters by visible escapes (`\n`, `\t`, `\x1b`, `\u202e`). */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export interface Colors {
  enabled: boolean;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

function sgr(open: number, close: number, enabled: boolean): (text: string) => string {
  return enabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
}

export function colors(enabled: boolean): Colors {
  return {
    enabled,
    red: sgr(31, 39, enabled),
    yellow: sgr(33, 39, enabled),
    blue: sgr(34, 39, enabled),
    green: sgr(32, 39, enabled),
    dim: sgr(2, 22, enabled),
    bold: sgr(1, 22, enabled),
    underline: sgr(4, 24, enabled),
  };
}

/**
 * Whether to color: never with `--no-color` or `NO_COLOR` (any non-empty value, see
 * no-color.org); forced by `FORCE_COLOR` (not `0`); otherwise only when writing to a terminal.
 */
export function wantColor(options: { noColor: boolean; toTerminal: boolean; env: Readonly<Record<string, string | undefined>> }): boolean {
  if (options.noColor) return false;
  if (options.env.NO_COLOR) return false;
  const force = options.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (options.env.TERM === 'dumb') return false;
  return options.toTerminal;
}
