/**
 * @fileoverview Kubernetes resource quantities (`100m`, `0.5`, `1Gi`, `1G`, `1e3`), parsed
 * exactly as apimachinery's resource.Quantity does, into milli-units so that arithmetic
 * on CPU and memory stays exact.
 */

const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([eE][+-]?\d+)|(n|u|m|k|M|G|T|P|E))?$/;

/**
 * The quantity in thousandths of its unit (millicores for CPU, millibytes for memory), rounded
 * up as the API server rounds sub-milli values; undefined when the text is not a quantity.
 * Numbers (YAML `cpu: 1`) are accepted as their decimal text.
 */
export function parseQuantityMilli(value: unknown): bigint | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    value = String(value);
  }
  if (typeof value !== 'string') return undefined;
  const m = QUANTITY.exec(value); // no trimming: " 1" is not a quantity for the API server either
  if (!m) return undefined;
  const [, number, binary, exponent, decimal] = m;
  const negative = number!.startsWith('-');
  const digits = number!.replace(/^[+-]/, '');
  const [intPart = '0', fracPart = ''] = digits.split('.');
  // value = (intPart.fracPart) * multiplier * 1000
  let mantissa = BigInt((intPart || '0') + fracPart);
  let scale = -fracPart.length + 3; // power of ten applied to mantissa to get milli-units
  let factor = 1n;
  if (binary) factor = BINARY[binary]!;
  else if (exponent) scale += Number(exponent.slice(1));
  else if (decimal !== undefined) scale += DECIMAL[decimal]!;
  mantissa *= factor;
  let milli: bigint;
  if (scale >= 0) milli = mantissa * 10n ** BigInt(scale);
  else {
    const div = 10n ** BigInt(-scale);
    milli = mantissa / div + (mantissa % div === 0n ? 0n : 1n); // round up, like the API server
  }
  return negative ? -milli : milli;
}

/** The quantity as a JavaScript number of whole units (cores, bytes); undefined when invalid. */
export function parseQuantity(value: unknown): number | undefined {
  const milli = parseQuantityMilli(value);
  return milli === undefined ? undefined : Number(milli) / 1000;
}

/** Formats CPU millicores the way kubectl does: `250m`, `2`. */
export function formatCpu(milli: bigint | number): string {
  const m = BigInt(milli);
  return m % 1000n === 0n ? String(m / 1000n) : `${m}m`;
}

/** Formats bytes with the largest binary suffix that keeps one decimal: `512Mi`, `1.5Gi`. */
export function formatBytes(bytes: number): string {
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${text}${units[unit]}`;
}
