/**
 * @fileoverview Placeholder entry of the CLI until the command table lands.
 */
export function main(): void {
  process.stderr.write('kubeplan: not built yet\n');
  process.exitCode = 2;
}
